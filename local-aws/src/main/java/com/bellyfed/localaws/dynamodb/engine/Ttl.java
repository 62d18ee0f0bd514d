package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Time to live as AWS applies it
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html): the attribute must
 * be a Number of epoch seconds; any other type, and a time more than five years in the past, is
 * ignored. Expired items stay readable until a sweep deletes them.
 */
final class Ttl {

  /** AWS ignores expiry times this far in the past. */
  static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

  private Ttl() {}

  /** The expiry in epoch seconds, or null where the attribute does not make the item expire. */
  static @Nullable Long expiry(@Nullable Value value) {
    if (!(value instanceof Value.N number)) {
      return null;
    }
    BigDecimal seconds = number.value();
    if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
      return null;
    }
    return seconds.longValue();
  }

  static boolean expired(long expiry, Instant now) {
    long nowSeconds = now.getEpochSecond();
    return expiry <= nowSeconds && expiry > nowSeconds - IGNORED_AFTER.toSeconds();
  }
}
