package com.bellyfed.analytics.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A page cursor: DynamoDB's LastEvaluatedKey (string and number attributes only, which is what
 * every key here is) and the listing it belongs to, as URL-safe base64 JSON signed with
 * HMAC-SHA256. An edited cursor, or one taken from another listing (another service, event type
 * or severity), is refused instead of silently giving another page or reaching DynamoDB as a
 * start key outside the query.
 */
public final class Cursor {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int SIGNATURE_BYTES = 16;
  private static final String NOT_A_CURSOR = "not a cursor of this query: pass nextCursor unchanged, with the same service, eventType and severity";

  private Cursor() {}

  /** The page's signed key, naming {@code listing}; null when there is no next page. */
  public static @Nullable String encode(@Nullable Map<String, AttributeValue> lastEvaluatedKey, String listing, String secret) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    Map<String, Object> payload = new TreeMap<>();
    payload.put("listing", listing);
    payload.put("key", plain(lastEvaluatedKey));
    return seal(payload, secret);
  }

  /**
   * @throws IllegalArgumentException when the cursor was not made by {@link #encode} with this
   *     secret for this {@code listing}
   */
  public static @Nullable Map<String, AttributeValue> decode(@Nullable String cursor, String listing, String secret) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    Map<String, Object> payload = open(cursor, secret, new TypeReference<>() {});
    if (!listing.equals(payload.get("listing")) || !(payload.get("key") instanceof Map<?, ?> attributes) || attributes.isEmpty() || attributes.size() > 4) {
      throw new IllegalArgumentException(NOT_A_CURSOR);
    }
    Map<String, String> plain = new LinkedHashMap<>();
    attributes.forEach((name, value) -> plain.put(String.valueOf(name), String.valueOf(value)));
    return key(plain);
  }

  /** {@code payload} as JSON, base64, a dot and its signature. */
  static String seal(Object payload, String secret) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(payload);
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      return base64.encodeToString(json) + "." + base64.encodeToString(signature(json, secret));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot encode a cursor", e);
    }
  }

  /**
   * The payload of a {@link #seal}ed cursor.
   *
   * @throws IllegalArgumentException when it is malformed or its signature is not this secret's
   */
  static <T> T open(String cursor, String secret, TypeReference<T> type) {
    try {
      int dot = cursor.indexOf('.');
      byte[] json = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, signature(json, secret))) {
        throw new IllegalArgumentException(NOT_A_CURSOR);
      }
      return MAPPER.readValue(json, type);
    } catch (Exception e) {
      throw new IllegalArgumentException(NOT_A_CURSOR);
    }
  }

  /** A key's attributes as {@code S:value} / {@code N:value} strings, in name order. */
  static Map<String, String> plain(Map<String, AttributeValue> key) {
    Map<String, String> plain = new TreeMap<>();
    key.forEach((name, value) -> plain.put(name, value.n() != null ? "N:" + value.n() : "S:" + value.s()));
    return plain;
  }

  static Map<String, AttributeValue> key(Map<String, String> plain) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    plain.forEach((name, value) -> {
      if (value.startsWith("N:")) {
        key.put(name, AttributeValue.fromN(value.substring(2)));
      } else if (value.startsWith("S:")) {
        key.put(name, AttributeValue.fromS(value.substring(2)));
      } else {
        throw new IllegalArgumentException(NOT_A_CURSOR);
      }
    });
    return key;
  }

  private static byte[] signature(byte[] payload, String secret) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
  }
}
