package com.bellyfed.write.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.write.support.WriteServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sign-up path of issue 18 and docs/write-service.md with real Cognito calls (the AWS SDK's
 * CognitoIdentityProviderClient) against local-aws's pool: SignUp, ConfirmSignUp with the code the pool
 * sent, the PostConfirmation event on the auth bus, the user in the users table; then InitiateAuth, and
 * the access token writes the user's own profile and nobody else's.
 */
@WriteServiceTest
class CognitoSignupFlowIntegrationTests {

  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @LocalServerPort int port;

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
  @Test
  void aUserWhoSignsUpAndConfirmsExistsInWriteServiceAndWritesTheirOwnProfileOnly(LocalAws localAws, ProvisionedPool pool)
      throws Exception {
    CognitoIdentityProviderClient cognito = localAws.cognitoIdentityProvider();
    String username = "flow-" + UUID.randomUUID().toString().substring(0, 8);
    String email = username + "@example.com";
    String sub =
        cognito.signUp(request -> request.clientId(pool.clientId()).username(username).password("Correct-Horse-9")
                .userAttributes(attribute -> attribute.name("email").value(email)))
            .userSub();

    String code = code(localAws, username);
    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username(username).confirmationCode(code));

    await().atMost(Duration.ofSeconds(30)).until(() -> !user(sub).isEmpty());
    Map<String, AttributeValue> user = user(sub);
    assertThat(user.get("email").s()).isEqualTo(email);
    assertThat(user.get("userName").s()).isEqualTo(username);
    assertThat(user.get("status").s()).isEqualTo("ACTIVE");

    AuthenticationResultType tokens = cognito.initiateAuth(request -> request.clientId(pool.clientId())
        .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", username, "PASSWORD", "Correct-Horse-9")))
        .authenticationResult();
    HttpApi api = new HttpApi(port);
    String bearer = "Bearer " + tokens.accessToken();

    Answer own = api.put("/api/users/" + sub + "/profile", HttpApi.json(Map.of("displayName", "Flow")), "Authorization", bearer);
    String someoneElse = localAws.signIn("someone-" + UUID.randomUUID()).sub();
    Answer others = api.put("/api/users/" + someoneElse + "/profile", HttpApi.json(Map.of("displayName", "Not Mine")),
        "Authorization", bearer);

    // The sign-up created the user, so the profile replaces (200), it does not create (201).
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(user(sub).get("displayName").s()).isEqualTo("Flow");
    assertThat(user(sub).get("email").s()).isEqualTo(email);
    assertThat(others.status()).isEqualTo(403);
    assertThat(others.contentType()).startsWith("application/problem+json");
    assertThat(user(someoneElse)).isEmpty();
  }

  /**
   * GlobalSignOut revokes the user's refresh tokens: REFRESH_TOKEN_AUTH then answers NotAuthorizedException.
   * (Access tokens already issued stay valid to a resource server until they expire: they are checked
   * against the pool's keys, not against Cognito.)
   */
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html#API_InitiateAuth_Errors
  @Test
  void afterGlobalSignOutTheRefreshTokenNoLongerGetsATokenFromThePool(LocalAws localAws, ProvisionedPool pool) {
    CognitoIdentityProviderClient cognito = localAws.cognitoIdentityProvider();
    var signedIn = localAws.signIn("signout-" + UUID.randomUUID());
    AuthenticationResultType refreshed = cognito.initiateAuth(request -> request.clientId(pool.clientId())
        .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", signedIn.refreshToken())))
        .authenticationResult();
    assertThat(refreshed.accessToken()).isNotBlank();

    cognito.globalSignOut(request -> request.accessToken(signedIn.accessToken()));

    assertThatThrownBy(() -> cognito.initiateAuth(request -> request.clientId(pool.clientId())
            .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", signedIn.refreshToken()))))
        .isInstanceOf(NotAuthorizedException.class);
  }

  private static String code(LocalAws localAws, String username) throws Exception {
    HttpResponse<String> codes =
        HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(localAws.endpoint() + "/_local-aws/cognito/codes")).build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode sent : JsonMapper.shared().readTree(codes.body())) {
      if (sent.path("username").asString("").equals(username)) {
        return sent.path("code").asString("");
      }
    }
    throw new AssertionError("No code was sent to " + username);
  }

  private Map<String, AttributeValue> user(String userId) {
    return dynamoDb.getItem(r -> r.tableName(topology.table("users").name()).consistentRead(true)
        .key(Map.of("userId", AttributeValue.fromS(userId)))).item();
  }
}
