package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** InitiateAuth, AdminInitiateAuth, GetUser and GlobalSignOut: sessions, their tokens and their revocation. */
final class SignIns {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserPools pools;

  SignIns(UserPools pools) {
    this.pools = pools;
  }

  ObjectNode initiateAuth(JsonNode body) {
    String flow = Requests.required(body, "AuthFlow");
    String clientId = Requests.required(body, "ClientId");
    UserPool pool = pools.poolOfClient(clientId);
    AppClient client = pool.client(clientId);
    JsonNode parameters = body.path("AuthParameters");
    return switch (flow) {
      case "USER_PASSWORD_AUTH" -> passwordAuth(pool, client, parameters, "ALLOW_USER_PASSWORD_AUTH", flow);
      case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(pool, client, parameters);
      default -> throw unsupported(flow);
    };
  }

  ObjectNode adminInitiateAuth(JsonNode body) {
    UserPool pool = pools.pool(Requests.required(body, "UserPoolId"));
    String flow = Requests.required(body, "AuthFlow");
    AppClient client = pool.client(Requests.required(body, "ClientId"));
    JsonNode parameters = body.path("AuthParameters");
    return switch (flow) {
      case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> passwordAuth(pool, client, parameters, "ALLOW_ADMIN_USER_PASSWORD_AUTH", flow);
      case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> refresh(pool, client, parameters);
      default -> throw unsupported(flow);
    };
  }

  private static CognitoException unsupported(String flow) {
    return CognitoException.invalidParameter(
        "AuthFlow " + flow + " is not supported by local-aws; it supports USER_PASSWORD_AUTH (InitiateAuth),"
            + " ADMIN_USER_PASSWORD_AUTH (AdminInitiateAuth) and REFRESH_TOKEN_AUTH.");
  }

  private ObjectNode passwordAuth(UserPool pool, AppClient client, JsonNode parameters, String allowFlow, String flow) {
    if (!client.allows(allowFlow)) {
      throw CognitoException.invalidParameter(flow + " flow not enabled for this client");
    }
    String username = parameters.path("USERNAME").asString("");
    String password = parameters.path("PASSWORD").asString("");
    if (username.isEmpty()) {
      throw CognitoException.invalidParameter("Missing required parameter USERNAME");
    }
    if (password.isEmpty()) {
      throw CognitoException.invalidParameter("Missing required parameter PASSWORD");
    }
    SecretHash.check(client, username, parameters.path("SECRET_HASH").isString() ? parameters.path("SECRET_HASH").asString("") : null);
    User user;
    synchronized (pool) {
      user = pool.users.get(username);
      if (user == null) {
        throw client.preventUserExistenceErrors()
            ? CognitoException.notAuthorized("Incorrect username or password.")
            : CognitoException.userNotFound();
      }
    }
    // Hashing takes milliseconds: outside the pool's lock.
    if (!PasswordHasher.matches(password, user.passwordHash)) {
      throw CognitoException.notAuthorized("Incorrect username or password.");
    }
    synchronized (pool) {
      if (!user.enabled) {
        throw CognitoException.notAuthorized("User is disabled.");
      }
      if (user.status == User.Status.UNCONFIRMED) {
        throw new CognitoException("UserNotConfirmedException", "User is not confirmed.");
      }
      if (user.status == User.Status.FORCE_CHANGE_PASSWORD) {
        ObjectNode challenge = Json.MAPPER.createObjectNode().put("ChallengeName", "NEW_PASSWORD_REQUIRED");
        challenge.put("Session", token(64));
        challenge.putObject("ChallengeParameters").put("USER_ID_FOR_SRP", user.username).put("requiredAttributes", "[]")
            .put("userAttributes", Json.MAPPER.valueToTree(user.attributes).toString());
        return challenge;
      }
      return signedIn(pool, client, user, UnaryOperator.identity());
    }
  }

  /** A new session for a confirmed user: access, ID and refresh tokens. */
  ObjectNode signedIn(UserPool pool, AppClient client, User user, UnaryOperator<JWTClaimsSet.Builder> adjustAccess) {
    Instant now = pool.now();
    Tokens.Session session = new Tokens.Session(UUID.randomUUID().toString(), now);
    String refreshToken = token(96);
    pool.sessions.put(refreshToken, new UserPool.RefreshSession(user.username, client.clientId(), session, now.plus(client.refreshTokenValidity())));
    ObjectNode result = authenticationResult(pool, client, user, session, now, adjustAccess);
    ((ObjectNode) result.get("AuthenticationResult")).put("RefreshToken", refreshToken);
    return result;
  }

