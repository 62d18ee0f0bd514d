package com.bellyfed.query.paging;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's last evaluated key into an opaque cursor and back. The cursor carries the key
 * and an HMAC over the key and the listing it belongs to (the index and the filters, see
 * {@code listing}), so a modified cursor, or one taken from another listing, is refused instead of
 * starting a query at a key the client chose.
 */
public final class Cursors {

  /** Far above any key of ours; a longer cursor is not one of ours. */
  static final int MAX_LENGTH = 2_048;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public Cursors(CursorProperties properties) {
    this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The cursor resuming {@code listing} after {@code lastKey}. */
  public String encode(Map<String, AttributeValue> lastKey, String listing) {
    StringBuilder payload = new StringBuilder();
    for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(lastKey).entrySet()) {
      AttributeValue value = entry.getValue();
      String type = value.s() != null ? "S" : "N";
      String text = value.s() != null ? value.s() : value.n();
      if (text == null) {
        throw new IllegalArgumentException("Key attribute " + entry.getKey() + " is neither S nor N");
      }
      if (!payload.isEmpty()) {
        payload.append('&');
      }
      payload.append(entry.getKey()).append(':').append(type).append(':').append(URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
    String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    return body + "." + ENCODER.encodeToString(mac(body, listing));
  }

  /**
   * The key a cursor resumes after, if it was issued for {@code listing} and names exactly
   * {@code keyAttributes}.
   *
   * @throws InvalidCursorException otherwise
   */
  public Map<String, AttributeValue> decode(String cursor, String listing, Set<String> keyAttributes) {
    if (cursor.length() > MAX_LENGTH) {
      throw new InvalidCursorException("is longer than any cursor this service issues");
    }
    int dot = cursor.indexOf('.');
    if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
      throw new InvalidCursorException("is not a cursor this service issued");
    }
    String body = cursor.substring(0, dot);
    byte[] signature;
    byte[] payload;
    try {
      signature = DECODER.decode(cursor.substring(dot + 1));
      payload = DECODER.decode(body);
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidCursorException("is not a cursor this service issued");
    }
    // Base64's last character has spare bits; only the canonical spelling of the signature counts.
    if (!MessageDigest.isEqual(signature, mac(body, listing)) || !ENCODER.encodeToString(signature).equals(cursor.substring(dot + 1))) {
      throw new InvalidCursorException("was modified or belongs to a listing with other parameters; start again without it");
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (String part : new String(payload, StandardCharsets.UTF_8).split("&")) {
      String[] fields = part.split(":", 3);
      if (fields.length != 3) {
        throw new InvalidCursorException("is not a cursor this service issued");
      }
      String value = URLDecoder.decode(fields[2], StandardCharsets.UTF_8);
      key.put(fields[0], switch (fields[1]) {
        case "S" -> AttributeValue.fromS(value);
        case "N" -> AttributeValue.fromN(value);
        default -> throw new InvalidCursorException("is not a cursor this service issued");
      });
    }
    // Signed by us, so this only fails if the key design changed since the cursor was issued.
    if (!key.keySet().equals(keyAttributes)) {
      throw new InvalidCursorException("was issued for another version of this listing; start again without it");
    }
    return key;
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
