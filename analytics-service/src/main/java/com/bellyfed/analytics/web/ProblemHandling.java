package com.bellyfed.analytics.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Answers every error as RFC 9457 problem details: Spring MVC's own exceptions (415, 400 for an
 * unreadable body or a mistyped parameter, 405, ...) through {@link ResponseEntityExceptionHandler},
 * ours as the {@code ErrorResponseException}s they are.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

  /**
   * A cursor is opaque but not signed: one edited into another key shape reaches DynamoDB, which
   * refuses it. That is the client's mistake, not ours.
   */
  @ExceptionHandler(DynamoDbException.class)
  ProblemDetail dynamoDb(DynamoDbException e) {
    if (e.statusCode() == 400 && e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "cursor: not a cursor of this query");
      problem.setTitle("Invalid request");
      problem.setProperty("errors", java.util.List.of(new InvalidRequestException.FieldError("cursor", "not a cursor of this query")));
      return problem;
    }
    throw e;
  }
}
