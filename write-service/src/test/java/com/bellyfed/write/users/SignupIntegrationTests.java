package com.bellyfed.write.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@WriteServiceTest
class SignupIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired MeterRegistry meters;
  /** The pool whose tokens the service accepts: the only one whose sign-ups it takes. */
  String poolId;

  @BeforeEach
  void pool(ProvisionedPool pool) {
    poolId = pool.userPoolId();
  }

  /** The payload a user pool hands its post-confirmation trigger, as the trigger Lambda forwards it. */
  static String cognitoPostConfirmation(String poolId, String sub, String email) {
    return """
        {"version":"1","region":"us-east-1","userPoolId":"%s","userName":"%s",
         "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"1example23456789"},
         "triggerSource":"PostConfirmation_ConfirmSignUp",
         "request":{"userAttributes":{"sub":"%s","email":"%s","email_verified":"true","cognito:user_status":"CONFIRMED"}},
         "response":{}}""".formatted(poolId, email.substring(0, email.indexOf('@')), sub, email);
  }

  @Test
  void aCognitoEventPutOnTheAuthBusTwiceCreatesOneUserAndOneAccountCreated(LocalAws localAws) {
    String sub = UUID.randomUUID().toString();
    String detail = cognitoPostConfirmation(poolId, sub, "ana." + sub.substring(0, 8) + "@example.com");
    try (EventTap tap = EventTap.on(localAws, "user", "{\"detail\":{\"eventType\":[\"user.account.created\"],\"userId\":[\"" + sub + "\"]}}")) {
      putOnAuthBus(localAws, detail);
      putOnAuthBus(localAws, detail);

      List<EventEnvelope> events = tap.await(1, Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(30)).until(() -> handled() >= 2 + before);
      events.addAll(tap.more());

      assertThat(events).hasSize(1);
      assertThat(events.get(0).data().path("email").asText()).startsWith("ana.");
      Map<String, AttributeValue> user = user(sub);
      assertThat(user.get("status").s()).isEqualTo("ACTIVE");
      assertThat(user.get("email").s()).startsWith("ana.");
      assertThat(user.get("userName").s()).startsWith("ana.");
      assertThat(user.get("version").n()).isEqualTo("1");
      assertThat(user).containsKey("createdAt");
    }
  }

  /** Sign-up deliveries handled so far, whether they created a user, found it there, or were caught as duplicates. */
  double before;

  @BeforeEach
  void countBefore() {
    before = handled();
  }

  @Test
  void theSameSqsMessageDeliveredTwiceCreatesOneUser(LocalAws localAws) {
    String sub = UUID.randomUUID().toString();
    String body = eventBridgeEvent(cognitoPostConfirmation(poolId, sub, "dup." + sub.substring(0, 8) + "@example.com"));
    String queue = localAws.sqs().getQueueUrl(r -> r.queueName(topology.queue("user-signup").name())).queueUrl();
    try (EventTap tap = EventTap.on(localAws, "user", "{\"detail\":{\"eventType\":[\"user.account.created\"],\"userId\":[\"" + sub + "\"]}}")) {
      localAws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(body));
      localAws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(body));

      List<EventEnvelope> events = tap.await(1, Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(30)).until(() -> handled() >= 2 + before);
      events.addAll(tap.more());

      assertThat(events).hasSize(1);
      assertThat(user(sub).get("version").n()).isEqualTo("1");
    }
  }


  @Test
  void aSignupOfAUserWhoWroteAProfileFirstFillsInTheAccount(LocalAws localAws) {
    // Signed in and writing before the sign-up's event was consumed (a slow queue): the profile comes first.
    Caller early = Caller.user(port, localAws, "early");
    String sub = early.userId();
    assertThat(early.put("/api/users/" + sub + "/profile", HttpApi.json(Map.of("displayName", "Early Bird"))).status()).isEqualTo(201);

    putOnAuthBus(localAws, cognitoPostConfirmation(poolId, sub, "early." + sub.substring(0, 8) + "@example.com"));

    await().atMost(Duration.ofSeconds(30)).until(() -> user(sub).containsKey("email"));
    Map<String, AttributeValue> user = user(sub);
    assertThat(user.get("displayName").s()).isEqualTo("Early Bird");
    assertThat(user.get("version").n()).isEqualTo("2");
  }

  @Test
  void malformedSignupEventsGoToTheDeadLetterQueueWithTheReason(LocalAws localAws) {
    String marker = UUID.randomUUID().toString();
    putOnAuthBus(localAws, """
        {"triggerSource":"PostConfirmation_ConfirmSignUp","userName":"%s","request":{"userAttributes":{"email":"no-sub@example.com"}}}"""
        .formatted(marker));
    String deadLetters = localAws.sqs().getQueueUrl(r -> r.queueName(topology.deadLetterQueue("user-signup").name())).queueUrl();

    List<Message> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      localAws.sqs().receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1)
              .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
          .messages().stream().filter(message -> message.body().contains(marker)).forEach(found::add);
      return !found.isEmpty();
    });
    assertThat(found.get(0).messageAttributes().get("ParseError").stringValue()).contains("request.userAttributes.sub");
    assertThat(found.get(0).messageAttributes().get("Consumer").stringValue()).isEqualTo("user-signup");
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminConfirmSignUp.html
  // https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-post-confirmation.html
  @Test
  void anAdminConfirmedSignUpOfThePoolCreatesTheUser(LocalAws localAws, ProvisionedPool pool) {
    CognitoIdentityProviderClient cognito = localAws.cognitoIdentityProvider();
    String username = "admin-confirmed-" + UUID.randomUUID().toString().substring(0, 8);
    String sub = cognito.signUp(request -> request.clientId(pool.clientId()).username(username).password("Correct-Horse-9")
            .userAttributes(attribute -> attribute.name("email").value(username + "@example.com")))
        .userSub();
    assertThat(user(sub)).as("nobody is created before the confirmation").isEmpty();

    cognito.adminConfirmSignUp(request -> request.userPoolId(pool.userPoolId()).username(username));

    await().atMost(Duration.ofSeconds(30)).until(() -> user(sub).containsKey("email"));
    assertThat(user(sub).get("email").s()).isEqualTo(username + "@example.com");
    assertThat(user(sub).get("userName").s()).isEqualTo(username);
  }

  @Test
  void aMessageThatDidNotComeFromTheAuthBusRuleIsDeadLetteredAndCreatesNobody(LocalAws localAws) {
    String sub = UUID.randomUUID().toString();
    String queue = localAws.sqs().getQueueUrl(r -> r.queueName(topology.queue("user-signup").name())).queueUrl();
    String forged = eventBridgeEvent(cognitoPostConfirmation(poolId, sub, "forged@example.com"))
        .replace("\"source\":\"bellyfed.auth\"", "\"source\":\"someone.else\"");

    localAws.sqs().sendMessage(r -> r.queueUrl(queue).messageBody(forged));

    Message dead = deadLetter(localAws, sub);
    assertThat(dead.messageAttributes().get("ParseError").stringValue()).contains("source", "someone.else");
    assertThat(user(sub)).isEmpty();
  }

  @Test
  void aSignUpOfAnotherPoolIsDeadLetteredAndCreatesNobody(LocalAws localAws) {
    String sub = UUID.randomUUID().toString();

    putOnAuthBus(localAws, cognitoPostConfirmation("us-east-1_SomeoneElses", sub, "other-pool@example.com"));

    Message dead = deadLetter(localAws, sub);
    assertThat(dead.messageAttributes().get("ParseError").stringValue()).contains("userPoolId", "us-east-1_SomeoneElses");
    assertThat(user(sub)).isEmpty();
  }

  /** The dead-lettered message whose body names {@code marker}, within 30 s. */
  private Message deadLetter(LocalAws localAws, String marker) {
    String deadLetters = localAws.sqs().getQueueUrl(r -> r.queueName(topology.deadLetterQueue("user-signup").name())).queueUrl();
    List<Message> found = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      localAws.sqs().receiveMessage(r -> r.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1)
              .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
          .messages().stream().filter(message -> message.body().contains(marker)).forEach(found::add);
      return !found.isEmpty();
    });
    return found.get(0);
  }

  private void putOnAuthBus(LocalAws localAws, String detail) {
    var entry = localAws.eventBridge().putEvents(r -> r.entries(e -> e.eventBusName(topology.bus("auth").name())
        .source("bellyfed.auth").detailType("PostConfirmation").detail(detail))).entries().get(0);
    assertThat(entry.errorCode()).isNull();
  }

  private static String eventBridgeEvent(String detail) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"PostConfirmation\",\"source\":\"bellyfed.auth\","
        + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + detail + "}";
  }

  private double signups(String outcome) {
    var counter = meters.find("bellyfed.write.signups").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  private double handled() {
    return signups("repeated") + signups("created") + duplicates();
  }

  private double duplicates() {
    var counter = meters.find("bellyfed.events.consumed.duplicates").tag("consumer", "user-signup").counter();
    return counter == null ? 0 : counter.count();
  }

  private Map<String, AttributeValue> user(String userId) {
    return dynamoDb.getItem(r -> r.tableName(topology.table("users").name()).consistentRead(true)
        .key(Map.of("userId", AttributeValue.fromS(userId)))).item();
  }
}
