package com.bellyfed.kit.security;

import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token whose key id is not among the issuer's keys, while the JWKS may not be read again yet, is a bad
 * token (401), not a failure of the service: Spring would answer a plain {@link JwtException} with 500.
 */
final class KnownKeysDecoder implements JwtDecoder {

  private final JwtDecoder decoder;

  KnownKeysDecoder(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public Jwt decode(String token) {
    try {
      return decoder.decode(token);
    } catch (BadJwtException bad) {
      throw bad;
    } catch (JwtException failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof RateLimitReachedException) {
          throw new BadJwtException("The token's signing key is not one of the issuer's keys", failure);
        }
      }
      throw failure;
    }
  }
}
