package com.bellyfed.analytics.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 400 problem naming every invalid field with its reason, in an {@code errors} member. An
 * {@code ErrorResponseException}, so the error reporter does not take it for the service's fault.
 */
public class InvalidRequestException extends ErrorResponseException {

  /** One invalid field and why. */
  public record FieldError(String field, String reason) {}

  public InvalidRequestException(Map<String, String> reasonsByField) {
    this(reasonsByField.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList());
  }

  public InvalidRequestException(List<FieldError> errors) {
    super(HttpStatus.BAD_REQUEST, problem(errors), null);
  }

  public static InvalidRequestException of(String field, String reason) {
    return new InvalidRequestException(List.of(new FieldError(field, reason)));
  }

  private static ProblemDetail problem(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")));
    problem.setTitle("Invalid request");
    problem.setType(URI.create("https://bellyfed.com/problems/invalid-request"));
    problem.setProperty("errors", errors);
    return problem;
  }
}
