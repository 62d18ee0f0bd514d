package com.bellyfed.query.paging;

/** A cursor that this service did not issue for this very listing: modified, truncated or reused with other filters. */
public final class InvalidCursorException extends RuntimeException {

  InvalidCursorException(String reason) {
    super(reason);
  }
}
