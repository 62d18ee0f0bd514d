package com.bellyfed.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 403: the caller is known, but may not do this (e.g. write another user's resource). */
public class ForbiddenException extends ErrorResponseException {

  /** @param detail says what is refused; never echo raw input */
  public ForbiddenException(String detail) {
    super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail), null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
