package com.bellyfed.kit.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns where a listing stands (DynamoDB's last evaluated key, or one such key per partition of a
 * merged listing) into an opaque cursor and back. A cursor carries its position, the time it
 * expires, and an HMAC-SHA256 over both and the listing it belongs to (the index and the filters),
 * so a modified or expired cursor, or one taken from another listing, is refused with a 400
 * instead of starting a query at a key the client chose.
 */
public final class Cursors {

  /** Far above any position of ours; a longer cursor is not one of ours. */
  static final int MAX_LENGTH = 2_048;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String NOT_OURS = "is not a cursor this service issued; pass nextCursor unchanged";

  private final SecretKeySpec key;
  private final Duration ttl;
  private final Clock clock;

  public Cursors(PagingProperties properties, Clock clock) {
    this.key = new SecretKeySpec(Objects.requireNonNull(properties.cursorSecret()).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.ttl = properties.cursorTtl();
    this.clock = clock;
  }

  /** The cursor resuming {@code listing} after {@code lastKey}; null when there is no next page. */
  public @Nullable String next(String listing, @Nullable Map<String, AttributeValue> lastKey) {
    return lastKey == null || lastKey.isEmpty() ? null : seal(listing, key(lastKey));
  }

  /**
   * The key a cursor resumes after, if it was issued for {@code listing} and has not expired.
   *
   * @throws InvalidCursorException otherwise
   */
  public Map<String, AttributeValue> decode(String cursor, String listing) {
    return key(open(cursor, listing));
  }

  /**
   * The key a cursor resumes after, if it was issued for {@code listing}, has not expired and
   * names exactly {@code keyAttributes}.
   *
   * @throws InvalidCursorException otherwise
   */
  public Map<String, AttributeValue> decode(String cursor, String listing, Set<String> keyAttributes) {
    Map<String, AttributeValue> key = key(open(cursor, listing));
    // Signed by us, so this only fails if the key design changed since the cursor was issued.
    if (!key.keySet().equals(keyAttributes)) {
      throw new InvalidCursorException("was issued for another version of this listing; start again without it");
    }
    return key;
  }

  /**
   * The cursor of a listing merged from several partitions: each partition's last returned key, an
   * empty key for an exhausted one; a partition not read yet is left out.
   */
  public String nextMerged(String listing, Map<String, Map<String, AttributeValue>> positions) {
    StringBuilder payload = new StringBuilder();
    new TreeMap<>(positions).forEach((partition, position) -> {
      if (!payload.isEmpty()) {
        payload.append(';');
      }
      payload.append(encode(partition)).append('=').append(encode(key(position)));
    });
    return seal(listing, payload.toString());
  }

  /**
   * The positions of a {@link #nextMerged} cursor of {@code listing}.
   *
   * @throws InvalidCursorException when it is not one, has expired or names a partition outside {@code partitions}
   */
  public Map<String, Map<String, AttributeValue>> decodeMerged(String cursor, String listing, Set<String> partitions) {
    String payload = open(cursor, listing);
    Map<String, Map<String, AttributeValue>> positions = new LinkedHashMap<>();
    if (payload.isEmpty()) {
      return positions;
    }
    for (String entry : payload.split(";")) {
      String[] parts = entry.split("=", 2);
      if (parts.length != 2) {
        throw new InvalidCursorException(NOT_OURS);
      }
      String partition = decodeText(parts[0]);
      if (!partitions.contains(partition)) {
        throw new InvalidCursorException("was issued for another version of this listing; start again without it");
      }
      positions.put(partition, key(decodeText(parts[1])));
    }
    return positions;
  }

  /** {@code payload} and its expiry as base64, a dot and the signature over them and {@code listing}. */
  private String seal(String listing, String payload) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String body = ENCODER.encodeToString((expires + "|" + payload).getBytes(StandardCharsets.UTF_8));
    return body + "." + ENCODER.encodeToString(mac(body, listing));
  }

  private String open(String cursor, String listing) {
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidCursorException("is longer than any cursor this service issues");
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw new InvalidCursorException(NOT_OURS);
    }
    String body = cursor.substring(0, dot);
    byte[] signature;
    String plain;
    try {
      signature = DECODER.decode(cursor.substring(dot + 1));
      plain = new String(DECODER.decode(body), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidCursorException(NOT_OURS);
    }
    // Base64's last character has spare bits; only the canonical spelling of the signature counts.
    if (!MessageDigest.isEqual(signature, mac(body, listing)) || !ENCODER.encodeToString(signature).equals(cursor.substring(dot + 1))) {
      throw new InvalidCursorException("was modified or belongs to a listing with other parameters; start again without it");
    }
    int bar = plain.indexOf('|');
    long expires;
    try {
      expires = Long.parseLong(plain.substring(0, Math.max(bar, 0)));
    } catch (NumberFormatException e) {
      throw new InvalidCursorException(NOT_OURS);
    }
    if (clock.instant().getEpochSecond() > expires) {
      throw new InvalidCursorException("has expired; start again without it");
    }
    return plain.substring(bar + 1);
  }

  /** A key as {@code name:S|N:value} pairs in name order, values URL-encoded. */
  private static String key(Map<String, AttributeValue> key) {
    StringBuilder payload = new StringBuilder();
    for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(key).entrySet()) {
      AttributeValue value = entry.getValue();
      String type = value.s() != null ? "S" : "N";
      String text = value.s() != null ? value.s() : value.n();
      if (text == null) {
        throw new IllegalArgumentException("Key attribute " + entry.getKey() + " is neither S nor N");
      }
      if (!payload.isEmpty()) {
        payload.append('&');
      }
      payload.append(encode(entry.getKey())).append(':').append(type).append(':').append(encode(text));
    }
    return payload.toString();
  }

  private static Map<String, AttributeValue> key(String payload) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    if (payload.isEmpty()) {
      return key;
    }
    for (String part : payload.split("&")) {
      String[] fields = part.split(":", 3);
      if (fields.length != 3) {
        throw new InvalidCursorException(NOT_OURS);
      }
      String value = decodeText(fields[2]);
      key.put(decodeText(fields[0]), switch (fields[1]) {
        case "S" -> AttributeValue.fromS(value);
        case "N" -> AttributeValue.fromN(value);
        default -> throw new InvalidCursorException(NOT_OURS);
      });
    }
    return key;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String decodeText(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException(NOT_OURS);
    }
  }

  private byte[] mac(String body, String listing) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(listing.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
