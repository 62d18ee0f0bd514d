package com.bellyfed.kit.paging;

import com.bellyfed.kit.problem.InvalidRequestException;
import java.util.List;
import com.bellyfed.kit.problem.FieldError;

/**
 * A cursor this service did not issue for this very listing, or one that expired: modified,
 * truncated, reused with other filters. A 400 naming {@code cursor}.
 */
public final class InvalidCursorException extends InvalidRequestException {

  private final String reason;

  InvalidCursorException(String reason) {
    super(List.of(new FieldError("cursor", reason)));
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
