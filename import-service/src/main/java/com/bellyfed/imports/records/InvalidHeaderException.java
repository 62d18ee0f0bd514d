package com.bellyfed.imports.records;

/** The CSV header row does not name the columns the record type expects; the message says which ones it does expect. */
public class InvalidHeaderException extends RuntimeException {

  public InvalidHeaderException(String message) {
    super(message);
  }
}
