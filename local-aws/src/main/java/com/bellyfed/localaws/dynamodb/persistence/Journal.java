package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable, append-only journal of opaque records in one directory, for an in-memory store that
 * must survive a restart, a {@code kill -9} and, under {@link FsyncPolicy#ALWAYS}, a power loss.
 * A record is the unit of atomicity: after a crash each one is present whole or not at all, and
 * the records present are a prefix of those appended.
 *
 * <p>Writing: {@link #append} queues a record and returns its ticket without doing any I/O, so
 * callers may append while they hold the locks of what the record changes, which makes the log's
 * order respect every dependency between writes. Log order is the order of {@code append} calls.
 * The caller then releases its locks and waits with {@link #awaitDurable} before it acknowledges.
 * A single writer thread writes everything queued with one {@code write} (group commit), forces
 * the log as the {@link FsyncPolicy} says, and wakes all the waiters of the batch.
 *
 * <p>Compaction: {@link #checkpoint} switches the log to a new segment, writes the store's whole
 * state as a snapshot while writes go on (see {@link SnapshotSource} for what that asks of the
 * store), commits the snapshot by an atomic rename, and deletes the segments it covers. {@link
 * #checkpointAutomatically} does the same on a background thread whenever the log has grown by
 * {@link JournalSettings#checkpointAfterBytes()} since the last snapshot.
 *
 * <p>Recovery: {@link #open} replays the newest snapshot, then every later record, in order. The
 * tail of the newest segment may hold a record a crash interrupted; it is cut off with a WARN line.
 * Damage anywhere else stops the start-up with a {@link JournalFormatException} rather than drop
 * records that may have been acknowledged. A lock file keeps a second process (or a second open in
 * this one) out of the directory.
 *
 * <p>See {@code Format} for the file format.
 */
public final class Journal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  private final JournalDirectory directory;
  private final JournalSettings settings;
  private final JournalDirectory.Lock lock;
  private final LogWriter writer;
  private final Recovery.Result recovered;

  private final Object checkpointLock = new Object();
  private boolean checkpointsStopped;
  private volatile long checkpoints;
  private volatile long snapshotBase;

  private volatile boolean closed;
  private volatile @Nullable SnapshotSource automaticSource;
  private final AtomicBoolean automaticRunning = new AtomicBoolean();
  private volatile long automaticNotBefore;

  private Journal(
      JournalDirectory directory,
      JournalSettings settings,
      JournalDirectory.Lock lock,
      Recovery.Result recovered) {
    this.directory = directory;
    this.settings = settings;
    this.lock = lock;
    this.recovered = recovered;
    this.writer =
        new LogWriter(
            directory,
            settings,
            recovered.segment(),
            recovered.sequence(),
            recovered.logBytes(),
            this::maybeCheckpoint);
  }

  /**
   * Opens (creating if need be) the journal in {@code dir}, replaying its records into {@code
   * replay} before returning: the newest snapshot's, then the log's, in order.
   *
   * @throws JournalLockedException if the directory is open already, here or in another process
   * @throws JournalFormatException if a file is damaged before the log's tail, of an unknown format
   *     version, or missing
   */
  public static Journal open(Path dir, JournalSettings settings, Consumer<byte[]> replay)
      throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(replay, "replay");
    Files.createDirectories(dir);
    JournalDirectory directory = new JournalDirectory(dir);
    JournalDirectory.Lock lock = directory.lock();
    try {
      Recovery.Result recovered = Recovery.run(directory, replay);
      Journal journal = new Journal(directory, settings, lock, recovered);
      journal.writer.start();
      log.debug(
          "Opened the journal in {}: {} snapshot and {} log records replayed",
          dir, recovered.snapshotRecords(), recovered.logRecords());
      return journal;
    } catch (IOException | RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Queues a record and returns its ticket, for {@link #awaitDurable}. Does no I/O and never waits
   * for any. The journal keeps the array: do not change it afterwards.
   *
   * @throws IllegalStateException if the journal is closed
   * @throws UncheckedIOException if writing the log failed earlier; nothing more can be written
   * @throws IllegalArgumentException if the record is longer than 256 MiB
   */
  public long append(byte[] record) {
    if (record.length > Format.MAX_RECORD_BYTES) {
      throw new IllegalArgumentException(
          "A journal record holds at most " + Format.MAX_RECORD_BYTES + " bytes, not "
              + record.length);
    }
    if (closed) {
      throw new IllegalStateException("The journal in " + directory.path() + " is closed");
    }
    return writer.append(record);
  }

  /**
   * Waits until record {@code ticket} and every one before it are durable as the {@link
   * FsyncPolicy} defines it: written to the operating system, and forced under {@code ALWAYS}.
   *
   * @throws UncheckedIOException if the log could not be written; the record may be lost
   */
  public void awaitDurable(long ticket) throws InterruptedException {
    if (ticket < 1 || ticket > writer.appended()) {
      throw new IllegalArgumentException("No record has the ticket " + ticket);
    }
    writer.awaitAcknowledged(ticket);
  }

  /**
   * Writes {@code source}'s state as a snapshot and deletes the log it makes obsolete; appends go
   * on meanwhile. One checkpoint runs at a time; a second caller waits. A crash at any point leaves
   * a directory that recovers to the same state.
   */
  public void checkpoint(SnapshotSource source) throws IOException {
    Objects.requireNonNull(source, "source");
    synchronized (checkpointLock) {
      if (checkpointsStopped) {
        throw new IllegalStateException("The journal in " + directory.path() + " is closed");
      }
      runCheckpoint(source);
    }
  }

  /**
   * From now on, checkpoints {@code source} on a background thread whenever the log has grown by
   * {@link JournalSettings#checkpointAfterBytes()} since the last snapshot (unless that is 0).
   */
  public void checkpointAutomatically(SnapshotSource source) {
    automaticSource = Objects.requireNonNull(source, "source");
    maybeCheckpoint();
  }

  public JournalStats stats() {
    return new JournalStats(
        writer.appended(),
        writer.written(),
        writer.forced(),
        writer.writes(),
        writer.forces(),
        writer.bytesWritten(),
        writer.totalBytes() - snapshotBase,
        writer.sequence(),
        checkpoints,
        recovered.snapshotRecords(),
        recovered.logRecords(),
        recovered.truncatedBytes());
  }

  public Path directory() {
    return directory.path();
  }

  public JournalSettings settings() {
    return settings;
  }

  /**
   * Waits for a running checkpoint, writes and forces every record appended, closes the log and
   * releases the directory. Appends after this are refused. Idempotent.
   *
   * @throws UncheckedIOException if the log could not be written, now or earlier: records appended
   *     after {@link JournalStats#written()} are lost
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    synchronized (checkpointLock) {
      checkpointsStopped = true;
    }
    writer.stop();
    lock.close();
    Throwable failure = writer.failure();
    if (failure != null) {
      throw new UncheckedIOException(
          "The journal in " + directory.path() + " failed after record " + writer.written(),
          failure instanceof IOException io ? io : new IOException(failure));
    }
  }

  private void runCheckpoint(SnapshotSource source) throws IOException {
    LogWriter.Rotation rotation = writer.rotate();
    Path temp = directory.snapshotTemp(rotation.sequence());
    try {
      try (SnapshotWriter snapshot = new SnapshotWriter(temp, rotation.sequence())) {
        try {
          source.writeTo(snapshot::accept);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        // The snapshot may show any record appended so far: they must not be lost while it shows them.
        writer.force(writer.appended());
        snapshot.finish();
      }
      directory.commitSnapshot(temp, rotation.sequence());
    } catch (IOException | RuntimeException | Error e) {
      JournalDirectory.deleteQuietly(temp);
      throw e;
    }
    snapshotBase = rotation.bytesBefore();
    checkpoints++;
    directory.deleteCoveredBy(rotation.sequence());
  }

  /** Called by the writer thread after each batch: starts a checkpoint if one is due. */
  private void maybeCheckpoint() {
    SnapshotSource source = automaticSource;
    long threshold = settings.checkpointAfterBytes();
    if (source == null || threshold == 0 || closed || !due(threshold)) {
      return;
    }
    if (!automaticRunning.compareAndSet(false, true)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                // Again while due: the log may have outgrown the threshold while the last one ran.
                while (true) {
                  synchronized (checkpointLock) {
                    if (checkpointsStopped || !due(threshold)) {
                      break;
                    }
                    runCheckpoint(source);
                  }
                }
              } catch (IOException | RuntimeException e) {
                // Retry only after as much log again, not after every batch.
                automaticNotBefore = writer.totalBytes() + threshold;
                log.error("Automatic checkpoint of the journal in {} failed", directory.path(), e);
              } finally {
                automaticRunning.set(false);
              }
            },
            "journal-checkpoint " + directory.path().getFileName());
    thread.setDaemon(true);
    thread.start();
  }

  private boolean due(long threshold) {
    long total = writer.totalBytes();
    return total - snapshotBase >= threshold && total >= automaticNotBefore;
  }
}
