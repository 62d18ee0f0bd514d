package com.bellyfed.imports.records;

/** The body went past the configured limit; reading stopped there. */
public class BodyTooLargeException extends RuntimeException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("The body is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
