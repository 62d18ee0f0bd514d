package com.bellyfed.query.web;

import com.bellyfed.query.paging.InvalidCursorException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 9457 {@code application/problem+json}, Spring's own ones included. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler
  ResponseEntity<Object> onInvalidCursor(InvalidCursorException e, WebRequest request) {
    InvalidParametersException invalid = InvalidParametersException.of("cursor", e.getMessage());
    return handleExceptionInternal(invalid, invalid.getBody(), invalid.getHeaders(), invalid.getStatusCode(), request);
  }

  /** The last resort: a plain 500 that tells the client nothing about our internals. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> onUnexpected(RuntimeException e) {
    log.error("Request failed", e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request failed unexpectedly.");
    problem.setType(URI.create("urn:bellyfed:problem:internal"));
    return ResponseEntity.internalServerError().body(problem);
  }
}
