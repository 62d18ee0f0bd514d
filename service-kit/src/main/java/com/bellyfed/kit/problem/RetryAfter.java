package com.bellyfed.kit.problem;

import java.time.Duration;

/** {@code Retry-After} in whole seconds, never below one: 0 would invite a retry storm. */
final class RetryAfter {

  private RetryAfter() {}

  static String seconds(Duration wait) {
    return Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000));
  }
}
