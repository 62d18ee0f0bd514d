package com.bellyfed.kit.problem;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 503 with {@code Retry-After}: a dependency cannot answer now (breaker open, timeout, outage),
 * for a service that knows better than the handler when to come back.
 */
public class ServiceUnavailableException extends ErrorResponseException {

  public ServiceUnavailableException(String detail, Duration retryAfter, @Nullable Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE,
        Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail),
        cause);
    getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(retryAfter));
    getHeaders().setCacheControl("no-store");
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
