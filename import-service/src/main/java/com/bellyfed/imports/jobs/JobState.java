package com.bellyfed.imports.jobs;

/** Where an import job is; the last four are final. */
public enum JobState {
  /** Created; the body is still being read and chunked. */
  ACCEPTED,
  /** The body is read; chunks are being written. */
  RUNNING,
  COMPLETED,
  /** Every chunk written, but some records were rejected. */
  COMPLETED_WITH_ERRORS,
  /** A chunk could not be written (its records are counted as failed) or the upload broke off. */
  FAILED,
  CANCELLED;

  public boolean isFinal() {
    return this != ACCEPTED && this != RUNNING;
  }
}
