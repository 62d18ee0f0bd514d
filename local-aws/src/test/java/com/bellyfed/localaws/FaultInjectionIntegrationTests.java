package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.EventBusDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.EventBus;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Faults injected into the edge, through {@link LocalAws#faults()} and the HTTP admin endpoint, as
 * stock SDK clients without retries see them.
 */
@LocalAwsTest
class FaultInjectionIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FAULTS_PATH = "/_local-aws/faults";

  private static DynamoDbClient dynamoDb;
  private static SqsClient sqs;
  private static EventBridgeClient events;
  private static HttpClient http;

  @BeforeAll
  static void createClientsWithoutRetries(LocalAws localAws) {
    dynamoDb = withoutRetries(DynamoDbClient.builder(), localAws, config -> {}).build();
    sqs = withoutRetries(SqsClient.builder(), localAws, config -> {}).build();
    events = withoutRetries(EventBridgeClient.builder(), localAws, config -> {}).build();
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void clearFaults(LocalAws localAws) {
    localAws.faults().clear();
  }

  @AfterAll
  static void closeClients() {
    dynamoDb.close();
    sqs.close();
    events.close();
  }

  @Test
  void failsEventBridgeCallsWhileDownAndDeliversEventsToTargetQueueAfterClear(LocalAws localAws, Topology topology) {
    String bus = topology.bus("restaurant").name();
    String ratingQueueUrl = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("rating").name())).queueUrl();
    String lostMarker = "lost-" + UUID.randomUUID();
    String deliveredMarker = "delivered-" + UUID.randomUUID();

    localAws.faults().inject(Fault.down(AwsService.EVENTS));
    assertThatThrownBy(() -> putReviewCreated(bus, lostMarker)).isInstanceOf(SdkClientException.class);

    localAws.faults().clear();
    PutEventsResponse response = putReviewCreated(bus, deliveredMarker);
    assertThat(response.failedEntryCount()).isZero();

    List<Message> mine = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              mine.addAll(receiveMarked(localAws.sqs(), ratingQueueUrl, lostMarker, deliveredMarker));
              return mine.stream().anyMatch(message -> message.body().contains(deliveredMarker));
            });
    assertThat(mine).extracting(Message::body).noneMatch(body -> body.contains(lostMarker));
    Message delivered =
        mine.stream().filter(message -> message.body().contains(deliveredMarker)).findFirst().orElseThrow();
    JsonNode event = readJson(delivered.body());
    assertThat(event.path("source").asString("")).isEqualTo("bellyfed.restaurant");
    assertThat(event.path("detail-type").asString("")).isEqualTo("ReviewCreated");
    assertThat(event.path("detail").path("marker").asString("")).isEqualTo(deliveredMarker);
  }

  @Test
  void answersDynamoDbCallsWithInternalServerErrorWhileErrorsAreInjected(LocalAws localAws, Topology topology) {
    String users = topology.table("users").name();
    String key = topology.table("users").partitionKey().attribute();

    localAws.faults().inject(Fault.errors(AwsService.DYNAMODB, 1.0));
    DynamoDbException error =
        catchThrowableOfType(
            DynamoDbException.class,
            () -> dynamoDb.getItem(request -> request.tableName(users).key(Map.of(key, AttributeValue.fromS("nobody")))));

    assertThat(error).isNotNull();
    assertThat(error.statusCode()).isEqualTo(500);
    assertThat(error.isThrottlingException()).isFalse();

    localAws.faults().clear();
    assertThat(dynamoDb.getItem(request -> request.tableName(users).key(Map.of(key, AttributeValue.fromS("nobody")))).hasItem())
        .isFalse();
  }

  @Test
  void answersSqsCallsWithThrottlingWhileThrottlingIsInjected(LocalAws localAws, Topology topology) {
    String queueUrl = sqs.getQueueUrl(request -> request.queueName(topology.queue("error").name())).queueUrl();

    localAws.faults().inject(Fault.throttling(AwsService.SQS, 1.0));
    SqsException error =
        catchThrowableOfType(
            SqsException.class, () -> sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody("throttled")));

    assertThat(error).isNotNull();
    assertThat(error.isThrottlingException()).as("throttling exception: %s", error).isTrue();
    assertThat(error.statusCode()).isEqualTo(400);
  }

  @Test
  void faultLimitedToPutEventsLeavesListEventBusesWorking(LocalAws localAws, Topology topology) {
    localAws.faults().inject(Fault.errors(AwsService.EVENTS, 1.0).onlyFor("PutEvents"));

    EventBridgeException error =
        catchThrowableOfType(
            EventBridgeException.class, () -> putReviewCreated(topology.bus("restaurant").name(), "failing-" + UUID.randomUUID()));
    assertThat(error).isNotNull();
    assertThat(error.statusCode()).isEqualTo(500);

    List<EventBus> buses = events.listEventBuses(request -> {}).eventBuses();
    assertThat(buses)
        .extracting(EventBus::name)
        .containsAll(topology.buses().stream().map(EventBusDefinition::name).toList());
  }

  @Test
  void latencyBeyondAttemptTimeoutMakesDynamoDbCallsTimeOut(LocalAws localAws, Topology topology) {
    String users = topology.table("users").name();
    String key = topology.table("users").partitionKey().attribute();
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(1500)));

    try (DynamoDbClient impatient =
        withoutRetries(DynamoDbClient.builder(), localAws, config -> config.apiCallAttemptTimeout(Duration.ofMillis(300)))
            .build()) {
      long started = System.nanoTime();
      Throwable error =
          catchThrowable(
              () -> impatient.getItem(request -> request.tableName(users).key(Map.of(key, AttributeValue.fromS("slow")))));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(error).isInstanceOfAny(ApiCallAttemptTimeoutException.class, SdkClientException.class);
      assertThat(took).isLessThan(Duration.ofMillis(1500));
    }
  }

  @Test
  void latencyDelaysDynamoDbCallsThatStillSucceed(LocalAws localAws, Topology topology) {
    String users = topology.table("users").name();
    String key = topology.table("users").partitionKey().attribute();
    Duration latency = Duration.ofMillis(400);
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, latency));

    long started = System.nanoTime();
    boolean found =
        dynamoDb.getItem(request -> request.tableName(users).key(Map.of(key, AttributeValue.fromS("slow")))).hasItem();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(found).isFalse();
    assertThat(took).isGreaterThanOrEqualTo(latency);
  }

  @Test
  void failsAboutHalfOfCallsAtErrorRateOneHalf(LocalAws localAws, Topology topology) {
    String users = topology.table("users").name();
    String key = topology.table("users").partitionKey().attribute();
    long injectedBefore = localAws.faults().injectedCount();
    localAws.faults().inject(Fault.errors(AwsService.DYNAMODB, 0.5));

    int failures = 0;
    for (int call = 0; call < 200; call++) {
      try {
        dynamoDb.getItem(request -> request.tableName(users).key(Map.of(key, AttributeValue.fromS("rate"))));
      } catch (DynamoDbException e) {
        assertThat(e.statusCode()).isEqualTo(500);
        failures++;
      }
    }

    assertThat(failures).isBetween(60, 140);
    assertThat(localAws.faults().injectedCount() - injectedBefore).isEqualTo(failures);
  }

  @Test
  void adminEndpointInjectsListsAndClearsFaults(LocalAws localAws) throws Exception {
    HttpResponse<String> created = send(localAws, "POST", "", "{\"service\":\"events\",\"type\":\"DOWN\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(readJson(created.body()).path("service").asString("")).isEqualTo("events");

    HttpResponse<String> listed = send(localAws, "GET", "", null);
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode faults = readJson(listed.body()).path("faults");
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).path("service").asString("")).isEqualTo("events");
    assertThat(faults.get(0).path("type").asString("")).isEqualTo("DOWN");
    // The fault posted over HTTP is in force for SDK clients.
    assertThatThrownBy(() -> events.listEventBuses(request -> {})).isInstanceOf(SdkClientException.class);

    HttpResponse<String> cleared = send(localAws, "DELETE", "", null);
    assertThat(cleared.statusCode()).isEqualTo(200);
    assertThat(readJson(cleared.body()).path("faults")).isEmpty();
    assertThat(readJson(send(localAws, "GET", "", null).body()).path("faults")).isEmpty();
    assertThat(events.listEventBuses(request -> {}).eventBuses()).isNotEmpty();
  }

  @Test
  void adminEndpointClearsOnlyTheNamedServicesFaults(LocalAws localAws) throws Exception {
    assertThat(send(localAws, "POST", "", "{\"service\":\"events\",\"type\":\"DOWN\"}").statusCode()).isEqualTo(201);
    assertThat(send(localAws, "POST", "", "{\"service\":\"dynamodb\",\"type\":\"ERROR\",\"rate\":0.25}").statusCode())
        .isEqualTo(201);

    HttpResponse<String> cleared = send(localAws, "DELETE", "?service=events", null);

    assertThat(cleared.statusCode()).isEqualTo(200);
    JsonNode faults = readJson(cleared.body()).path("faults");
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).path("service").asString("")).isEqualTo("dynamodb");
    assertThat(faults.get(0).path("rate").asDouble(0)).isEqualTo(0.25);
    assertThat(localAws.faults().active()).extracting(Fault::service).containsExactly(AwsService.DYNAMODB);
  }

  @Test
  void adminEndpointRejectsUnknownServiceWithProblemDetails(LocalAws localAws) throws Exception {
    HttpResponse<String> rejected = send(localAws, "POST", "", "{\"service\":\"kafka\",\"type\":\"DOWN\"}");

    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = readJson(rejected.body());
    assertThat(problem.path("status").asInt(0)).isEqualTo(400);
    assertThat(problem.path("detail").asString("")).contains("service").contains("kafka");
    assertThat(localAws.faults().active()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  private static <B extends AwsClientBuilder<B, ?>> B withoutRetries(
      B builder, LocalAws localAws, Consumer<ClientOverrideConfiguration.Builder> more) {
    builder
        .endpointOverride(localAws.endpoint())
        .region(localAws.region())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(
            config -> {
              config.retryStrategy(AwsRetryStrategy.doNotRetry());
              more.accept(config);
            });
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(UrlConnectionHttpClient.create());
    }
    return builder;
  }

  private static PutEventsResponse putReviewCreated(String bus, String marker) {
    String detail = "{\"eventType\":\"restaurant.review.created\",\"marker\":\"" + marker + "\",\"data\":{\"rating\":4}}";
    return events.putEvents(
        request ->
            request.entries(
                entry ->
                    entry.eventBusName(bus).source("bellyfed.restaurant").detailType("ReviewCreated").detail(detail)));
  }

  /**
   * One receive on a queue other tests may share: deletes and returns the messages carrying one of
   * the markers; others stay untouched until their visibility timeout ends.
   */
  private static List<Message> receiveMarked(SqsClient client, String queueUrl, String... markers) {
    List<Message> mine = new ArrayList<>();
    for (Message message :
        client.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
      for (String marker : markers) {
        if (message.body().contains(marker)) {
          mine.add(message);
          client.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
          break;
        }
      }
    }
    return mine;
  }

  private static HttpResponse<String> send(LocalAws localAws, String method, String query, String body)
      throws IOException, InterruptedException {
    URI uri = localAws.endpoint().resolve(FAULTS_PATH + query);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (tools.jackson.core.JacksonException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}
