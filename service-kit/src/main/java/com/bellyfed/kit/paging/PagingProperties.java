package com.bellyfed.kit.paging;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing of page cursors, under {@code bellyfed.paging}.
 *
 * @param cursorSecret the HMAC key cursors are signed with, at least 32 characters. Required, with
 *     no default: a public default would let anyone forge a cursor. Every instance of a service
 *     shares it (environment {@code BELLYFED_PAGING_CURSOR_SECRET}); changing it invalidates the
 *     cursors clients hold
 * @param cursorTtl how long a cursor stays valid after it was issued
 */
@ConfigurationProperties("bellyfed.paging")
public record PagingProperties(@Nullable String cursorSecret, @DefaultValue("24h") Duration cursorTtl) {

  public static final int MIN_SECRET_LENGTH = 32;

  public PagingProperties {
    if (cursorSecret == null || cursorSecret.isBlank()) {
      throw new IllegalArgumentException(
          "bellyfed.paging.cursor-secret is required (environment BELLYFED_PAGING_CURSOR_SECRET): the key page cursors are "
              + "signed with, at least " + MIN_SECRET_LENGTH + " characters, the same for every instance of the service");
    }
    if (cursorSecret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "bellyfed.paging.cursor-secret must have at least " + MIN_SECRET_LENGTH + " characters, not " + cursorSecret.length());
    }
    if (cursorTtl.isNegative() || cursorTtl.isZero()) {
      throw new IllegalArgumentException("bellyfed.paging.cursor-ttl must be positive");
    }
  }
}
