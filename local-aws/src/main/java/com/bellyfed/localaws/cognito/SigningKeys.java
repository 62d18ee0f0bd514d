package com.bellyfed.localaws.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pool's RSA signing keys (decision 33). The newest signs; every key stays in the published JWKS,
 * so that tokens signed before a rotation stay valid until they expire. With a data directory the
 * keys are kept in a file, so that a restart does not invalidate the tokens and configurations
 * issued before it.
 */
final class SigningKeys {

  private static final int KEY_BITS = 2048;

  private final List<RSAKey> keys = new ArrayList<>();
  private final @Nullable Path file;

  SigningKeys(@Nullable Path file) {
    this.file = file;
    if (file != null && Files.exists(file)) {
      try {
        JWKSet.parse(Files.readString(file)).getKeys().forEach(key -> keys.add(key.toRSAKey()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (ParseException e) {
        throw new IllegalStateException("Cannot read the signing keys in " + file + ": " + e.getMessage(), e);
      }
    }
    if (keys.isEmpty()) {
      rotate();
    }
  }

  /** The key that signs from now on. */
  synchronized RSAKey active() {
    return keys.get(keys.size() - 1);
  }

  synchronized @Nullable RSAKey byId(String kid) {
    return keys.stream().filter(key -> key.getKeyID().equals(kid)).findFirst().orElse(null);
  }

  /** Adds a new active key; the previous ones keep verifying. Returns the new key's id. */
  synchronized String rotate() {
    try {
      RSAKey key =
          new RSAKeyGenerator(KEY_BITS)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      keys.add(key);
      save();
      return key.getKeyID();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate an RSA key", e);
    }
  }

  /** The public keys, as {@code /.well-known/jwks.json} serves them. */
  synchronized String publicJwks() {
    return new JWKSet(new ArrayList<JWK>(keys)).toString(true);
  }

  private void save() {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, new JWKSet(new ArrayList<JWK>(keys)).toString(false), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
