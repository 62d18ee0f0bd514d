package com.bellyfed.localaws.cognito;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A client with a secret requires {@code SECRET_HASH} = Base64(HMAC-SHA256(secret, username + clientId))
 * (developer guide, "Computing secret hash values").
 */
final class SecretHash {

  private SecretHash() {}

  static void check(AppClient client, String username, @Nullable String given) {
    if (client.secret() == null) {
      return;
    }
    if (given == null || !MessageDigest.isEqual(
        compute(client.secret(), username, client.clientId()).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      throw CognitoException.notAuthorized("Client " + client.clientId() + " is configured with secret but SECRET_HASH was not received");
    }
  }

  static String compute(String secret, String username, String clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
