package com.bellyfed.write.writing;

import java.time.Clock;
import java.time.Duration;

/** What every write of an item shares; attribute values are read and written with shared-data's {@code Attributes}. */
public final class Items {

  /**
   * The clock of every stored timestamp: items keep milliseconds ({@code TableKeys.timestamp}), so a
   * response built from a finer {@code Instant} would show a createdAt that a later read of the same
   * item no longer gives.
   */
  public static final Clock CLOCK = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

  private Items() {}
}
