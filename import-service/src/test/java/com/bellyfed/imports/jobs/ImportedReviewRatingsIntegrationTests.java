package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.imports.records.RecordType;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Imported reviews reach the restaurants' rating aggregates exactly: the chunk's per-restaurant
 * totals go out as {@code restaurant.reviews.imported}, and write-service's rating consumer (its
 * real executable jar, started here against the same local-aws) adds them to what reviews posted
 * through its API already made.
 */
@ImportServiceTest
class ImportedReviewRatingsIntegrationTests {

  private static Process writeService;
  private static int writePort;
  private static LocalAws issuer;

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired ImportJobs jobs;

  ImportApi api;

  @BeforeAll
  static void startWriteService(LocalAws localAws) throws Exception {
    Path jar = Path.of("target", "it", "write-service.jar").toAbsolutePath();
    assertThat(jar).as("copied by the pre-integration-test phase from the local repository").exists();
    issuer = localAws;
    int managementPort;
    try (ServerSocket socket = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
      writePort = socket.getLocalPort();
      managementPort = management.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String endpoint = localAws.endpoint().toString();
    Path log = Files.createDirectories(jar.getParent()).resolve("write-service.log");
    writeService = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(),
        "--server.port=" + writePort,
        // write-service is a resource server of local-aws's pool; actuator is on its own port.
        "--management.server.port=" + managementPort,
        "--spring.profiles.active=test",
        "--bellyfed.security.issuer-uri=" + localAws.userPool().issuer(),
        "--bellyfed.security.client-ids=" + localAws.userPool().clientId(),
        "--spring.cloud.aws.endpoint=" + endpoint,
        "--spring.cloud.aws.region.static=us-east-1",
        "--spring.cloud.aws.credentials.access-key=local",
        "--spring.cloud.aws.credentials.secret-key=local")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String writeManagement = "http://localhost:" + managementPort;
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
      assertThat(writeService.isAlive()).as("write-service exited; see " + log).isTrue();
      try {
        return http.send(HttpRequest.newBuilder(URI.create(writeManagement + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException notYet) {
        return false;
      }
    });
  }

  /**
   * Killed, not stopped: a graceful stop waits for its SQS listeners' long polls (up to 10 s), and nothing
   * here depends on how it stops.
   */
  @AfterAll
  static void stopWriteService() throws InterruptedException {
    if (writeService != null) {
      writeService.destroyForcibly();
      writeService.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @BeforeEach
  void api() {
    api = ImportApi.asAdmin(port, issuer);
  }

  @Test
  void importedReviewsAndReviewsPostedThroughTheApiAddUpExactlyInTheRestaurantsRatings() {
    List<String> restaurants = importRestaurants(3);
    String postedReview = postReview(restaurants.get(0), 2);
    Map<String, Expected> expected = new LinkedHashMap<>();
    expected.put(restaurants.get(0), new Expected(1, 2));
    expected.put(restaurants.get(1), new Expected(0, 0));
    expected.put(restaurants.get(2), new Expected(0, 0));

    List<String> lines = new ArrayList<>();
    int[] ratings = {5, 4, 4, 3, 1, 5, 2, 4, 5, 3, 3, 4};
    String firstImported = null;
    for (int i = 0; i < ratings.length; i++) {
      String restaurant = restaurants.get(i % 3);
      String reviewId = UUID.randomUUID().toString();
      firstImported = firstImported == null ? reviewId : firstImported;
      lines.add(review(reviewId, restaurant, ratings[i]));
      expected.merge(restaurant, new Expected(1, ratings[i]), Expected::plus);
    }
    // The same review twice in one file, and a review the API wrote: each is in the table once, and counts once.
    lines.add(review(firstImported, restaurants.get(0), 5));
    lines.add(review(postedReview, restaurants.get(0), 5));

    JsonNode job = api.awaitSettled(jobId(api.post("reviews", "application/x-ndjson", String.join("\n", lines))), Duration.ofSeconds(60));

    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(ratings.length);
    assertThat(job.path("counts").path("skipped").asLong()).as("reviews already in the table").isEqualTo(2);
    expected.forEach(this::awaitRating);
  }

  @Test
  void aChunkOfReviewsDeliveredTwiceCountsOnceInTheRatings(LocalAws localAws) {
    String restaurant = importRestaurants(1).get(0);
    String jobId = UUID.randomUUID().toString();
    jobs.create(jobId, "reviews", "NDJSON", null);
    jobs.finishUpload(jobId, 6, 0, 2, List.of());
    List<String> first = List.of(
        review(UUID.randomUUID().toString(), restaurant, 5), review(UUID.randomUUID().toString(), restaurant, 4),
        review(UUID.randomUUID().toString(), restaurant, 3));
    String firstChunk = Chunk.body(jobId, RecordType.REVIEWS, 0, first, "test-" + jobId, "test", Instant.now());
    // An earlier delivery of the first chunk wrote one of its reviews, then died before counting.
    Map<String, AttributeValue> written = new LinkedHashMap<>(Map.of(
        "restaurantId", AttributeValue.fromS(restaurant), "reviewId", AttributeValue.fromS(idOf(first.get(0))),
        "userId", AttributeValue.fromS("user-0"), "rating", AttributeValue.fromN("5"),
        "createdAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"), "version", AttributeValue.fromN("1")));
    written.put(ItemWriter.WRITER, AttributeValue.fromS(Chunk.id(jobId, 0)));
    dynamoDb.putItem(request -> request.tableName(topology.table("reviews").name()).item(written));

    sendToImportQueue(localAws, firstChunk);
    sendToImportQueue(localAws, firstChunk);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.job(jobId).path("chunks").path("done").asLong() == 1);
    // The second chunk repeats a review of the first one: it was written by another chunk, so it is not this one's.
    List<String> second = List.of(first.get(1), review(UUID.randomUUID().toString(), restaurant, 1), review(UUID.randomUUID().toString(), restaurant, 1));
    String secondChunk = Chunk.body(jobId, RecordType.REVIEWS, 1, second, "test-" + jobId, "test", Instant.now());
    sendToImportQueue(localAws, secondChunk);
    sendToImportQueue(localAws, secondChunk);

    JsonNode job = api.awaitSettled(jobId, Duration.ofSeconds(30));
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(5);
    assertThat(job.path("counts").path("skipped").asLong()).isEqualTo(1);
    awaitRating(restaurant, new Expected(5, 5 + 4 + 3 + 1 + 1));
    // Late duplicates would move the figures after they were first right: let the queues drain and look again.
    await().atMost(Duration.ofSeconds(30)).until(() -> messagesIn(localAws, "import") == 0 && messagesIn(localAws, "rating") == 0);
    assertThat(rating(restaurant)).isEqualTo(new Expected(5, 14).withAverage());
  }

  /** What a restaurant's aggregates must say; the average as text with two decimals, so 4.5 and 4.50 compare equal. */
  record Expected(long reviewCount, long ratingSum, String avgRating) {
    Expected(long reviewCount, long ratingSum) {
      this(reviewCount, ratingSum, "");
    }

    Expected plus(Expected other) {
      return new Expected(reviewCount + other.reviewCount, ratingSum + other.ratingSum);
    }

    /** data-model.md: sum / count to two decimals (HALF_UP), 0 without reviews. */
    Expected withAverage() {
      BigDecimal average = reviewCount == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(reviewCount), 2, RoundingMode.HALF_UP);
      return new Expected(reviewCount, ratingSum, average.setScale(2, RoundingMode.UNNECESSARY).toPlainString());
    }
  }

