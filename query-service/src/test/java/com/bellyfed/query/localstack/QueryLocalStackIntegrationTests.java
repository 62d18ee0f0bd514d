package com.bellyfed.query.localstack;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.QueryFixtures;
import com.bellyfed.query.QueryServiceApplication;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LocalStackRun;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
 * {@code ./mvnw -Plocalstack -pl query-service -am verify}): provisioned with the same topology,
 * configured only through {@code spring.cloud.aws.*}, it serves what was written to LocalStack's
 * DynamoDB. The same behaviour is proven against local-aws by the default build; this run checks
 * that the service does not depend on local-aws. Skipped, saying why, without the profile or
 * without Docker (or podman's Docker socket) and the LocalStack image.
 */
class QueryLocalStackIntegrationTests {

  private static @Nullable LocalStackRun localStack;
  private static @Nullable ConfigurableApplicationContext app;
  private static @Nullable DynamoDbClient dynamoDb;
  private static @Nullable Topology topology;
  private static @Nullable String skipped;

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
    // Public reads need no token, so the issuer is never called: any address does.
    app = localStack.closing(new SpringApplicationBuilder(QueryServiceApplication.class).run(
        localStack.deployedArguments(URI.create("http://127.0.0.1:9/no-pool"), "no-client")));
  }

  @AfterAll
  static void stop() {
    if (localStack != null) {
      localStack.close();
    }
  }

  @Test
  void servesARestaurantStoredInLocalStacksDynamoDb() {
    assumeTrue(skipped == null, skipped);
    Map<String, AttributeValue> item = restaurant("Nasi Kandar Line Clear", "Penang", "Mamak", "4.5", 2, Instant.parse("2026-01-01T00:00:00Z"));
    new QueryFixtures(dynamoDb, topology).putRestaurant(item);

    HttpApi.Answer response = new HttpApi(port()).get("/api/restaurants/" + item.get("restaurantId").s());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("Nasi Kandar Line Clear");
  }

  private static int port() {
    return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
  }
}
