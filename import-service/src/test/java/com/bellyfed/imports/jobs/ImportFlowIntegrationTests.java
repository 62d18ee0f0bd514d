package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportApi.restaurantsIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.LoadTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

@ImportServiceTest
class ImportFlowIntegrationTests {

  /**
   * The 100,000 (about 1.5 minutes here, most of it the service's own parsing, validation and
   * events), run by {@code ./mvnw verify -Pload}; {@code -Dimports.test.large-count=...} for another
   * size. The benchmark imports 1,000,000.
   */
  static final int LARGE = Integer.getInteger("imports.test.large-count", 100_000);

  /** The same import in the default build: many chunks and many BatchWriteItem calls, in seconds. */
  static final int MANY = 10_000;

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;

  ImportApi api;

  @BeforeEach
  void api(LocalAws localAws) {
    api = ImportApi.asAdmin(port, localAws);
  }

  @Test
  void importsTenThousandGeneratedRestaurantsWithExactCountsAndEveryOneReadable() {
    importsGeneratedRestaurantsWithExactCountsAndEveryOneReadable(MANY);
  }

  @LoadTest
  @Test
  void importsOneHundredThousandGeneratedRestaurantsWithExactCountsAndEveryOneReadable() {
    importsGeneratedRestaurantsWithExactCountsAndEveryOneReadable(LARGE);
  }

  private void importsGeneratedRestaurantsWithExactCountsAndEveryOneReadable(int count) {
    String city = uniqueCity();
    long seed = ThreadLocalRandom.current().nextLong();
    HttpApi.Answer accepted = api.post(Generator.restaurants(count, seed, city));

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.firstHeader("Location")).hasValue("/api/imports/" + jobId(accepted));
    JsonNode job = api.awaitSettled(jobId(accepted), Duration.ofMinutes(10));

    assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("received").asLong()).isEqualTo(count);
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(count);
    assertThat(job.path("counts").path("rejected").asLong()).isZero();
    assertThat(job.path("counts").path("failed").asLong()).isZero();
    assertThat(restaurantsIn(dynamoDb, topology, city)).as("restaurants readable through the city index").isEqualTo(count);
    for (long index : new long[] {0, count / 2, count - 1}) {
      assertThat(restaurant(Generator.id(seed, index))).as("restaurant %d by its id", index).containsKey("nameKey");
    }
  }

  @Test
  void reportsBadRecordsWithTheirLineNumbersAndWritesEveryGoodOne() {
    String city = uniqueCity();
    String body = String.join("\n",
        restaurantJson("Good One", city, 2),                                   // 1
        "{\"name\": \"Broken\", \"city\": ",                                   // 2 malformed
        restaurantJson("Too Pricey", city, 9),                                 // 3 bad field
        "",                                                                    // 4 blank: skipped, not counted
        "{\"name\":\"" + "x".repeat(70_000) + "\"}",                           // 5 over-long
        restaurantJson("Good Two", city, 4),                                   // 6
        "{\"name\":\"No City\",\"cuisine\":\"Thai\",\"priceLevel\":1,\"owner\":\"x\"}", // 7 unknown field
        "{\"name\":\"No City\",\"cuisine\":\"Thai\",\"address\":\"1 Road\",\"priceLevel\":1}", // 8 missing city
        "[1, 2, 3]",                                                           // 9 not an object
        restaurantJson("Good Three", city, 1));                                // 10

    HttpApi.Answer accepted = api.post("restaurants", "application/x-ndjson", body);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonNode job = api.awaitSettled(jobId(accepted), Duration.ofSeconds(30));
    assertThat(job.path("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
    assertThat(job.path("counts").path("received").asLong()).isEqualTo(9);
    assertThat(job.path("counts").path("rejected").asLong()).isEqualTo(6);
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(3);
    assertThat(rejections(job)).containsExactly(
        Map.entry(2L, "malformed JSON"),
        Map.entry(3L, "field 'priceLevel' must be less than or equal to 4"),
        Map.entry(5L, "line is longer than the limit of 65536 bytes"),
        Map.entry(7L, "field 'owner' is not a field of restaurants"),
        Map.entry(8L, "field 'city' must not be blank"),
        Map.entry(9L, "not a restaurants record"));
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(3);
  }

  @Test
  void readsCsvAgainstItsHeaderAndReportsBadRowsByTheirLine() {
    String city = uniqueCity();
    String body = String.join("\r\n",
        "name,city,cuisine,address,priceLevel,tags,lat,lon",
        "Nasi Lemak House," + city + ",Malay,1 Jalan Alor,1,breakfast|spicy,3.1,101.7",
        "Half Geo," + city + ",Malay,2 Jalan Alor,2,,3.1,",
        "\"Quoted, Name\"," + city + ",Thai,\"3 Jalan Alor, KL\",abc,,,",
        "Laksa King," + city + ",Peranakan,4 Jalan Alor,,,,");

    HttpApi.Answer accepted = api.post("restaurants", "text/csv; charset=utf-8", body);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonNode job = api.awaitSettled(jobId(accepted), Duration.ofSeconds(30));
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(2);
    assertThat(rejections(job)).containsExactly(
        Map.entry(3L, "field 'lat' lat and lon must be given together"),
        Map.entry(4L, "field 'priceLevel' has an invalid value"));
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(2);
  }

  @Test
  void rejectsAWrongCsvHeaderAtOnceSayingWhichColumnsItExpects() {
    HttpApi.Answer refused = api.post("restaurants", "text/csv", "name,town,cuisine,priceLevel,owner\nA,B,C,1,D\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.firstHeader("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = refused.json();
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("header");
    assertThat(problem.path("detail").asString())
        .contains("missing city", "unknown town, owner", "missing city, address", "required name, city, cuisine, address");
  }

  @Test
  void rejectsAnUnknownTypeAndAnUnsupportedContentTypeWithProblemDetails() {
    HttpApi.Answer unknownType = api.post("dishes", "application/x-ndjson", "{}");
    HttpApi.Answer wrongMedia = api.post("restaurants", "application/xml", "<restaurant/>");
    HttpApi.Answer noType = api.send("POST", "/api/imports", "{}", "Content-Type", "application/x-ndjson");

    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.json().path("errors").get(0).path("field").asString()).isEqualTo("type");
    assertThat(unknownType.json().path("detail").asString()).contains("restaurants, reviews, users");
    assertThat(wrongMedia.status()).isEqualTo(415);
    assertThat(wrongMedia.firstHeader("Content-Type")).hasValue("application/problem+json");
    assertThat(wrongMedia.json().path("detail").asString()).contains("application/x-ndjson", "text/csv");
    assertThat(wrongMedia.firstHeader("Accept")).hasValueSatisfying(accept -> assertThat(accept).contains("application/x-ndjson", "text/csv"));
    assertThat(noType.status()).isEqualTo(400);
    assertThat(noType.json().path("errors").get(0).path("field").asString()).isEqualTo("type");
  }

  @Test
  void cutsOffABodyOverTheLimitWith413AndFailsItsJob() {
    // 65 lines of 1 MB: each is over-long (so never chunked) and together they pass the 64 MB limit.
    HttpApi.Answer refused = api.post("/api/imports?type=restaurants", () -> new java.io.InputStream() {
          long left = 65L * 1024 * 1024 + 10;

          @Override
          public int read() {
            return left-- <= 0 ? -1 : (left % (1024 * 1024) == 0 ? '\n' : 'x');
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
              int b = read();
              if (b < 0) {
                return n == 0 ? -1 : n;
              }
              buffer[offset + n++] = (byte) b;
            }
            return n;
          }
        }, "Content-Type", "application/x-ndjson");

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:payload-too-large");
    assertThat(refused.json().path("detail").asString()).contains(Long.toString(64L * 1024 * 1024));
    JsonNode newest = api.get("/api/imports?limit=1").json().path("items").get(0);
    assertThat(newest.path("state").asString()).isEqualTo("FAILED");
    assertThat(newest.path("failureReason").asString()).contains("larger than the limit");
  }

  @Test
  void writesRestaurantReviewAndUserItemsAsTheDataModelSays() {
    String city = uniqueCity();
    String restaurantId = UUID.randomUUID().toString();
    String userId = "user-" + UUID.randomUUID();
    HttpApi.Answer restaurants = api.post("restaurants", "application/x-ndjson",
        "{\"restaurantId\":\"" + restaurantId + "\",\"name\":\"  Café  Ñam \",\"city\":\"" + city + "\",\"cuisine\":\"Malay\","
            + "\"address\":\"1 Jalan Ampang\",\"priceLevel\":2,\"lat\":3.15,\"lon\":101.71,\"tags\":[\"halal\",\"spicy\"]}");
    HttpApi.Answer reviews = api.post("reviews", "application/x-ndjson",
        "{\"restaurantId\":\"" + restaurantId + "\",\"userId\":\"" + userId + "\",\"rating\":5,\"dish\":\"laksa\",\"text\":\"Superb\"}\n"
            + "{\"restaurantId\":\"" + restaurantId + "\",\"userId\":\"" + userId + "\",\"rating\":6}");
    HttpApi.Answer users = api.post("users", "text/csv", "userId,email,displayName\n" + userId + ",ana@example.com,Ana\nu2,not-an-email,Bob\n");

    assertThat(api.awaitSettled(jobId(restaurants), Duration.ofSeconds(30)).path("state").asString()).isEqualTo("COMPLETED");
    assertThat(rejections(api.awaitSettled(jobId(reviews), Duration.ofSeconds(30))))
        .containsExactly(Map.entry(2L, "field 'rating' must be less than or equal to 5"));
    assertThat(rejections(api.awaitSettled(jobId(users), Duration.ofSeconds(30))))
        .containsExactly(Map.entry(3L, "field 'email' must be a well-formed email address"));

    Map<String, AttributeValue> restaurant = restaurant(restaurantId);
    assertThat(restaurant.get("name").s()).isEqualTo("Café  Ñam");
    assertThat(restaurant.get("nameKey").s()).isEqualTo("café ñam");
    assertThat(restaurant.get("allKey").s()).isEqualTo("ALL");
    assertThat(restaurant.get("cityKey").s()).isEqualTo(city.toLowerCase());
    assertThat(restaurant.get("cuisineKey").s()).isEqualTo("malay");
    assertThat(restaurant.get("cityCuisineKey").s()).isEqualTo(city.toLowerCase() + "#malay");
    assertThat(restaurant.get("avgRating").n()).isEqualTo("0");
    assertThat(restaurant.get("reviewCount").n()).isEqualTo("0");
    assertThat(restaurant.get("ratingSum").n()).isEqualTo("0");
    assertThat(restaurant.get("version").n()).isEqualTo("1");
    assertThat(restaurant.get("priceLevel").n()).isEqualTo("2");
    assertThat(restaurant.get("geo").m()).containsEntry("lat", AttributeValue.fromN("3.15"));
    assertThat(restaurant.get("tags").l()).extracting(AttributeValue::s).containsExactly("halal", "spicy");
    assertThat(restaurant.get("createdAt").s()).isEqualTo(restaurant.get("updatedAt").s());

    var review = dynamoDb.query(request -> request.tableName(topology.table("reviews").name())
        .keyConditionExpression("restaurantId = :r").expressionAttributeValues(Map.of(":r", AttributeValue.fromS(restaurantId)))).items();
    assertThat(review).singleElement().satisfies(item -> {
      assertThat(item.get("rating").n()).isEqualTo("5");
      assertThat(item.get("userId").s()).isEqualTo(userId);
      assertThat(item.get("version").n()).isEqualTo("1");
      assertThat(item).containsKeys("reviewId", "createdAt", "dish", "text");
    });
    var user = dynamoDb.getItem(request -> request.tableName(topology.table("users").name())
        .key(Map.of("userId", AttributeValue.fromS(userId))).consistentRead(true)).item();
    assertThat(user.get("email").s()).isEqualTo("ana@example.com");
    assertThat(user.get("status").s()).isEqualTo("ACTIVE");
    assertThat(user.get("displayName").s()).isEqualTo("Ana");
    assertThat(user.get("version").n()).isEqualTo("1");
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheSameJobWithoutImportingAgain() {
    String city = uniqueCity();
    String key = UUID.randomUUID().toString();
    String body = restaurantJson("Once", city, 1);

    HttpApi.Answer first = api.post("restaurants", "application/x-ndjson", body, "Idempotency-Key", key);
    HttpApi.Answer second = api.post("restaurants", "application/x-ndjson", body, "Idempotency-Key", key);

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(jobId(second)).isEqualTo(jobId(first));
    api.awaitSettled(jobId(first), Duration.ofSeconds(30));
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(1);
    assertThat(api.job(jobId(first)).path("counts").path("received").asLong()).isEqualTo(1);
  }

  @Test
  void listsJobsNewestFirstPageByPage() {
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      started.add(jobId(api.post("restaurants", "application/x-ndjson", restaurantJson("Listed " + i, uniqueCity(), 1))));
    }

    JsonNode first = api.get("/api/imports?limit=2").json();
    JsonNode second = api.get("/api/imports?limit=1&cursor=" + first.path("nextCursor").asString()).json();

    assertThat(first.path("items")).extracting(job -> job.path("jobId").asString()).containsExactly(started.get(2), started.get(1));
    assertThat(second.path("items")).extracting(job -> job.path("jobId").asString()).containsExactly(started.get(0));
    assertThat(api.get("/api/imports?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/imports?cursor=garbage").json().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
  }

  @Test
  void answers404ForAnUnknownJobAnd409ForCancellingAFinishedOne() {
    String jobId = jobId(api.post("restaurants", "application/x-ndjson", restaurantJson("Done", uniqueCity(), 1)));
    api.awaitSettled(jobId, Duration.ofSeconds(30));

    HttpApi.Answer unknown = api.get("/api/imports/" + UUID.randomUUID());
    HttpApi.Answer unknownStream = api.get("/api/imports/" + UUID.randomUUID() + "/progress");
    HttpApi.Answer finished = api.delete("/api/imports/" + jobId);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.firstHeader("Content-Type")).hasValue("application/problem+json");
    assertThat(unknownStream.status()).isEqualTo(404);
    assertThat(finished.status()).isEqualTo(409);
    assertThat(finished.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:conflict");
    assertThat(finished.json().path("detail").asString()).contains("COMPLETED");
  }

  static String uniqueCity() {
    return "City " + UUID.randomUUID().toString().substring(0, 8);
  }

  static String restaurantJson(String name, String city, int priceLevel) {
    return "{\"name\":\"" + name + "\",\"city\":\"" + city + "\",\"cuisine\":\"Malay\",\"address\":\"1 Jalan " + name
        + "\",\"priceLevel\":" + priceLevel + "}";
  }

  /** Line and the start of the reason of each kept rejection. */
  static List<Map.Entry<Long, String>> rejections(JsonNode job) {
    List<Map.Entry<Long, String>> rejections = new ArrayList<>();
    for (JsonNode rejection : job.path("rejections")) {
      String reason = rejection.path("reason").asString();
      rejections.add(Map.entry(rejection.path("line").asLong(), shorten(reason)));
    }
    return rejections;
  }

  private static String shorten(String reason) {
    for (String prefix : List.of("malformed JSON", "not a restaurants record", "field 'priceLevel' has an invalid value")) {
      if (reason.startsWith(prefix)) {
        return prefix;
      }
    }
    int known = reason.indexOf(" (known:");
    return known > 0 ? reason.substring(0, known) : reason;
  }

  private Map<String, AttributeValue> restaurant(String restaurantId) {
    return dynamoDb.getItem(request -> request.tableName(topology.table("restaurants").name())
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId))).consistentRead(true)).item();
  }
}
