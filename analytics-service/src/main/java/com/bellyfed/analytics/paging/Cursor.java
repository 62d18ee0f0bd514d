package com.bellyfed.analytics.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An opaque page cursor: DynamoDB's LastEvaluatedKey (string and number attributes only, which is
 * what every key here is) as URL-safe base64 JSON.
 */
public final class Cursor {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Cursor() {}

  public static @Nullable String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    Map<String, String> plain = new LinkedHashMap<>();
    lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.n() != null ? "N:" + value.n() : "S:" + value.s()));
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(plain));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot encode a cursor", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the cursor was not made by {@link #encode}
   */
  public static @Nullable Map<String, AttributeValue> decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      Map<String, String> plain = MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<Map<String, String>>() {});
      Map<String, AttributeValue> key = new LinkedHashMap<>();
      plain.forEach((name, value) -> key.put(name, value.startsWith("N:") ? AttributeValue.fromN(value.substring(2)) : AttributeValue.fromS(value.substring(2))));
      if (key.isEmpty() || key.size() > 4) {
        throw new IllegalArgumentException("not a cursor of this API");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a cursor of this API");
    } catch (Exception e) {
      throw new IllegalArgumentException("not a cursor of this API");
    }
  }
}
