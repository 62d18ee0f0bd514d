package com.bellyfed.localaws.cognito;

import com.bellyfed.localaws.LocalAws;
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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;

/** A fresh pool and client per test, and what the tests read back over HTTP: codes, JWKS, verified claims. */
final class CognitoFixtures {

  static final ObjectMapper JSON = com.bellyfed.localaws.Json.MAPPER;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private CognitoFixtures() {}

  record Pool(String poolId, String clientId) {}

  static Pool newPool(CognitoIdentityProviderClient cognito, PreventUserExistenceErrorTypes existenceErrors) {
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

  /** Signs a user up, confirms them with the code local-aws "sent", and returns their sub. */
  static String confirmedUser(CognitoIdentityProviderClient cognito, LocalAws localAws, Pool pool, String username, String password) throws Exception {
    String sub =
        cognito.signUp(request -> request.clientId(pool.clientId()).username(username).password(password)
                .userAttributes(attribute -> attribute.name("email").value(username + "@example.com")))
            .userSub();
    String code = code(localAws, pool.poolId(), username);
    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username(username).confirmationCode(code));
    return sub;
  }

  static String code(LocalAws localAws, String poolId, String username) throws Exception {
    String code = null;
    for (JsonNode sent : get(localAws, "/_local-aws/cognito/codes")) {
      if (sent.path("userPoolId").asString("").equals(poolId) && sent.path("username").asString("").equals(username)) {
        code = sent.path("code").asString("");
      }
    }
    if (code == null) {
      throw new AssertionError("No code was sent to " + username);
    }
    return code;
  }

  static String passwordToken(CognitoIdentityProviderClient cognito, Pool pool, String username, String password) {
    return cognito.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
            .authParameters(java.util.Map.of("USERNAME", username, "PASSWORD", password)))
        .authenticationResult().accessToken();
  }

  static JsonNode get(LocalAws localAws, String path) throws Exception {
    return JSON.readTree(getText(localAws, path).body());
  }

  static HttpResponse<String> getText(LocalAws localAws, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(localAws.endpoint() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(LocalAws localAws, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(localAws.endpoint() + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The token's claims once its signature checks out against the pool's published JWKS, as a resource server does it. */
  static JWTClaimsSet verified(LocalAws localAws, String poolId, String token) throws Exception {
    JWKSet jwks = JWKSet.parse(getText(localAws, "/" + poolId + "/.well-known/jwks.json").body());
    SignedJWT jwt = SignedJWT.parse(token);
    RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null || !jwt.verify(new RSASSAVerifier(key)) || jwt.getState() != JWSObject.State.VERIFIED) {
      throw new AssertionError("The token's signature does not verify against the pool's JWKS");
    }
    return jwt.getJWTClaimsSet();
  }
}
