package com.bellyfed.kit.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 413: the body went past the service's limit. Thrown while the body is read (a chunked body has
 * no length to check up front), so it may reach the handler wrapped in a parser's exception.
 */
public class PayloadTooLargeException extends ErrorResponseException {

  private final long limit;

  public PayloadTooLargeException(long limit) {
    super(HttpStatus.CONTENT_TOO_LARGE,
        Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large",
            "The request body must be at most " + limit + " bytes"),
        null);
    this.limit = limit;
    // The rest of the body is not read; the connection cannot carry another request.
    getHeaders().set(HttpHeaders.CONNECTION, "close");
  }

  public long limit() {
    return limit;
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
