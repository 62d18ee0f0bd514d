package com.bellyfed.imports.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceApplication;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LocalStackRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

/**
 * The service against LocalStack instead of local-aws (profile {@code localstack}:
 * {@code ./mvnw -Plocalstack -pl import-service -am verify}): provisioned with the same topology and
 * configured only through {@code spring.cloud.aws.*}, it imports restaurants through its chunk queue
 * into LocalStack's DynamoDB. The default build proves the same against local-aws; this run checks
 * that the service does not depend on local-aws. Skipped, saying why, without the profile or without Docker.
 */
class ImportLocalStackIntegrationTests {

  private static LocalStackRun localStack;
  /** Only the token issuer: LocalStack's Cognito is not in its free edition, and the resource server needs one. */
  private static LocalAws issuer;
  private static ConfigurableApplicationContext app;
  private static DynamoDbClient dynamoDb;
  private static Topology topology;
  private static String skipped;

  @BeforeAll
  static void startLocalStackAndTheService() {
    skipped = LocalStackRun.skipReason();
    if (skipped != null) {
      return;
    }
    localStack = LocalStackRun.start();
    dynamoDb = localStack.closing(localStack.configure(DynamoDbClient.builder()).build());
    topology = Topology.bellyfed(Environment.of("dev"));
    try (SqsClient sqs = localStack.configure(SqsClient.builder()).build();
        EventBridgeClient events = localStack.configure(EventBridgeClient.builder()).build()) {
      new Provisioner(sqs, dynamoDb, events, true).apply(topology);
    }
    issuer = localStack.closing(LocalAws.start(LocalAws.Settings.defaults().withPort(0)));
    app = localStack.closing(new SpringApplicationBuilder(ImportServiceApplication.class).run(
        localStack.deployedArguments(issuer.userPool().issuer(), issuer.userPool().clientId())));
  }

  @AfterAll
  static void stop() {
    if (localStack != null) {
      localStack.close();
    }
  }

  @Test
  void importsRestaurantsIntoLocalStacksDynamoDb() throws IOException {
    assumeTrue(skipped == null, skipped);
    String city = "LocalStack " + UUID.randomUUID().toString().substring(0, 8);
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    Generator.restaurants(20, 7, city).writeTo(ndjson);
    HttpApi http = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

    String admin = "Bearer " + issuer.signIn("localstack-admin", "admin").accessToken();

    HttpApi.Answer accepted = http.post("/api/imports?type=restaurants", ndjson.toString(StandardCharsets.UTF_8),
        "Content-Type", "application/x-ndjson", "Authorization", admin);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String jobId = accepted.json().path("jobId").asString();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode job = http.get("/api/imports/" + jobId, "Authorization", admin).json();
      return !job.path("state").asString().equals("ACCEPTED") && !job.path("state").asString().equals("RUNNING");
    });
    assertThat(http.get("/api/imports/" + jobId, "Authorization", admin).json().path("state").asString()).isEqualTo("COMPLETED");
    int inCity = dynamoDb.query(request -> request.tableName(topology.table("restaurants").name()).indexName("city-name-index")
        .keyConditionExpression("cityKey = :city")
        .expressionAttributeValues(Map.of(":city", AttributeValue.fromS(TableKeys.cityKey(city))))
        .select(Select.COUNT)).count();
    assertThat(inCity).as("restaurants readable through the city index").isEqualTo(20);
  }
}
