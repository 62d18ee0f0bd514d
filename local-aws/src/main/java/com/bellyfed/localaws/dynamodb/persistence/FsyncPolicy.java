package com.bellyfed.localaws.dynamodb.persistence;

/**
 * When the journal forces its log to the storage device ({@code FileChannel.force}, i.e.
 * {@code fdatasync}). Under every policy a record is acknowledged ({@link Journal#awaitDurable}
 * returns) only once its bytes were handed to the operating system ({@code write} returned), so an
 * acknowledged record survives the process being killed, even by {@code kill -9}: the kernel still
 * writes its page cache out. The policies differ only in what survives a power loss or kernel crash.
 */
public enum FsyncPolicy {

  /**
   * Acknowledge after {@code write} and {@code force}: an acknowledged record survives a power loss.
   * Concurrent appends share one {@code write} and one {@code force} (group commit), so the cost is
   * about one device flush per batch, not per record.
   */
  ALWAYS,

  /**
   * Acknowledge after {@code write}; force every {@link JournalSettings#fsyncInterval()} (1 s by
   * default) if anything was written since the last force. Survives {@code kill -9}; a power loss
   * may lose the records of the last interval, but never leaves one half applied.
   */
  INTERVAL,

  /**
   * Acknowledge after {@code write}; force only when a checkpoint needs it and at {@link
   * Journal#close()}. Survives {@code kill -9}; after a power loss, what survives is up to the
   * operating system, but recovery still yields a prefix of the log, never a half-applied record.
   */
  NEVER
}
