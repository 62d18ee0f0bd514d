package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;

/** The journal directory is already open, in this process or another one. */
public final class JournalLockedException extends IOException {

  private static final long serialVersionUID = 1L;

  public JournalLockedException(String message) {
    super(message);
  }
}
