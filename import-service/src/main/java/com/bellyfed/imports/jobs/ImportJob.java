package com.bellyfed.imports.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import job as stored in the import-jobs table. Counts obey, once every chunk is settled,
 * {@code received = rejected + written + failed + skipped}.
 *
 * @param received records read from the body (rejected ones included)
 * @param rejected records that failed validation
 * @param written records written to their table
 * @param failed records of chunks that could not be written (they are in the import DLQ)
 * @param skipped records of chunks not written because the job was cancelled
 * @param chunksSent chunks put on the import queue
 * @param chunksDone chunks written, failed or skipped
 * @param uploadFinished whether the whole body was read
 */
public record ImportJob(
    String jobId,
    String type,
    String format,
    JobState state,
    long received,
    long rejected,
    long written,
    long failed,
    long skipped,
    long chunksSent,
    long chunksDone,
    boolean uploadFinished,
    Instant createdAt,
    @Nullable Instant finishedAt,
    @Nullable String failureReason,
    @Nullable String idempotencyKey,
    List<Rejection> rejections) {

  /** Records settled (written, failed or skipped) per second since the job was created. */
  public double recordsPerSecond(Instant now) {
    Instant end = finishedAt != null && state != JobState.CANCELLED ? finishedAt : now;
    double seconds = Math.max(Duration.between(createdAt, end).toMillis(), 1) / 1000.0;
    return Math.round((written + failed + skipped) / seconds * 10) / 10.0;
  }

  /** The state this job ends in once every chunk is settled. */
  JobState finalState() {
    if (failureReason != null || failed > 0) {
      return JobState.FAILED;
    }
    return rejected > 0 ? JobState.COMPLETED_WITH_ERRORS : JobState.COMPLETED;
  }

  boolean isSettled() {
    return uploadFinished && chunksDone >= chunksSent;
  }
}
