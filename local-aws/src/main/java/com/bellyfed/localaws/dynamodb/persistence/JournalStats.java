package com.bellyfed.localaws.dynamodb.persistence;

/**
 * Counters of a {@link Journal} since it was opened.
 *
 * @param appended records appended (the last ticket handed out)
 * @param written records whose bytes reached the operating system
 * @param forced records forced to the device
 * @param writes {@code write} batches (group commits) of the log
 * @param forces {@code force} calls on the log
 * @param bytesWritten log bytes written, frames included
 * @param logBytesSinceSnapshot bytes of the log segments a recovery would replay after the newest
 *     snapshot, what {@link JournalSettings#checkpointAfterBytes()} is compared with
 * @param segment sequence number of the log segment being written
 * @param checkpoints checkpoints completed
 * @param replayedSnapshotRecords records replayed from the snapshot at open
 * @param replayedLogRecords records replayed from the log at open
 * @param truncatedBytes bytes of a torn tail dropped at open
 */
public record JournalStats(
    long appended,
    long written,
    long forced,
    long writes,
    long forces,
    long bytesWritten,
    long logBytesSinceSnapshot,
    long segment,
    long checkpoints,
    long replayedSnapshotRecords,
    long replayedLogRecords,
    long truncatedBytes) {}
