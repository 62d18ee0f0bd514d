package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;

/**
 * What the Cognito integration tests share, as the class they extend: the JVM's local-aws and its Cognito
 * client, a fresh pool and client per test, confirmed and signed-in users, and what the tests read back over
 * HTTP (codes, JWKS, verified claims).
 */
@LocalAwsTest
abstract class CognitoFixtures {

  static final ObjectMapper JSON = com.bellyfed.localaws.Json.MAPPER;
  /** Meets the default pool policy (8 characters, upper and lower case, a digit, a symbol). */
  static final String PASSWORD = "Correct-Horse-9";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static LocalAws localAws;
  static CognitoIdentityProviderClient cognito;

  @BeforeAll
  static void clients(LocalAws shared) {
    localAws = shared;
    cognito = shared.cognitoIdentityProvider();
  }

  record Pool(String poolId, String clientId) {}

  static Pool newPool(PreventUserExistenceErrorTypes existenceErrors) {
    String poolId = cognito.createUserPool(request -> request.poolName("test-" + UUID.randomUUID())).userPool().id();
    String clientId =
        cognito.createUserPoolClient(
                request -> request.userPoolId(poolId).clientName("web")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                        ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH)
                    .preventUserExistenceErrors(existenceErrors))
            .userPoolClient().clientId();
    return new Pool(poolId, clientId);
  }

  /** Signs a user up with {@link #PASSWORD}, confirms them with the code local-aws "sent", and returns their sub. */
  static String confirmedUser(Pool pool, String username) throws Exception {
    String sub =
        cognito.signUp(request -> request.clientId(pool.clientId()).username(username).password(PASSWORD)
                .userAttributes(attribute -> attribute.name("email").value(username + "@example.com")))
            .userSub();
    String code = code(pool.poolId(), username);
    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username(username).confirmationCode(code));
    return sub;
  }

  static String code(String poolId, String username) throws Exception {
    String code = null;
    for (JsonNode sent : get("/_local-aws/cognito/codes")) {
      if (sent.path("userPoolId").asString("").equals(poolId) && sent.path("username").asString("").equals(username)) {
        code = sent.path("code").asString("");
      }
    }
    if (code == null) {
      throw new AssertionError("No code was sent to " + username);
    }
    return code;
  }

  /** The access token of a sign-in with {@link #PASSWORD}. */
  static String passwordToken(Pool pool, String username) {
    return passwordToken(pool, username, PASSWORD);
  }

  static String passwordToken(Pool pool, String username, String password) {
    return cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(java.util.Map.of("USERNAME", username, "PASSWORD", password)))
        .authenticationResult().accessToken();
  }

  static JsonNode get(String path) throws Exception {
    return JSON.readTree(getText(path).body());
  }

  static HttpResponse<String> getText(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(localAws.endpoint() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(localAws.endpoint() + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The token's claims once its signature checks out against the pool's published JWKS, as a resource server does it. */
  static JWTClaimsSet verified(String poolId, String token) throws Exception {
    JWKSet jwks = JWKSet.parse(getText("/" + poolId + "/.well-known/jwks.json").body());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null || !jwt.verify(new RSASSAVerifier(key)) || jwt.getState() != JWSObject.State.VERIFIED) {
      throw new AssertionError("The token's signature does not verify against the pool's JWKS");
    }
    return jwt.getJWTClaimsSet();
  }
}
