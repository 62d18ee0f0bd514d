package com.bellyfed.kit.security;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The resource server's settings, under {@code bellyfed.security}.
 *
 * @param issuerUri the token issuer: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} in AWS,
 *     {@code <local-aws edge>/<poolId>} locally. Its keys are read from {@code <issuerUri>/.well-known/jwks.json}
 * @param clientIds the app clients whose access tokens are accepted ({@code client_id}); at least one
 * @param clockSkew how far {@code exp} and {@code nbf} may be off from this machine's clock
 * @param jwksRefreshInterval the least time between two reads of the JWKS for key ids not seen before (at most
 *     two reads per interval): a new key is accepted within this time, made-up key ids cost the issuer nothing
 * @param cors which browser origins may call the API
 * @param rateLimits the limits of write requests
 */
@ConfigurationProperties("bellyfed.security")
public record SecurityProperties(
    @Nullable URI issuerUri,
    @DefaultValue List<String> clientIds,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("30s") Duration jwksRefreshInterval,
    @DefaultValue Cors cors,
    @DefaultValue RateLimits rateLimits) {

  public SecurityProperties {
    List<String> missing = new ArrayList<>();
    if (issuerUri == null || issuerUri.toString().isBlank()) {
      missing.add("bellyfed.security.issuer-uri (environment BELLYFED_SECURITY_ISSUER_URI): the token issuer, e.g. "
          + "https://cognito-idp.<region>.amazonaws.com/<poolId>");
    }
    if (clientIds.stream().allMatch(String::isBlank)) {
      missing.add("bellyfed.security.client-ids (environment BELLYFED_SECURITY_CLIENT_IDS): the app client ids whose access "
          + "tokens are accepted");
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Missing required settings: " + String.join("; ", missing));
    }
    if (issuerUri.toString().endsWith("/")) {
      // Cognito's iss has no trailing slash; a configured one would refuse every token.
      throw new IllegalArgumentException("bellyfed.security.issuer-uri must not end with '/': " + issuerUri);
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("bellyfed.security.clock-skew must be between 0 and 5 minutes, not " + clockSkew);
    }
    clientIds = clientIds.stream().filter(id -> !id.isBlank()).toList();
  }

  /** Where the issuer publishes its signing keys, as Cognito does. */
  public URI jwksUri() {
    return URI.create(issuerUri + "/.well-known/jwks.json");
  }

  /**
   * @param allowedOrigins exact origins ({@code https://app.example.com}); none means no browser origin
   *     may call the API. Patterns and {@code *} are refused: credentials are allowed
   * @param maxAge how long a browser may cache a preflight answer
   */
  public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

    public Cors {
      for (String origin : allowedOrigins) {
        if (origin.contains("*")) {
          throw new IllegalArgumentException(
              "bellyfed.security.cors.allowed-origins takes exact origins, not patterns (credentials are allowed): " + origin);
        }
      }
    }
  }

  /**
   * @param enabled whether writes are limited at all
   * @param rules the limited requests, first match wins; a write that matches none is not limited
   * @param maxKeys the most users and addresses tracked at once; the least recently seen goes first, so
   *     that a client inventing keys cannot grow memory without bound
   * @param idleAfter how long a key's limiter is kept without requests
   */
  public record RateLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue List<Rule> rules,
      @DefaultValue("10000") int maxKeys,
      @DefaultValue("10m") Duration idleAfter) {

    public RateLimits {
      if (maxKeys < 1) {
        throw new IllegalArgumentException("bellyfed.security.rate-limits.max-keys must be positive");
      }
    }
  }

  /**
   * One limited group of requests.
   *
   * @param path an Ant-style path pattern ({@code /users/**})
   * @param methods the methods limited; writes (POST, PUT, PATCH, DELETE) by default
   * @param perUser the {@code resilience4j.ratelimiter.configs.<name>} each signed-in user gets; none: no per-user limit
   * @param perAddress the config each client address gets; none: no per-address limit
   */
  public record Rule(
      String path,
      @DefaultValue({"POST", "PUT", "PATCH", "DELETE"}) Set<String> methods,
      @Nullable String perUser,
      @Nullable String perAddress) {}
}
