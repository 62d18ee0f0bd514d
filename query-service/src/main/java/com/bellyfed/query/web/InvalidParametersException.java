package com.bellyfed.query.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 400 problem naming every invalid parameter and why, in {@code errors}. */
public final class InvalidParametersException extends ErrorResponseException {

  /**
   * One invalid parameter.
   *
   * @param parameter the parameter's name as the client sent it
   * @param reason what is wrong and, where it helps, what is allowed
   */
  public record Violation(String parameter, String reason) {}

  public InvalidParametersException(List<Violation> violations) {
    super(HttpStatus.BAD_REQUEST, problem(violations), null);
  }

  public static InvalidParametersException of(String parameter, String reason) {
    return new InvalidParametersException(List.of(new Violation(parameter, reason)));
  }

  private static ProblemDetail problem(List<Violation> violations) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            violations.stream().map(v -> v.parameter() + " " + v.reason()).collect(Collectors.joining("; ")));
    problem.setType(URI.create("urn:bellyfed:problem:invalid-parameters"));
    problem.setTitle("Invalid request parameters");
    problem.setProperty(
        "errors", violations.stream().map(v -> Map.of("parameter", v.parameter(), "reason", v.reason())).toList());
    return problem;
  }
}
