package com.bellyfed.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A stand-in for Cognito's user pool while local-aws has none: a JWKS on loopback at
 * {@code <issuer>/.well-known/jwks.json} and tokens with Cognito's claims, signed RS256 with a {@code kid}.
 * Claim names and values follow
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
final class TestIssuer implements AutoCloseable {

  static final String POOL = "eu-west-1_TestPool";
  static final String CLIENT_ID = "test-client";

  private volatile RSAKey published;
  private volatile byte[] jwks;
  private final java.util.concurrent.atomic.AtomicInteger jwksReads = new java.util.concurrent.atomic.AtomicInteger();
  /** A key the JWKS does not publish: a token signed with it has an unknown {@code kid}. */
  private final RSAKey unpublished;
  private final HttpServer server;
  private final String issuer;

  TestIssuer() throws Exception {
    published = new RSAKeyGenerator(2048).keyID("published-1").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    unpublished = new RSAKeyGenerator(2048).keyID("unpublished-1").keyUse(KeyUse.SIGNATURE).generate();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    jwks = new JWKSet(published.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server.createContext("/" + POOL + "/.well-known/jwks.json", exchange -> {
      jwksReads.incrementAndGet();
      byte[] jwks = this.jwks;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, jwks.length);
      exchange.getResponseBody().write(jwks);
      exchange.close();
    });
    server.start();
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + POOL;
  }

  /** How often the JWKS was read. */
  int jwksReads() {
    return jwksReads.get();
  }

  /**
   * Key rotation as Cognito does it: a new signing key, published beside the old one, which keeps verifying
   * the tokens it signed until they expire.
   */
  void rotate() throws Exception {
    RSAKey next = new RSAKeyGenerator(2048).keyID("published-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256).generate();
    jwks = new JWKSet(List.of(next.toPublicJWK(), published.toPublicJWK())).toString().getBytes(StandardCharsets.UTF_8);
    published = next;
  }

  String issuer() {
    return issuer;
  }

  /** An access token of this user, as Cognito issues it, after {@code change}. */
  String access(String sub, List<String> groups, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(published, change.apply(accessClaims(sub, groups)).build());
  }

  String access(String sub, List<String> groups) {
    return access(sub, groups, UnaryOperator.identity());
  }

  JWTClaimsSet.Builder accessClaims(String sub, List<String> groups) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject(sub)
        .claim("cognito:username", "user-" + sub)
        .claim("cognito:groups", groups)
        .claim("token_use", "access")
        .claim("client_id", CLIENT_ID)
        .claim("scope", "aws.cognito.signin.user.admin")
        .claim("auth_time", now.getEpochSecond())
        .issuer(issuer)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Cognito's ID token: {@code aud} instead of {@code client_id}, {@code token_use=id}. */
  String id(String sub) {
    Instant now = Instant.now();
    return sign(published, new JWTClaimsSet.Builder()
        .subject(sub)
        .audience(CLIENT_ID)
        .claim("cognito:username", "user-" + sub)
        .claim("token_use", "id")
        .claim("auth_time", now.getEpochSecond())
        .issuer(issuer)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .jwtID(UUID.randomUUID().toString())
        .build());
  }

  String signedWithUnpublishedKey(String sub) {
    return sign(unpublished, accessClaims(sub, List.of()).build());
  }

  /** {@code alg: none}: no signature at all. */
  String unsigned(String sub) {
    return new PlainJWT(accessClaims(sub, List.of()).build()).serialize();
  }

  /**
   * The key-confusion attack: HS256 with the published RSA public key as the HMAC secret, the kid of the
   * real key. A decoder that let the token choose its algorithm would verify it with that key.
   */
  String hs256WithPublicKey(String sub) throws Exception {
    SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
        accessClaims(sub, List.of(Actor.ADMIN)).build());
    token.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
    return token.serialize();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      // Cognito's header names only kid and alg.
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      token.sign(new RSASSASigner(key));
      return token.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(0);
  }
}
