package com.bellyfed.imports.jobs;

import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.kit.problem.PayloadTooLargeException;
import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.RecordReader;
import com.bellyfed.imports.records.RecordType;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import body as it arrives and turns it into chunks on the import queue: records are
 * validated one by one, accepted ones packed into chunks of at most {@code chunkMaxSize} and
 * {@code chunkMaxRecords}, chunks sent ten at a time. Memory holds one line, one chunk and one
 * batch, whatever the size of the body.
 */
@Component
class Importer {

  private static final Logger log = LoggerFactory.getLogger(Importer.class);

  private final ImportJobs jobs;
  private final ChunkQueue queue;
  private final JobEvents events;
  private final Validator validator;
  private final JsonMapper json;
  private final EnvelopeJson envelopeJson;
  private final ImportSettings settings;
  private final String service;
  private final Clock clock = Clock.systemUTC();

  Importer(
      ImportJobs jobs, ChunkQueue queue, JobEvents events, Validator validator, JsonMapper json, EnvelopeJson envelopeJson,
      ImportSettings settings, Environment environment) {
    this.json = json;
    this.envelopeJson = envelopeJson;
    this.jobs = jobs;
    this.queue = queue;
    this.events = events;
    this.validator = validator;
    this.settings = settings;
    this.service = environment.getProperty("spring.application.name", "import-service");
  }

  /** A job and whether this call created it (false: the Idempotency-Key was used before, and the body was not read). */
  record Started(ImportJob job, boolean created) {}

  /**
   * Creates the job and reads the whole body into chunks. The CSV header is checked before the
   * job exists, so a wrong one leaves nothing behind.
   */
  Started start(RecordType type, Format format, InputStream body, @Nullable String idempotencyKey) throws IOException {
    String jobId = idempotencyKey == null
        ? UUID.randomUUID().toString()
        : UUID.nameUUIDFromBytes(("import:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    if (idempotencyKey != null) {
      var existing = jobs.find(jobId);
      if (existing.isPresent()) {
        return new Started(existing.get(), false);
      }
    }
    RecordReader reader = RecordReader.open(
        type, format, body, json, validator, (int) settings.maxLineSize().toBytes(), clock);
    if (!jobs.create(jobId, type.parameter(), format.name(), idempotencyKey)) {
      return new Started(jobs.find(jobId).orElseThrow(), false);
    }
    events.started(jobId, type.parameter());
    try {
      new Upload(jobId, type, reader).run();
    } catch (IOException | RuntimeException broken) {
      String reason = broken instanceof PayloadTooLargeException tooLarge
          ? "the body is larger than the limit of " + tooLarge.limit() + " bytes"
          : "the upload broke off: " + broken.getMessage();
      log.warn("Import {} failed while reading its body: {}", jobId, reason);
      jobs.fail(jobId, reason).ifPresent(events::finished);
      throw broken;
    }
    return new Started(jobs.find(jobId).orElseThrow(), true);
  }

  /** The state of one body being read. */
  private final class Upload {

    private final String jobId;
    private final RecordType type;
    private final RecordReader reader;
    private final String correlationId = Correlation.correlationId();
    // The uploading admin, from the request's MDC: the chunks' events name them as their actor.
    private final @Nullable String actor = Correlation.actor();
    private final List<Rejection> kept = new ArrayList<>();
    private final List<String> chunk = new ArrayList<>();
    private final Map<String, String> batch = new LinkedHashMap<>();
    private int chunkBytes;
    private int batchBytes;
    private long sequence;
    private long received;
    private long rejected;
    private long chunksSent;
    private long unsent;
    private long batchRecords;
    private boolean cancelled;

    Upload(String jobId, RecordType type, RecordReader reader) {
      this.jobId = jobId;
      this.type = type;
      this.reader = reader;
    }

    void run() throws IOException {
      int maxChunk = (int) settings.chunkMaxSize().toBytes();
      RecordReader.Entry entry;
      while (!cancelled && (entry = reader.next()) != null) {
        received++;
        if (entry instanceof RecordReader.Rejected rejection) {
          rejected++;
          if (kept.size() < settings.keptRejections()) {
            kept.add(new Rejection(rejection.line(), rejection.reason()));
          }
        } else if (entry instanceof RecordReader.Accepted accepted) {
          String json = Chunk.recordJson(envelopeJson, accepted.record());
          int size = utf8Length(json) + 1;
          if (!chunk.isEmpty() && (chunkBytes + size > maxChunk || chunk.size() >= settings.chunkMaxRecords())) {
            closeChunk();
          }
          chunk.add(json);
          chunkBytes += size;
          unsent++;
        }
      }
      if (!cancelled && !chunk.isEmpty()) {
        closeChunk();
      }
      if (!cancelled && !batch.isEmpty()) {
        sendBatch();
      }
      if (cancelled) {
        // Records read but never queued are not part of the job.
        received -= unsent;
      }
      events.rejected(rejected);
      jobs.finishUpload(jobId, received, rejected, chunksSent, kept);
      jobs.find(jobId).flatMap(jobs::settle).ifPresent(events::finished);
    }

    private void closeChunk() {
      String body = Chunk.body(jobId, type, sequence++, chunk, correlationId, actor, service, clock.instant());
      int records = chunk.size();
      chunk.clear();
      chunkBytes = 0;
      int size = utf8Length(body);
      if (!batch.isEmpty() && (batchBytes + size > ChunkQueue.MAX_BATCH_BYTES || batch.size() >= ChunkQueue.MAX_ENTRIES)) {
        sendBatch();
      }
      batch.put(Chunk.id(jobId, sequence - 1), body);
      batchBytes += size;
      batchRecords += records;
    }

    /** Sends the batch and reports the counts so far; stops reading when the job was cancelled meanwhile. */
    private void sendBatch() {
      queue.send(batch);
      chunksSent += batch.size();
      unsent -= batchRecords;
      batch.clear();
      batchBytes = 0;
      batchRecords = 0;
      jobs.addUploaded(jobId, received, rejected, chunksSent);
      events.rejected(rejected);
      received = 0;
      rejected = 0;
      chunksSent = 0;
      cancelled = jobs.find(jobId).map(job -> job.state().isFinal()).orElse(true);
      if (cancelled) {
        log.info("Import {} was stopped while its body was being read; the rest of the body is not read", jobId);
      }
    }
  }

  static int utf8Length(String text) {
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
