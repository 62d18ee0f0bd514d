package com.bellyfed.kit.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 404 for an id or name nothing is stored under. */
public class NotFoundException extends ErrorResponseException {

  /** @param detail names what was asked for; echo only ids already checked, never raw input */
  public NotFoundException(String detail) {
    super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail), null);
  }

  @Override
  public String getMessage() {
    return getBody().getDetail();
  }
}
