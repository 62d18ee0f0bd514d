package com.bellyfed.query.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A 404 problem for an id nothing is stored under. */
public final class NotFoundException extends ErrorResponseException {

  /**
   * @param what the kind of resource, e.g. {@code restaurant}
   * @param id an id already checked by {@link Parameters#id}, so safe to echo
   */
  public NotFoundException(String what, String id) {
    super(HttpStatus.NOT_FOUND, problem(what, id), null);
  }

  private static ProblemDetail problem(String what, String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + " with id " + id);
    problem.setType(URI.create("urn:bellyfed:problem:not-found"));
    problem.setTitle("Not found");
    return problem;
  }
}
