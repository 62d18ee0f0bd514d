package com.bellyfed.kit.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** How a Cognito access token is checked and turned into an authentication. */
final class CognitoTokens {

  static final String TOKEN_USE = "token_use";
  static final String CLIENT_ID = "client_id";
  private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);
  /** Cognito's JWKS is a few keys; anything larger is not one. */
  private static final int JWKS_SIZE_LIMIT = 64 * 1024;
  private static final Duration JWKS_TTL = Duration.ofMinutes(5);

  private CognitoTokens() {}

  /**
   * A decoder that reads the issuer's keys from its JWKS when the first token arrives (not at startup:
   * a service starts while the issuer is down), keeps them {@link #JWKS_TTL}, reads them again for a key id
   * it does not know (rotation) but at most twice per {@code jwksRefreshInterval}, so that tokens with made-up
   * key ids cannot turn the service into a client hammering the issuer; accepts RS256 only; checks issuer,
   * lifetime, {@code token_use} and {@code client_id}.
   */
  static JwtDecoder decoder(SecurityProperties properties) {
    // A slow issuer must not hold request threads: the JWKS is read on a request's thread.
    DefaultResourceRetriever http = new DefaultResourceRetriever(
        (int) JWKS_TIMEOUT.toMillis(), (int) JWKS_TIMEOUT.toMillis(), JWKS_SIZE_LIMIT);
    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(properties), http)
        .cache(JWKS_TTL.toMillis(), JWKS_TIMEOUT.toMillis())
        .refreshAheadCache(false)
        .rateLimited(properties.jwksRefreshInterval().toMillis())
        .retrying(false)
        .build();
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        // The claims are checked by the validators below, with the configured skew, not by Nimbus's defaults.
        .jwtProcessorCustomizer(processor -> processor.setJWTClaimsSetVerifier((claims, context) -> {}))
        .build();
    decoder.setJwtValidator(validator(properties));
    return new KnownKeysDecoder(decoder);
  }

  private static URL url(SecurityProperties properties) {
    try {
      return properties.jwksUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bellyfed.security.issuer-uri is not a URL: " + properties.issuerUri(), e);
    }
  }

  static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return new DelegatingOAuth2TokenValidator<>(List.of(
        new JwtTimestampValidator(properties.clockSkew()),
        new JwtIssuerValidator(properties.issuerUri().toString()),
        claimIn(TOKEN_USE, Set.of("access"), "Only access tokens are accepted"),
        claimIn(CLIENT_ID, Set.copyOf(properties.clientIds()), "The token was issued to another client")));
  }

  private static OAuth2TokenValidator<Jwt> claimIn(String claim, Set<String> accepted, String description) {
    OAuth2TokenValidatorResult refused = OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, "https://tools.ietf.org/html/rfc6750#section-3.1"));
    return token -> {
      String value = token.getClaimAsString(claim);
      return value != null && accepted.contains(value) ? OAuth2TokenValidatorResult.success() : refused;
    };
  }

  /** Principal name {@code sub}; each of {@code cognito:groups} becomes {@code ROLE_<group>}. */
  static JwtAuthenticationConverter authentication() {
    JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
    groups.setAuthoritiesClaimName(Actor.GROUPS_CLAIM);
    groups.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(groups);
    converter.setPrincipalClaimName("sub");
    return converter;
  }
}
