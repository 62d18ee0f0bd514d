package com.bellyfed.query.localstack;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.QueryFixtures;
import com.bellyfed.query.QueryServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service against LocalStack instead of local-aws (profile {@code localstack}:
 * {@code ./mvnw -Plocalstack -pl query-service -am verify}): provisioned with the same topology,
 * configured only through {@code spring.cloud.aws.*}, it serves what was written to LocalStack's
 * DynamoDB. The same behaviour is proven against local-aws by the default build; this run checks
 * that the service does not depend on local-aws. Skipped, saying why, without the profile or
 * without Docker (or podman's Docker socket) and the LocalStack image.
 */
class QueryLocalStackIntegrationTests {

  private static LocalStackContainer localStack;
  private static ConfigurableApplicationContext app;
  private static DynamoDbClient dynamoDb;
  private static Topology topology;
  private static String skipped;

  @BeforeAll
  static void startLocalStackAndTheService() {
    if (!Boolean.getBoolean("bellyfed.localstack")) {
      skipped = "LocalStack tests run only with -Plocalstack";
    } else if (!DockerClientFactory.instance().isDockerAvailable()) {
      skipped = "LocalStack tests skipped: no Docker (or podman Docker socket) is available to run " + image();
      // In the build's output, not only in the report: the profile was asked for and did not run.
      System.err.println(skipped);
    }
    if (skipped != null) {
      return;
    }
    localStack = new LocalStackContainer(image()).withServices("dynamodb", "sqs", "events");
    localStack.start();

    dynamoDb = client(DynamoDbClient.builder()).build();
    topology = Topology.bellyfed(Environment.of("dev"));
    try (SqsClient sqs = client(SqsClient.builder()).build(); EventBridgeClient events = client(EventBridgeClient.builder()).build()) {
      new Provisioner(sqs, dynamoDb, events, true).apply(topology);
    }
    app = new SpringApplicationBuilder(QueryServiceApplication.class).run(
        "--server.port=0",
        "--spring.cloud.aws.endpoint=" + localStack.getEndpoint(),
        "--spring.cloud.aws.region.static=" + localStack.getRegion(),
        "--spring.cloud.aws.credentials.access-key=" + localStack.getAccessKey(),
        "--spring.cloud.aws.credentials.secret-key=" + localStack.getSecretKey());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (dynamoDb != null) {
      dynamoDb.close();
    }
    if (localStack != null) {
      localStack.stop();
    }
  }

  @Test
  void servesARestaurantStoredInLocalStacksDynamoDb() throws Exception {
    assumeTrue(skipped == null, skipped);
    Map<String, AttributeValue> item = restaurant("Nasi Kandar Line Clear", "Penang", "Mamak", "4.5", 2, Instant.parse("2026-01-01T00:00:00Z"));
    new QueryFixtures(dynamoDb, topology).putRestaurant(item);

    String port = app.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/restaurants/" + item.get("restaurantId").s())).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Nasi Kandar Line Clear");
  }

  private static String image() {
    return System.getProperty("bellyfed.localstack.image", "localstack/localstack:4");
  }

  private static <B extends AwsClientBuilder<B, ?>> B client(B builder) {
    return builder
        .endpointOverride(localStack.getEndpoint())
        .region(Region.of(localStack.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(localStack.getAccessKey(), localStack.getSecretKey())));
  }
}
