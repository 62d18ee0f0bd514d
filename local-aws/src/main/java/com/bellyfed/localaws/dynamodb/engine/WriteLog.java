package com.bellyfed.localaws.dynamodb.engine;

/**
 * Where the engine records its changes for durability. {@link #append} is called while the items
 * concerned are locked, so the log's order respects every dependency between writes; the caller
 * waits with {@link #awaitDurable} after releasing its locks, before it acknowledges.
 */
public interface WriteLog {

  /** In memory only: nothing is written, nothing is waited for. */
  WriteLog NONE =
      new WriteLog() {
        @Override
        public long append(byte[] record) {
          return 0;
        }

        @Override
        public void awaitDurable(long ticket) {}
      };

  long append(byte[] record);

  void awaitDurable(long ticket);
}
