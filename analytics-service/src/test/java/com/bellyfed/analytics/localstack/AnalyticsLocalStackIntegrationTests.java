package com.bellyfed.analytics.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsServiceApplication;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.bellyfed.testing.LocalStackRun;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

/**
 * The service against LocalStack instead of local-aws (profile {@code localstack}:
 * {@code ./mvnw -Plocalstack -pl analytics-service -am verify}): provisioned with the same topology
 * and configured only through {@code spring.cloud.aws.*}, it takes an error from LocalStack's error bus
 * (EventBridge rule to SQS) into its DynamoDB table and lists it. The default build proves the same
 * against local-aws; this run checks that the service does not depend on local-aws. Skipped, saying
 * why, without the profile or without Docker. LocalStack's free edition has no Cognito: the access tokens come
 * from local-aws's user pool, as in every other test (the service only reads its issuer's JWKS).
 */
@LocalAwsTest
class AnalyticsLocalStackIntegrationTests {

  private static LocalStackRun localStack;
  private static ConfigurableApplicationContext app;
  private static EventBridgeClient events;
  private static Topology topology;
  private static String skipped;

  @BeforeAll
  static void startLocalStackAndTheService(LocalAws localAws) {
    skipped = LocalStackRun.skipReason();
    if (skipped != null) {
      return;
    }
    localStack = LocalStackRun.start();
    events = localStack.closing(localStack.configure(EventBridgeClient.builder()).build());
    topology = Topology.bellyfed(Environment.of("dev"));
    try (SqsClient sqs = localStack.configure(SqsClient.builder()).build();
        DynamoDbClient dynamoDb = localStack.configure(DynamoDbClient.builder()).build()) {
      new Provisioner(sqs, dynamoDb, events, true).apply(topology);
    }
    ProvisionedPool pool = localAws.userPool();
    app = localStack.closing(new SpringApplicationBuilder(AnalyticsServiceApplication.class).run(
        localStack.deployedArguments(pool.issuer(), pool.clientId())));
  }

  @AfterAll
  static void stop() {
    if (localStack != null) {
      localStack.close();
    }
  }

  @Test
  void listsAnErrorReportedOnLocalStacksErrorBus(LocalAws localAws) {
    assumeTrue(skipped == null, skipped);
    String service = AnalyticsFixtures.uniqueService();
    EventEnvelope error = AnalyticsFixtures.errorOccurred(service, Severity.HIGH, "DYNAMODB_UNAVAILABLE", UUID.randomUUID().toString());
    int failed = events.putEvents(request -> request.entries(entry -> entry.eventBusName(topology.bus("error").name())
        .source("bellyfed.system").detailType("ErrorOccurred").detail(AnalyticsFixtures.JSON.write(error)))).failedEntryCount();
    assertThat(failed).isZero();

    SignedInApi http = SignedInApi.admin(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), localAws);
    await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/errors?service=" + service).json().path("items").size() == 1);
    JsonNode listed = http.get("/api/errors?service=" + service).json().path("items").get(0);
    assertThat(listed.path("eventId").asString()).isEqualTo(error.eventId());
    assertThat(listed.path("errorCode").asString()).isEqualTo("DYNAMODB_UNAVAILABLE");
  }
}
