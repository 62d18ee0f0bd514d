package com.bellyfed.localaws.cognito;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque pagination tokens: the offset of the next page, which is enough for in-memory lists. */
final class Pages {

  private Pages() {}

  static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  static int from(String token, int size) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int offset = Integer.parseInt(decoded.substring("offset:".length()));
      if (!decoded.startsWith("offset:") || offset < 0 || offset > size) {
        throw new IllegalArgumentException(decoded);
      }
      return offset;
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      throw CognitoException.invalidParameter("Invalid pagination token.");
    }
  }
}
