package com.bellyfed.query.storage;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** DynamoDB cannot answer now (circuit open, timeout, outage): the client gets a 503 and may retry. */
public final class StoreUnavailableException extends ErrorResponseException {

  StoreUnavailableException(String detail, Duration retryAfter, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    getHeaders().setCacheControl("no-store");
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setType(URI.create("urn:bellyfed:problem:store-unavailable"));
    problem.setTitle("Data store unavailable");
    return problem;
  }
}
