package com.bellyfed.write.writing;

import java.net.URI;
import org.springframework.http.HttpStatus;
import com.bellyfed.kit.problem.ProblemTypes;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A write refused because of the request (unknown id, version moved on, concurrent change): an
 * {@code ErrorResponse} with a 4xx status, so that it answers as problem details and is not
 * reported to the error bus as a fault of the service.
 */
public final class WriteRejected extends ErrorResponseException {

  private WriteRejected(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  public static WriteRejected notFound(String what, String id) {
    return new WriteRejected(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " does not exist");
  }

  public static WriteRejected versionMoved(String what, String id, long expected, long current) {
    return new WriteRejected(
        HttpStatus.PRECONDITION_FAILED,
        "Version moved on",
        what + " " + id + " is at version " + current + ", not " + expected + " (If-Match); read it again before changing it");
  }

  public static WriteRejected versionMovedOnMissing(String what, String id) {
    return new WriteRejected(
        HttpStatus.PRECONDITION_FAILED, "Version moved on", what + " " + id + " does not exist, so no version matches If-Match");
  }

  public static WriteRejected concurrentChange(String what, String id) {
    return new WriteRejected(
        HttpStatus.CONFLICT, "Concurrent change", what + " " + id + " was changed by another request at the same time; try again");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(ProblemTypes.of(status));
    return problem;
  }
}