  private ObjectNode refresh(UserPool pool, AppClient client, JsonNode parameters) {
    if (!client.allows("ALLOW_REFRESH_TOKEN_AUTH")) {
      throw CognitoException.invalidParameter("REFRESH_TOKEN_AUTH flow not enabled for this client");
    }
    String refreshToken = parameters.path("REFRESH_TOKEN").asString("");
    if (refreshToken.isEmpty()) {
      throw CognitoException.invalidParameter("Missing required parameter REFRESH_TOKEN");
    }
    UserPool.RefreshSession session = pool.sessions.get(refreshToken);
    if (session == null || !session.clientId().equals(client.clientId())) {
      throw CognitoException.notAuthorized("Invalid Refresh Token");
    }
    if (pool.revokedOrigins.contains(session.session().originJti())) {
      throw CognitoException.notAuthorized("Refresh Token has been revoked");
    }
    Instant now = pool.now();
    if (!session.expires().isAfter(now)) {
      throw CognitoException.notAuthorized("Refresh Token has expired");
    }
    synchronized (pool) {
      User user = pool.users.get(session.username());
      if (user == null) {
        throw CognitoException.notAuthorized("Refresh Token has been revoked");
      }
      SecretHash.check(client, user.username, parameters.path("SECRET_HASH").isString() ? parameters.path("SECRET_HASH").asString("") : null);
      if (!user.enabled) {
        throw CognitoException.notAuthorized("User is disabled.");
      }
      return authenticationResult(pool, client, user, session.session(), now, UnaryOperator.identity());
    }
  }

  private static ObjectNode authenticationResult(
      UserPool pool, AppClient client, User user, Tokens.Session session, Instant now, UnaryOperator<JWTClaimsSet.Builder> adjustAccess) {
    var key = pool.keys.active();
    ObjectNode response = Json.MAPPER.createObjectNode();
    response.putObject("ChallengeParameters");
    response.putObject("AuthenticationResult")
        .put("AccessToken", Tokens.accessToken(pool.issuer, key, user, client.clientId(), session, now, client.accessTokenValidity(), adjustAccess))
        .put("ExpiresIn", client.accessTokenValidity().toSeconds())
        .put("TokenType", "Bearer")
        .put("IdToken", Tokens.idToken(pool.issuer, key, user, client.clientId(), session, now, client.idTokenValidity()));
    return response;
  }

  ObjectNode getUser(JsonNode body) {
    UserPool pool = poolOfToken(Requests.required(body, "AccessToken"));
    User user = userOf(pool, body.get("AccessToken").asString(""));
    synchronized (pool) {
      ObjectNode response = Json.MAPPER.createObjectNode().put("Username", user.username);
      response.set("UserAttributes", UserPool.attributes(user, null));
      return response;
    }
  }

  ObjectNode globalSignOut(JsonNode body) {
    UserPool pool = poolOfToken(Requests.required(body, "AccessToken"));
    User user = userOf(pool, body.get("AccessToken").asString(""));
    pool.sessions.values().stream()
        .filter(session -> session.username().equals(user.username))
        .forEach(session -> pool.revokedOrigins.add(session.session().originJti()));
    return Json.MAPPER.createObjectNode();
  }

  /** The user an access token names, once its signature, issuer, expiry and session check out. */
  private static User userOf(UserPool pool, String accessToken) {
    JWTClaimsSet claims = Tokens.verifyAccessToken(accessToken, pool.issuer, pool.keys, pool.now());
    try {
      String origin = claims.getStringClaim("origin_jti");
      if (origin != null && pool.revokedOrigins.contains(origin)) {
        throw CognitoException.notAuthorized("Access Token has been revoked");
      }
      synchronized (pool) {
        User user = pool.users.get(claims.getStringClaim("username"));
        if (user == null || !user.sub.equals(claims.getSubject())) {
          throw CognitoException.userNotFound();
        }
        return user;
      }
    } catch (ParseException e) {
      throw CognitoException.notAuthorized("Invalid Access Token");
    }
  }

  /** The pool whose issuer signed the token: its {@code iss} ends with the pool id. */
  private UserPool poolOfToken(String accessToken) {
    try {
      String issuer = com.nimbusds.jwt.JWTParser.parse(accessToken).getJWTClaimsSet().getIssuer();
      @Nullable UserPool pool = issuer == null ? null : pools.findPool(issuer.substring(issuer.lastIndexOf('/') + 1));
      if (pool == null) {
        throw CognitoException.notAuthorized("Invalid Access Token");
      }
      return pool;
    } catch (ParseException e) {
      throw CognitoException.notAuthorized("Invalid Access Token");
    }
  }

  private static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