  private void awaitRating(String restaurantId, Expected expected) {
    Expected exact = expected.withAverage();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(rating(restaurantId)).as("restaurant " + restaurantId).isEqualTo(exact));
  }

  private Expected rating(String restaurantId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(request -> request.tableName(topology.table("restaurants").name())
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId))).consistentRead(true)).item();
    return new Expected(Long.parseLong(item.get("reviewCount").n()), Long.parseLong(item.get("ratingSum").n()),
        new BigDecimal(item.get("avgRating").n()).setScale(2, RoundingMode.UNNECESSARY).toPlainString());
  }

  private List<String> importRestaurants(int count) {
    String city = uniqueCity();
    List<String> ids = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      lines.add("{\"restaurantId\":\"" + id + "\",\"name\":\"Rated " + i + "\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":2}");
    }
    JsonNode job = api.awaitSettled(jobId(api.post("restaurants", "application/x-ndjson", String.join("\n", lines))), Duration.ofSeconds(60));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    return ids;
  }

  /** Posts a review through write-service's API; answers its id. */
  private String postReview(String restaurantId, int rating) {
    // The author is the signed-in user (write-service takes it from the token).
    String token = issuer.signIn("api-user").accessToken();
    HttpApi.Answer created = new HttpApi(writePort).post("/api/restaurants/" + restaurantId + "/reviews",
        "{\"rating\":" + rating + "}", "Authorization", "Bearer " + token);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String location = created.firstHeader("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String review(String reviewId, String restaurantId, int rating) {
    return "{\"reviewId\":\"" + reviewId + "\",\"restaurantId\":\"" + restaurantId + "\",\"userId\":\"user-" + rating + "\",\"rating\":" + rating
        + ",\"createdAt\":\"2026-01-01T00:00:00Z\"}";
  }

  private static String idOf(String reviewJson) {
    return reviewJson.substring("{\"reviewId\":\"".length(), "{\"reviewId\":\"".length() + 36);
  }

  private void sendToImportQueue(LocalAws localAws, String body) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue("import").name())).queueUrl();
    localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body));
  }

  private int messagesIn(LocalAws localAws, String flow) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.queue(flow).name())).queueUrl();
    Map<String, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url)
        .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
