package com.bellyfed.localaws.dynamodb.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Provisioned read and write capacity, zero for on-demand tables and their indexes, with the history
 * AWS reports beside it: when it was last raised and lowered, and how often it was lowered on the UTC
 * day of the last decrease.
 */
public record Throughput(
    long read, long write, @Nullable Instant lastIncrease, @Nullable Instant lastDecrease, int decreases) {

  public static final Throughput NONE = new Throughput(0, 0);

  public Throughput(long read, long write) {
    this(read, write, null, null, 0);
  }

  /** Other units with the same history: a switch of billing mode is neither an increase nor a decrease. */
  public Throughput withUnits(long newRead, long newWrite) {
    return new Throughput(newRead, newWrite, lastIncrease, lastDecrease, decreases);
  }

  public boolean sameUnits(Throughput other) {
    return read == other.read && write == other.write;
  }

  /**
   * This throughput changed to {@code next}'s units at {@code now}: an increase when neither unit
   * goes down, otherwise a decrease, counted per UTC day (AWS counts a call lowering either unit as
   * one decrease).
   */
  public Throughput changedTo(Throughput next, Instant now) {
    boolean decrease = next.read < read || next.write < write;
    if (!decrease) {
      return new Throughput(next.read, next.write, now, lastDecrease, decreases);
    }
    return new Throughput(next.read, next.write, lastIncrease, now, decreasesOn(now) + 1);
  }

  /** The decreases made on {@code now}'s UTC day: NumberOfDecreasesToday. */
  public int decreasesOn(Instant now) {
    if (lastDecrease == null) {
      return 0;
    }
    boolean sameDay = lastDecrease.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
    return sameDay ? decreases : 0;
  }
}
