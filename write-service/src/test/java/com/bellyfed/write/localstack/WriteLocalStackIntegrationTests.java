package com.bellyfed.write.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LocalStackRun;
import com.bellyfed.write.WriteServiceApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The service against LocalStack instead of local-aws (profile {@code localstack}:
 * {@code ./mvnw -Plocalstack -pl write-service -am verify}): provisioned with the same topology and
 * configured only through {@code spring.cloud.aws.*}, it creates a restaurant in LocalStack's
 * DynamoDB. The default build proves the same against local-aws; this run checks that the service
 * does not depend on local-aws. Skipped, saying why, without the profile or without Docker. LocalStack's
 * free edition has no Cognito: the token issuer is local-aws's user pool, as for every other test, and the
 * service runs without the test profile, given what production must give it.
 */
@LocalAwsTest
class WriteLocalStackIntegrationTests {

  private static LocalStackRun localStack;
  private static ConfigurableApplicationContext app;
  private static DynamoDbClient dynamoDb;
  private static Topology topology;
  private static String skipped;
  private static LocalAws localAws;

  @BeforeAll
  static void startLocalStackAndTheService(LocalAws issuer) {
    localAws = issuer;
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
    app = localStack.closing(new SpringApplicationBuilder(WriteServiceApplication.class).run(
        localStack.deployedArguments(issuer.userPool().issuer(), issuer.userPool().clientId())));
  }

  @AfterAll
  static void stop() {
    if (localStack != null) {
      localStack.close();
    }
  }

  @Test
  void createsARestaurantInLocalStacksDynamoDb() {
    assumeTrue(skipped == null, skipped);
    HttpApi http = new HttpApi(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));

    HttpApi.Answer created = http.post("/api/restaurants", HttpApi.json(Map.of(
        "name", "Kedai Kopi LocalStack", "city", "Ipoh", "cuisine", "Malaysian", "address", "2 Jalan Sultan Idris",
        "priceLevel", 1, "tags", List.of("kopitiam"))),
        "Authorization", "Bearer " + localAws.signIn("admin-" + java.util.UUID.randomUUID(), "admin").accessToken());

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String restaurantId = created.json().path("restaurantId").asString();
    assertThat(created.header("Location")).isEqualTo("/api/restaurants/" + restaurantId);
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(topology.table("restaurants").name())
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId))).consistentRead(true)).item();
    assertThat(item.get("name").s()).isEqualTo("Kedai Kopi LocalStack");
  }
}
