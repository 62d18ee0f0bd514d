package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.jobs.Imports;
import com.bellyfed.imports.jobs.ImportSettings;
import com.bellyfed.imports.records.BodyTooLargeException;
import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.RecordType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/imports}: bulk imports of restaurants, reviews and users. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

  private final Imports imports;
  private final ProgressStreams progress;
  private final ImportSettings settings;

  ImportController(Imports imports, ProgressStreams progress, ImportSettings settings) {
    this.imports = imports;
    this.progress = progress;
    this.settings = settings;
  }

  @Operation(
      summary = "Start an import",
      description = "Streams the body (NDJSON, or CSV with a header row) into chunks on the import queue and answers 202 once "
          + "every chunk is queued; records are written asynchronously. Invalid records are reported in the job, never fail it.")
  @RequestBody(content = {
      @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
      @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
  @PostMapping
  ResponseEntity<JobView> start(
      @Parameter(description = "restaurants, reviews or users") @RequestParam String type,
      @Parameter(description = "a repeated key returns the job it started, without reading the body again")
          @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
      HttpServletRequest request) throws IOException {
    String contentType = request.getContentType();
    Format format = Format.ofContentType(contentType == null ? "" : contentType)
        .orElseThrow(() -> new UnsupportedContentTypeException(contentType));
    RecordType recordType = RecordType.of(type)
        .orElseThrow(() -> new InvalidRequestException("type", "must be one of " + RecordType.known() + ", not '" + type + "'"));
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw new InvalidRequestException("Idempotency-Key", "must be 1 to 200 characters");
    }
    if (request.getContentLengthLong() > settings.maxBodySize().toBytes()) {
      throw new BodyTooLargeException(settings.maxBodySize().toBytes());
    }
    Imports.Started started = imports.start(recordType, format, request.getInputStream(), idempotencyKey);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/imports/" + started.job().jobId()))
        .body(JobView.of(started.job(), true));
  }

  @Operation(summary = "An import job: state, counts, records/s and the first 1,000 rejections")
  @GetMapping("/{jobId}")
  JobView job(@PathVariable String jobId) {
    return imports.find(jobId).map(job -> JobView.of(job, true)).orElseThrow(() -> new UnknownJobException(jobId));
  }

  @Operation(summary = "Recent import jobs, newest first", description = "Pass the returned `next` as `cursor` for the next page.")
  @GetMapping
  Map<String, Object> list(
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) @Nullable String cursor) {
    if (limit < 1 || limit > 100) {
      throw new InvalidRequestException("limit", "must be between 1 and 100");
    }
    Imports.Page page;
    try {
      page = imports.list(limit, cursor);
    } catch (IllegalArgumentException badCursor) {
      throw new InvalidRequestException("cursor", badCursor.getMessage());
    }
    List<JobView> jobs = page.jobs().stream().map(job -> JobView.of(job, false)).toList();
    return page.next() == null ? Map.of("jobs", jobs) : Map.of("jobs", jobs, "next", page.next());
  }

  @Operation(summary = "Cancel an import", description = "Chunks not yet written are skipped; the counts stay consistent with the table.")
  @DeleteMapping("/{jobId}")
  ResponseEntity<JobView> cancel(@PathVariable String jobId) {
    Imports.Cancellation outcome = imports.cancel(jobId);
    if (outcome instanceof Imports.Cancelled cancelled) {
      return ResponseEntity.accepted().body(JobView.of(cancelled.job(), false));
    }
    if (outcome instanceof Imports.AlreadyFinished finished) {
      throw new JobFinishedException(finished.job());
    }
    throw new UnknownJobException(jobId);
  }

  @Operation(
      summary = "Follow a job's progress",
      description = "Server-Sent Events: `progress` events with the job as its counts change (a few per second at most), then "
          + "one `final` event with the final state, after which the stream ends.")
  @GetMapping(path = "/{jobId}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter progress(@PathVariable String jobId) {
    return progress.open(jobId).orElseThrow(() -> new UnknownJobException(jobId));
  }
}
