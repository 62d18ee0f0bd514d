package com.bellyfed.imports.jobs.web;

import com.bellyfed.imports.jobs.ImportJob;
import org.jspecify.annotations.Nullable;

/** The request names a job that does not exist. */
class UnknownJobException extends RuntimeException {
  UnknownJobException(String jobId) {
    super("No import job " + jobId);
  }
}

/** The body's media type is not one an import reads. */
class UnsupportedContentTypeException extends RuntimeException {
  UnsupportedContentTypeException(@Nullable String contentType) {
    super("Content-Type " + (contentType == null ? "(none)" : "'" + contentType + "'") + " is not supported");
  }
}

/** A parameter or header of the request is invalid. */
class InvalidRequestException extends RuntimeException {
  private final String field;
  private final String reason;

  InvalidRequestException(String field, String reason) {
    super(field + " " + reason);
    this.field = field;
    this.reason = reason;
  }

  String field() {
    return field;
  }

  String reason() {
    return reason;
  }
}

/** A cancellation came after the job finished. */
class JobFinishedException extends RuntimeException {
  private final ImportJob job;

  JobFinishedException(ImportJob job) {
    super("Import job " + job.jobId() + " is " + job.state() + " already");
    this.job = job;
  }

  ImportJob job() {
    return job;
  }
}
