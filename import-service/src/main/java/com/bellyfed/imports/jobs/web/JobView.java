package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.jobs.ImportJob;
import com.bellyfed.imports.jobs.Rejection;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A job as the API shows it.
 *
 * @param rejections the first rejected records (at most 1,000; {@code counts.rejected} counts all); left out of lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobView(
    String jobId,
    String type,
    String state,
    Counts counts,
    Chunks chunks,
    double recordsPerSecond,
    Instant createdAt,
    @Nullable Instant finishedAt,
    @Nullable String failureReason,
    @Nullable List<Rejection> rejections) {

  /** Once the job is settled, received = rejected + written + failed + skipped. */
  record Counts(long received, long rejected, long written, long failed, long skipped) {}

  record Chunks(long sent, long done) {}

  static JobView of(ImportJob job, boolean withRejections) {
    return new JobView(
        job.jobId(),
        job.type(),
        job.state().name(),
        new Counts(job.received(), job.rejected(), job.written(), job.failed(), job.skipped()),
        new Chunks(job.chunksSent(), job.chunksDone()),
        job.recordsPerSecond(Instant.now()),
        job.createdAt(),
        job.finishedAt(),
        job.failureReason(),
        withRejections ? job.rejections() : null);
  }
}
