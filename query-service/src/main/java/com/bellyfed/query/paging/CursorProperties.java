package com.bellyfed.query.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing of page cursors, under {@code bellyfed.query.cursor}.
 *
 * @param secret the HMAC key cursors are signed with (at least 32 characters); every instance of
 *     the service must share it, and changing it invalidates the cursors clients hold
 */
@ConfigurationProperties("bellyfed.query.cursor")
public record CursorProperties(String secret) {

  public CursorProperties {
    if (secret == null || secret.length() < 32) {
      throw new IllegalArgumentException("bellyfed.query.cursor.secret must have at least 32 characters");
    }
  }
}
