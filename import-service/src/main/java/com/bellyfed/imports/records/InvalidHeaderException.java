package com.bellyfed.imports.records;

import com.bellyfed.kit.problem.InvalidRequestException;

/**
 * The CSV header row does not name the columns the record type expects; the message says which
 * ones it does expect. A 400 naming the field {@code header}.
 */
public class InvalidHeaderException extends InvalidRequestException {

  private final String reason;

  public InvalidHeaderException(String reason) {
    super(java.util.List.of(new com.bellyfed.kit.problem.FieldError("header", reason)));
    this.reason = reason;
  }

  @Override
  public String getMessage() {
    return reason;
  }
}
