package com.bellyfed.analytics.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 404 problem for an unknown id or name. */
public class NotFoundException extends ErrorResponseException {

  public NotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, problem(detail), null);
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setTitle("Not found");
    return problem;
  }
}
