package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;

/**
 * A journal file that cannot be read safely: damaged before its tail, of an unknown format version,
 * or missing from the sequence. Start-up stops rather than drop records that may have been
 * acknowledged.
 */
public final class JournalFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  public JournalFormatException(String message) {
    super(message);
  }
}
