package com.bellyfed.kit.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.web.client.RestTemplate;

/** How a Cognito access token is checked and turned into an authentication. */
final class CognitoTokens {

  static final String TOKEN_USE = "token_use";
  static final String CLIENT_ID = "client_id";
  private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

  private CognitoTokens() {}

  /**
   * A decoder that reads the issuer's keys from its JWKS when the first token arrives (not at startup:
   * a service starts while the issuer is down) and again for a key id it does not know (rotation),
   * accepts RS256 only, and checks issuer, lifetime, {@code token_use} and {@code client_id}.
   */
  static NimbusJwtDecoder decoder(SecurityProperties properties) {
    // A slow issuer must not hold request threads: the JWKS is fetched on a request's thread.
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(JWKS_TIMEOUT);
    requests.setReadTimeout(JWKS_TIMEOUT);
    RestTemplate jwks = new RestTemplate(requests);
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .restOperations(jwks)
        .build();
    decoder.setJwtValidator(validator(properties));
    return decoder;
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
