package com.bellyfed.write.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sign-up path of docs/write-service.md with real Cognito calls against local-aws's pool: SignUp,
 * ConfirmSignUp with the code the pool sent, the PostConfirmation event on the auth bus, the user in
 * the users table.
 */
@WriteServiceTest
class CognitoSignupFlowIntegrationTests {

  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  @Test
  void aUserWhoSignsUpAndConfirmsExistsInWriteService(LocalAws localAws, ProvisionedPool pool) throws Exception {
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
