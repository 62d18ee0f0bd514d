package com.bellyfed.imports.jobs;

import com.bellyfed.imports.records.Format;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.kit.paging.Page;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What the web adapter may do with imports: start one, look at jobs, cancel one. */
@Service
public class Imports {

  private final Importer importer;
  private final ImportJobs jobs;
  private final JobEvents events;

  Imports(Importer importer, ImportJobs jobs, JobEvents events) {
    this.importer = importer;
    this.jobs = jobs;
    this.events = events;
  }

  /** A started (or, for a repeated Idempotency-Key, earlier) job. */
  public record Started(ImportJob job, boolean created) {}


  /** Reads the body into chunks; returns when every chunk is on the import queue. */
  public Started start(RecordType type, Format format, InputStream body, @Nullable String idempotencyKey) throws IOException {
    Importer.Started started = importer.start(type, format, body, idempotencyKey);
    return new Started(started.job(), started.created());
  }

  public Optional<ImportJob> find(String jobId) {
    return jobs.find(jobId);
  }

  /**
   * A page of jobs, newest first.
   *
   * @throws com.bellyfed.kit.paging.InvalidCursorException (a 400) when the cursor was not handed out by this listing
   */
  public Page<ImportJob> list(int limit, @Nullable String cursor) {
    return jobs.list(limit, cursor);
  }

  /** What a cancellation found. */
  public sealed interface Cancellation {}

  public record Cancelled(ImportJob job) implements Cancellation {}

  public record AlreadyFinished(ImportJob job) implements Cancellation {}

  public record Unknown() implements Cancellation {}

  /** Cancels a job in progress: chunks not yet written are skipped and counted as such. */
  public Cancellation cancel(String jobId) {
    Optional<ImportJob> cancelled = jobs.cancel(jobId);
    if (cancelled.isPresent()) {
      events.finished(cancelled.get());
      return new Cancelled(cancelled.get());
    }
    return jobs.find(jobId).<Cancellation>map(AlreadyFinished::new).orElseGet(Unknown::new);
  }
}
