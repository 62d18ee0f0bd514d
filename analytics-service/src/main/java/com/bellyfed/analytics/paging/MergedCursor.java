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
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursor of a listing merged from several partitions: where each partition stands, signed
 * with HMAC-SHA256 so that an edited cursor is refused instead of silently skipping or repeating
 * items. A partition is absent when it has not been read yet, maps to its last returned item's key
 * when it has, and to an empty key when it is exhausted.
 */
public final class MergedCursor {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int SIGNATURE_BYTES = 16;

  private MergedCursor() {}

  public static String encode(Map<String, Map<String, AttributeValue>> positions, String secret) {
    Map<String, Map<String, String>> plain = new TreeMap<>();
    positions.forEach((partition, key) -> {
      Map<String, String> attributes = new TreeMap<>();
      key.forEach((name, value) -> attributes.put(name, value.n() != null ? "N:" + value.n() : "S:" + value.s()));
      plain.put(partition, attributes);
    });
    try {
      byte[] payload = MAPPER.writeValueAsBytes(plain);
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      return base64.encodeToString(payload) + "." + base64.encodeToString(signature(payload, secret));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot encode a cursor", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the cursor was not made by {@link #encode} with this
   *     secret, or names a partition outside {@code partitions}
   */
  public static @Nullable Map<String, Map<String, AttributeValue>> decode(@Nullable String cursor, String secret, Set<String> partitions) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      int dot = cursor.indexOf('.');
      byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
      byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, signature(payload, secret))) {
        throw new IllegalArgumentException("signature");
      }
      Map<String, Map<String, String>> plain = MAPPER.readValue(payload, new TypeReference<Map<String, Map<String, String>>>() {});
      Map<String, Map<String, AttributeValue>> positions = new LinkedHashMap<>();
      plain.forEach((partition, attributes) -> {
        if (!partitions.contains(partition)) {
          throw new IllegalArgumentException("partition");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        attributes.forEach((name, value) -> key.put(name,
            value.startsWith("N:") ? AttributeValue.fromN(value.substring(2)) : AttributeValue.fromS(value.substring(2))));
        positions.put(partition, key);
      });
      return positions;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a cursor of this API");
    }
  }

  private static byte[] signature(byte[] payload, String secret) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
  }
}
