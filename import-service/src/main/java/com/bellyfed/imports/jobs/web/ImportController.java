package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.jobs.Imports;
import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.kit.paging.Page;
import com.bellyfed.kit.problem.ConflictException;
import com.bellyfed.kit.problem.NotFoundException;
import com.bellyfed.kit.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/imports}: bulk imports of restaurants, reviews and users; every operation is for admins ({@link ImportSecurity}). */
@RestController
@SecurityRequirement(name = "bearer")
@RequestMapping("/api/imports")
class ImportController {

  private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Imports imports;
  private final ProgressStreams progress;

  ImportController(Imports imports, ProgressStreams progress) {
    this.imports = imports;
    this.progress = progress;
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
      HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
    String contentType = request.getContentType();
    Format format = Format.ofContentType(contentType == null ? "" : contentType).orElseThrow(() -> unsupported(contentType));
    Parameters parameters = new Parameters();
    RecordType recordType = RecordType.of(type).orElse(null);
    if (recordType == null) {
      parameters.reject("type", "must be one of " + RecordType.known());
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      parameters.reject("Idempotency-Key", "must be 1 to 200 characters");
    }
    parameters.validate();
    // The body's size is service-kit's limit (bellyfed.web.max-body-size): 413 up front or as soon as a read passes it.
    Imports.Started started = imports.start(recordType, format, request.getInputStream(), idempotencyKey);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/imports/" + started.job().jobId()))
        .body(JobView.of(started.job(), true));
  }

  @Operation(summary = "An import job: state, counts, records/s and the first 1,000 rejections")
  @GetMapping("/{jobId}")
  JobView job(@PathVariable String jobId) {
    return imports.find(known(jobId)).map(job -> JobView.of(job, true)).orElseThrow(() -> unknown(jobId));
  }

  @Operation(summary = "Recent import jobs, newest first", description = "Pass the returned `nextCursor` as `cursor` for the next page.")
  @GetMapping
  Page<JobView> list(
      @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable String limit,
      @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) @Nullable String cursor) {
    Parameters parameters = new Parameters();
    int size = parameters.integer("limit", limit, 1, 100, 20);
    String checkedCursor = parameters.text("cursor", cursor, 2_048);
    parameters.validate();
    return imports.list(size, checkedCursor).map(job -> JobView.of(job, false));
  }

  @Operation(summary = "Cancel an import", description = "Chunks not yet written are skipped; the counts stay consistent with the table.")
  @DeleteMapping("/{jobId}")
  ResponseEntity<JobView> cancel(@PathVariable String jobId) {
    Imports.Cancellation outcome = imports.cancel(known(jobId));
    if (outcome instanceof Imports.Cancelled cancelled) {
      return ResponseEntity.accepted().body(JobView.of(cancelled.job(), false));
    }
    if (outcome instanceof Imports.AlreadyFinished finished) {
      throw new ConflictException("Import job " + jobId + " is " + finished.job().state() + " already");
    }
    throw unknown(jobId);
  }

  @Operation(
      summary = "Follow a job's progress",
      description = "Server-Sent Events: `progress` events with the job as its counts change (a few per second at most), then "
          + "one `final` event with the final state, after which the stream ends.")
  @GetMapping(path = "/{jobId}/progress", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter progress(@PathVariable String jobId) {
    return progress.open(known(jobId)).orElseThrow(() -> unknown(jobId));
  }

  /**
   * The id if it can be a job's (a UUID, as every job id is), else 404 at once: whatever else a path
   * holds (5,000 characters, injection strings) never reaches DynamoDB, whose key limit would make it a 500.
   */
  private static String known(String jobId) {
    if (!JOB_ID.matcher(jobId).matches()) {
      throw unknown(jobId);
    }
    return jobId;
  }

  private static NotFoundException unknown(String jobId) {
    return new NotFoundException(JOB_ID.matcher(jobId).matches()
        ? "No import job " + jobId
        : "No import job has this id: job ids are UUIDs such as 6f1c2a7e-0b5d-4c1e-9a57-3f2d8e4b7c10");
  }

  /** A 415 naming the media types an import reads, in the answer's Accept header. */
  private static HttpMediaTypeNotSupportedException unsupported(@Nullable String contentType) {
    List<MediaType> supported = List.of(MediaType.parseMediaType(Format.NDJSON.mediaType()), MediaType.parseMediaType(Format.CSV.mediaType()));
    MediaType given;
    try {
      given = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (InvalidMediaTypeException unreadable) {
      given = null;
    }
    HttpMediaTypeNotSupportedException unsupported = new HttpMediaTypeNotSupportedException(given, supported, HttpMethod.POST);
    unsupported.getBody().setDetail(
        "Content-Type " + (given == null ? "(none or unreadable)" : "'" + given + "'") + " is not supported; expected one of " + Format.known());
    return unsupported;
  }
}
