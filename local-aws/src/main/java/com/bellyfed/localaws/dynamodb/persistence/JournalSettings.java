package com.bellyfed.localaws.dynamodb.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Journal} trades durability for speed, and when it compacts itself.
 *
 * @param fsync when the log is forced to the device; see {@link FsyncPolicy}
 * @param fsyncInterval how often {@link FsyncPolicy#INTERVAL} forces; ignored by the other policies
 * @param checkpointAfterBytes log bytes written since the last snapshot after which {@link
 *     Journal#checkpointAutomatically} takes a new one; {@code 0} never checkpoints automatically
 */
public record JournalSettings(FsyncPolicy fsync, Duration fsyncInterval, long checkpointAfterBytes) {

  public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);

  /** 64 MiB: replaying that much takes well under a second, and a snapshot is rarely needed. */
  public static final long DEFAULT_CHECKPOINT_AFTER_BYTES = 64L << 20;

  public JournalSettings {
    Objects.requireNonNull(fsync, "fsync");
    Objects.requireNonNull(fsyncInterval, "fsyncInterval");
    if (fsyncInterval.isNegative() || fsyncInterval.isZero()) {
      throw new IllegalArgumentException("fsyncInterval must be positive: " + fsyncInterval);
    }
    if (checkpointAfterBytes < 0) {
      throw new IllegalArgumentException(
          "checkpointAfterBytes must be 0 (never) or positive: " + checkpointAfterBytes);
    }
  }

  /** {@link FsyncPolicy#INTERVAL} every second, a checkpoint after 64 MiB of log. */
  public static JournalSettings defaults() {
    return new JournalSettings(
        FsyncPolicy.INTERVAL, DEFAULT_FSYNC_INTERVAL, DEFAULT_CHECKPOINT_AFTER_BYTES);
  }

  public JournalSettings withFsync(FsyncPolicy policy) {
    return new JournalSettings(policy, fsyncInterval, checkpointAfterBytes);
  }

  public JournalSettings withFsyncInterval(Duration interval) {
    return new JournalSettings(fsync, interval, checkpointAfterBytes);
  }

  public JournalSettings withCheckpointAfterBytes(long bytes) {
    return new JournalSettings(fsync, fsyncInterval, bytes);
  }
}
