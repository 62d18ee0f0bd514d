package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.provisioning.ProvisioningReport;
import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@LocalAwsTest
class CognitoProvisioningIntegrationTests extends CognitoFixtures {

  private static SqsClient sqs;

  @BeforeAll
  static void sqs(LocalAws shared) {
    sqs = shared.sqs();
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPoolClient.html
  @Test
  void theEnvironmentHasItsPoolWebClientAndGroups() throws Exception {
    String env = localAws.settings().environment().id();
    var pool = localAws.userPool();

    assertThat(cognito.describeUserPool(request -> request.userPoolId(pool.userPoolId())).userPool().name()).isEqualTo("bellyfed-" + env);
    UserPoolClientType client =
        cognito.describeUserPoolClient(request -> request.userPoolId(pool.userPoolId()).clientId(pool.clientId())).userPoolClient();
    assertThat(client.clientName()).isEqualTo("bellyfed-web-" + env);
    assertThat(client.clientSecret()).isNull();
    assertThat(client.explicitAuthFlows())
        .containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH);
    for (String group : List.of("admin", "user")) {
      assertThatThrownBy(() -> cognito.createGroup(request -> request.userPoolId(pool.userPoolId()).groupName(group)))
          .isInstanceOf(GroupExistsException.class);
    }
    assertThat(pool.issuer().toString()).isEqualTo(localAws.endpoint() + "/" + pool.userPoolId());
    JsonNode health = CognitoFixtures.get("/_local-aws/health").path("cognito");
    assertThat(health.path("userPoolId").asString("")).isEqualTo(pool.userPoolId());
    assertThat(health.path("clientId").asString("")).isEqualTo(pool.clientId());
    assertThat(health.path("issuer").asString("")).isEqualTo(pool.issuer().toString());
  }

  @Test
  void provisioningAgainChangesNothingAndKeepsTheIds() {
    var pool = localAws.userPool();

    ProvisioningReport again =
        new Provisioner(localAws.sqs(), localAws.dynamoDb(), localAws.eventBridge(), cognito, false).apply(localAws.topology());

    assertThat(again.userPool()).isEqualTo(new ProvisioningReport.UserPoolIds(pool.userPoolId(), pool.clientId()));
    assertThat(again.changes()).filteredOn(change -> List.of("pool", "client", "group").contains(change.kind()))
        .hasSize(4)
        .allSatisfy(change -> assertThat(change.action()).as(change.toString()).isEqualTo(Action.UNCHANGED));
  }

  // The user-signup flow of docs/write-service.md: SignUp, ConfirmSignUp, then Cognito's PostConfirmation payload
  // as the detail of a PostConfirmation event from bellyfed.auth, routed by the auth bus's rule to the signup queue.
  // Payload: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html
  @Test
  void aConfirmedSignUpReachesTheSignupQueueAsCognitosPostConfirmationPayload() throws Exception {
    var pool = localAws.userPool();
    String username = "signup-" + UUID.randomUUID();
    String email = username + "@example.com";
    String sub =
        cognito.signUp(request -> request.clientId(pool.clientId()).username(username).password(PASSWORD)
                .userAttributes(attribute -> attribute.name("email").value(email)))
            .userSub();
    String code = CognitoFixtures.code(pool.userPoolId(), username);

    cognito.confirmSignUp(request -> request.clientId(pool.clientId()).username(username).confirmationCode(code));

    String queueUrl = sqs.getQueueUrl(request -> request.queueName(localAws.topology().queue("user-signup").name())).queueUrl();
    List<JsonNode> mine = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      for (Message message : sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        JsonNode event = CognitoFixtures.JSON.readTree(message.body());
        if (event.path("detail").path("userName").asString("").equals(username)) {
          mine.add(event);
          sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
      }
      return !mine.isEmpty();
    });
    JsonNode event = mine.get(0);
    assertThat(event.path("source").asString("")).isEqualTo("bellyfed.auth");
    assertThat(event.path("detail-type").asString("")).isEqualTo("PostConfirmation");
    JsonNode detail = event.path("detail");
    assertThat(detail.path("version").asString("")).isEqualTo("1");
    assertThat(detail.path("region").asString("")).isEqualTo(localAws.region().id());
    assertThat(detail.path("userPoolId").asString("")).isEqualTo(pool.userPoolId());
    assertThat(detail.path("triggerSource").asString("")).isEqualTo("PostConfirmation_ConfirmSignUp");
    assertThat(detail.path("callerContext").path("clientId").asString("")).isEqualTo(pool.clientId());
    assertThat(detail.path("callerContext").path("awsSdkVersion").asString("")).startsWith("aws-sdk-java-");
    JsonNode attributes = detail.path("request").path("userAttributes");
    assertThat(attributes.path("sub").asString("")).isEqualTo(sub);
    assertThat(attributes.path("email").asString("")).isEqualTo(email);
    assertThat(attributes.path("email_verified").asString("")).isEqualTo("true");
    assertThat(attributes.path("cognito:user_status").asString("")).isEqualTo("CONFIRMED");
    assertThat(detail.path("response").isObject()).isTrue();
    assertThat(detail.path("response").isEmpty()).isTrue();
  }
}
