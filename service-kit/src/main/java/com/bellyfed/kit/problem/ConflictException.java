package com.bellyfed.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 409: the request does not fit the resource's current state. */
public class ConflictException extends ErrorResponseException {

  public ConflictException(String detail) {
    super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail), null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
