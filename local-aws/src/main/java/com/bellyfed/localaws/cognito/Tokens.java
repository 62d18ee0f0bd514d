package com.bellyfed.localaws.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Cognito's ID and access tokens, RS256 with the pool's active key, carrying the claims AWS
 * documents ("Understanding the access token", "Understanding the identity (ID) token"):
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
 */
final class Tokens {

  static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";
  // Attributes Cognito never copies into the ID token.
  private static final Set<String> NOT_IN_ID_TOKEN = Set.of("sub");

  private Tokens() {}

  /** The facts one sign-in session shares between its tokens. */
  record Session(String originJti, Instant authTime) {}

  static String accessToken(
      String issuer, RSAKey key, User user, String clientId, Session session, Instant now,
      java.time.Duration validity, UnaryOperator<JWTClaimsSet.Builder> adjust) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(user.sub)
            .issuer(issuer)
            .claim("client_id", clientId)
            .claim("origin_jti", session.originJti())
            .claim("event_id", UUID.randomUUID().toString())
            .claim("token_use", "access")
            .claim("scope", ADMIN_SCOPE)
            .claim("auth_time", session.authTime().getEpochSecond())
            .expirationTime(Date.from(now.plus(validity)))
            .issueTime(Date.from(now))
            .jwtID(UUID.randomUUID().toString())
            .claim("username", user.username);
    groups(claims, user);
    return sign(key, adjust.apply(claims).build());
  }

  static String idToken(
      String issuer, RSAKey key, User user, String clientId, Session session, Instant now, java.time.Duration validity) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(user.sub);
    groups(claims, user);
    for (Map.Entry<String, String> attribute : user.attributes.entrySet()) {
      if (!NOT_IN_ID_TOKEN.contains(attribute.getKey())) {
        String value = attribute.getValue();
        // Cognito types the verified flags as JSON booleans in the ID token.
        claims.claim(attribute.getKey(), attribute.getKey().endsWith("_verified") ? (Object) Boolean.valueOf(value) : value);
      }
    }
    claims.issuer(issuer)
        .claim("cognito:username", user.username)
        .claim("origin_jti", session.originJti())
        .audience(clientId)
        .claim("event_id", UUID.randomUUID().toString())
        .claim("token_use", "id")
        .claim("auth_time", session.authTime().getEpochSecond())
        .expirationTime(Date.from(now.plus(validity)))
        .issueTime(Date.from(now))
        .jwtID(UUID.randomUUID().toString());
    return sign(key, claims.build());
  }

  private static void groups(JWTClaimsSet.Builder claims, User user) {
    if (!user.groups.isEmpty()) {
      claims.claim("cognito:groups", new ArrayList<>(user.groups));
    }
  }

  static String sign(RSAKey key, JWTClaimsSet claims) {
    // Cognito's header holds only kid and alg.
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of an access token this pool signed and that has not expired.
   *
   * @throws CognitoException NotAuthorizedException as Cognito words it
   */
  static JWTClaimsSet verifyAccessToken(String token, String issuer, SigningKeys keys, Instant now) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      RSAKey key = jwt.getHeader().getKeyID() == null ? null : keys.byId(jwt.getHeader().getKeyID());
      if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || key == null || !jwt.verify(new RSASSAVerifier(key))) {
        throw CognitoException.notAuthorized("Invalid Access Token");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!issuer.equals(claims.getIssuer()) || !"access".equals(claims.getStringClaim("token_use"))) {
        throw CognitoException.notAuthorized("Invalid Access Token");
      }
      if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
        throw CognitoException.notAuthorized("Access Token has expired");
      }
      return claims;
    } catch (ParseException | JOSEException e) {
      throw CognitoException.notAuthorized("Invalid Access Token");
    }
  }

}
