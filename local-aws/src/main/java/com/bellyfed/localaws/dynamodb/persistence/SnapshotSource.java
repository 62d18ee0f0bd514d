package com.bellyfed.localaws.dynamodb.persistence;

import java.util.function.Consumer;

/**
 * The engine's whole state, streamed as journal records for a snapshot ({@link
 * Journal#checkpoint}). The snapshot is fuzzy: writes go on while it is taken, and on recovery the
 * log records appended after the checkpoint began are replayed on top of it. That is correct when
 * records are idempotent after-images (replaying one whose effect the snapshot already shows
 * changes nothing) and when {@link #writeTo} keeps two promises:
 *
 * <ul>
 *   <li>It reflects every record appended before {@link Journal#checkpoint} was called, because
 *       the log segments holding those records are deleted once the snapshot is committed. Applying
 *       a change to the state before appending its record, or reading the state under the locks
 *       writers hold while they apply and append, both keep this promise.
 *   <li>Every change it emits has been appended by the time it returns, because the journal makes
 *       exactly the records appended by then durable before it commits the snapshot. Otherwise a
 *       crash could leave the snapshot showing part of a transaction whose record never reached
 *       the log. Reading each item under its lock keeps this promise; so does, when items are read
 *       without locks, taking and releasing every item lock once after the last read (any writer
 *       caught between applying a change and appending its record then has appended it).
 * </ul>
 */
@FunctionalInterface
public interface SnapshotSource {

  /**
   * Emits the whole state as records, in the order they are to be replayed. {@code out} may throw
   * {@link java.io.UncheckedIOException} when the snapshot cannot be written; let it propagate.
   */
  void writeTo(Consumer<byte[]> out);
}
