package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.persistence.Journal;

/** The engine's log on a {@link Journal} in the data directory. */
public final class JournalLog implements WriteLog {

  private final Journal journal;

  public JournalLog(Journal journal) {
    this.journal = journal;
  }

  @Override
  public long append(byte[] record) {
    return journal.append(record);
  }

  @Override
  public void awaitDurable(long ticket) {
    try {
      journal.awaitDurable(ticket);
    } catch (InterruptedException e) {
      // The write is applied and queued for the log; only its acknowledgement is abandoned.
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the write to reach the log", e);
    }
  }
}
