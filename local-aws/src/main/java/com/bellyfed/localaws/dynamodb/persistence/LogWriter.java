package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers queue records ({@link #append}, no I/O), one thread drains the queue and
 * writes everything pending with one {@code write} and, where the policy says so, one {@code
 * force}, then wakes every waiter at once. Record {@code n} (its ticket) is the {@code n}-th record
 * appended since open, and the log holds records in ticket order.
 */
final class LogWriter {

  private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

  /** A segment switch requested by a checkpoint: the new segment, and the log bytes before it. */
  record Rotation(long sequence, long bytesBefore) {}

  private final JournalDirectory directory;
  private final FsyncPolicy policy;
  private final long intervalNanos;
  private final Runnable afterBatch;
  private final Thread thread;

  private final Object queueLock = new Object();
  private ArrayList<byte[]> queue = new ArrayList<>();
  private volatile long appended;
  private long rotateAfter;
  private @Nullable CompletableFuture<Rotation> rotation;
  private long forceThrough;
  private boolean stopping;
  private boolean parked;

  private final Object ackLock = new Object();
  private volatile long written;
  private volatile long forced;
  private volatile @Nullable Throwable failure;

  // Owned by the writer thread; volatile where stats() reads them.
  private FileChannel segment;
  private volatile long sequence;
  private volatile long totalBytes;
  private volatile long forces;
  private final FrameWriter frames;
  private final long startBytes;
  private @Nullable CompletableFuture<Rotation> rotating;
  private long lastForce = System.nanoTime();

  LogWriter(
      JournalDirectory directory,
      JournalSettings settings,
      FileChannel segment,
      long sequence,
      long logBytes,
      Runnable afterBatch) {
    this.directory = directory;
    this.policy = settings.fsync();
    this.intervalNanos = settings.fsyncInterval().toNanos();
    this.afterBatch = afterBatch;
    this.segment = segment;
    this.sequence = sequence;
    this.totalBytes = logBytes;
    this.startBytes = logBytes;
    this.frames = new FrameWriter(segment);
    this.thread = new Thread(this::run, "journal-writer " + directory.path().getFileName());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Queues a record; returns its ticket. The caller must not change the array afterwards. */
  long append(byte[] record) {
    synchronized (queueLock) {
      if (stopping) {
        throw new IllegalStateException("The journal in " + directory.path() + " is closed");
      }
      checkHealthy();
      queue.add(record);
      if (parked) {
        parked = false;
        queueLock.notify();
      }
      return ++appended;
    }
  }

  long appended() {
    return appended;
  }

  /** Waits until record {@code ticket} is acknowledged under the policy. */
  void awaitAcknowledged(long ticket) throws InterruptedException {
    if (policy == FsyncPolicy.ALWAYS) {
      awaitForced(ticket);
    } else {
      awaitWritten(ticket);
    }
  }

  private void awaitWritten(long ticket) throws InterruptedException {
    if (written >= ticket) {
      return;
    }
    synchronized (ackLock) {
      while (written < ticket) {
        checkHealthy();
        ackLock.wait();
      }
    }
  }

  private void awaitForced(long ticket) throws InterruptedException {
    if (forced >= ticket) {
      return;
    }
    synchronized (ackLock) {
      while (forced < ticket) {
        checkHealthy();
        ackLock.wait();
      }
    }
  }

  /** Forces the log through record {@code ticket}, whatever the policy. */
  void force(long ticket) throws IOException {
    synchronized (queueLock) {
      try {
        checkHealthy();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      // A ticket never handed out would keep the writer forcing forever.
      ticket = Math.min(ticket, appended);
      forceThrough = Math.max(forceThrough, ticket);
      wake();
    }
    try {
      awaitForced(ticket);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while forcing the journal");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Starts a new segment after the records appended so far and returns it once created; records
   * appended from now on go into it.
   */
  Rotation rotate() throws IOException {
    CompletableFuture<Rotation> done = new CompletableFuture<>();
    synchronized (queueLock) {
      try {
        checkHealthy();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (stopping || rotation != null) {
        throw new IllegalStateException("The journal cannot rotate now");
      }
      rotation = done;
      rotateAfter = appended;
      wake();
    }
    try {
      return done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while rotating the journal");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException("Rotation failed", cause);
    }
  }

  /** Writes and forces everything appended, then stops the thread and closes the segment. */
  void stop() {
    synchronized (queueLock) {
      stopping = true;
      wake();
    }
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Nullable Throwable failure() {
    return failure;
  }

  long written() {
    return written;
  }

  long forced() {
    return forced;
  }

  long sequence() {
    return sequence;
  }

  long totalBytes() {
    return totalBytes;
  }

  long bytesWritten() {
    return totalBytes - startBytes;
  }

  long writes() {
    return frames.writes();
  }

  long forces() {
    return forces;
  }

  private void wake() {
    if (parked) {
      parked = false;
      queueLock.notify();
    }
  }

  private void checkHealthy() {
    Throwable cause = failure;
    if (cause != null) {
      throw new UncheckedIOException(
          "The journal in " + directory.path() + " failed; nothing more can be written",
          cause instanceof IOException io ? io : new IOException(cause));
    }
  }

  private void run() {
    try {
      while (true) {
        ArrayList<byte[]> batch;
        long rotateAt;
        long forceWanted;
        boolean stop;
        synchronized (queueLock) {
          while (queue.isEmpty() && rotation == null && forceThrough <= forced && !stopping) {
            long wait = idleWait();
            if (wait == 0) {
              break;
            }
            parked = true;
            if (wait < 0) {
              queueLock.wait();
            } else {
              TimeUnit.NANOSECONDS.timedWait(queueLock, wait);
            }
            parked = false;
          }
          batch = queue;
          queue = new ArrayList<>(Math.max(16, batch.size()));
          rotating = rotation;
          rotation = null;
          rotateAt = rotateAfter;
          forceWanted = forceThrough;
          stop = stopping;
        }
        long first = written + 1;
        if (rotating != null) {
          int before = (int) (rotateAt - first + 1);
          write(batch, 0, before, first);
          try {
            rotating.complete(rotateSegment());
          } catch (SegmentNotCreated e) {
            // Only the checkpoint fails: the current segment is intact and takes the next records.
            rotating.completeExceptionally(e.getCause());
          }
          rotating = null;
          write(batch, before, batch.size(), first);
        } else {
          write(batch, 0, batch.size(), first);
        }
        if (forced < written
            && (policy == FsyncPolicy.ALWAYS || forceWanted > forced || stop || intervalDue())) {
          forceSegment();
        }
        synchronized (ackLock) {
          ackLock.notifyAll();
        }
        if (stop) {
          segment.close();
          return;
        }
        if (!batch.isEmpty()) {
          try {
            afterBatch.run();
          } catch (RuntimeException e) {
            log.error("The journal's after-write hook failed; the log is unaffected", e);
          }
        }
      }
    } catch (Throwable e) {
      fail(e);
    }
  }

  /** Nanoseconds until the interval policy's next force, 0 if due now, -1 if none is pending. */
  private long idleWait() {
    if (policy != FsyncPolicy.INTERVAL || forced >= written) {
      return -1;
    }
    return Math.max(0, lastForce + intervalNanos - System.nanoTime());
  }

  private boolean intervalDue() {
    return policy == FsyncPolicy.INTERVAL && System.nanoTime() - lastForce >= intervalNanos;
  }

  private void write(ArrayList<byte[]> batch, int from, int to, long first) throws IOException {
    if (from >= to) {
      return;
    }
    long bytes = 0;
    for (int i = from; i < to; i++) {
      bytes += frames.put(batch.get(i));
    }
    frames.flush();
    totalBytes += bytes;
    written = first + to - 1;
  }

  private void forceSegment() throws IOException {
    long through = written;
    segment.force(false);
    lastForce = System.nanoTime();
    forces++;
    forced = through;
  }

  private Rotation rotateSegment() throws IOException, SegmentNotCreated {
    if (forced < written) {
      forceSegment();
    }
    long bytesBefore = totalBytes;
    long next = sequence + 1;
    FileChannel created;
    try {
      created = directory.createSegment(next);
    } catch (IOException e) {
      throw new SegmentNotCreated(e);
    }
    segment.close();
    segment = created;
    sequence = next;
    frames.target(created);
    totalBytes += Format.FILE_HEADER_BYTES;
    return new Rotation(next, bytesBefore);
  }

  /** A rotation that could not create its segment, which leaves the log as it was. */
  private static final class SegmentNotCreated extends Exception {

    private static final long serialVersionUID = 1L;

    SegmentNotCreated(IOException cause) {
      super(cause);
    }
  }

  private void fail(Throwable e) {
    log.error("The journal in {} failed; every later write will be refused", directory.path(), e);
    failure = e;
    if (rotating != null) {
      rotating.completeExceptionally(e);
    }
    synchronized (queueLock) {
      if (rotation != null) {
        rotation.completeExceptionally(e);
        rotation = null;
      }
    }
    synchronized (ackLock) {
      ackLock.notifyAll();
    }
    try {
      segment.close();
    } catch (IOException closing) {
      e.addSuppressed(closing);
    }
  }
}
