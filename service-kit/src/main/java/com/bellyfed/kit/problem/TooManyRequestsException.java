package com.bellyfed.kit.problem;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 429 with {@code Retry-After}: the caller went over a rate limit; the same request may pass later. */
public class TooManyRequestsException extends ErrorResponseException {

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS,
        Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter));
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
