package com.bellyfed.events.catalog;

/** An event that must not be published: unknown type, missing field, failed constraint. The message names the problem. */
public class InvalidEventException extends IllegalArgumentException {

  public InvalidEventException(String message) {
    super(message);
  }
}
