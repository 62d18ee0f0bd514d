package com.bellyfed.write.restaurants;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WriteServiceTest
class RestaurantsIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  /** Restaurant listings are the admins'. */
  Caller api;

  @BeforeEach
  void api(LocalAws localAws) {
    api = Caller.admin(port, localAws);
  }

  static Map<String, Object> listing(String name) {
    Map<String, Object> listing = new HashMap<>();
    listing.put("name", name);
    listing.put("city", " Kuala  Lumpur ");
    listing.put("cuisine", "Malaysian");
    listing.put("address", "1 Jalan Alor");
    listing.put("geo", Map.of("lat", 3.1457, "lon", 101.7089));
    listing.put("priceLevel", 2);
    listing.put("tags", List.of("hawker", "late-night"));
    return listing;
  }

  @Test
  void createsARestaurantItemAsTheDataModelSaysAndPublishesListingCreated(LocalAws localAws) {
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "restaurant", correlation)) {
      Answer created = api.post("/api/restaurants", HttpApi.json(listing("Nasi Lemak Wanjo")), "X-Correlation-Id", correlation);

      assertThat(created.status()).isEqualTo(201);
      String id = created.json().path("restaurantId").asString();
      assertThat(created.header("Location")).isEqualTo("/api/restaurants/" + id);
      assertThat(created.header("ETag")).isEqualTo("\"1\"");
      Map<String, AttributeValue> item = item(id);
      assertThat(item.get("allKey").s()).isEqualTo(TableKeys.ALL);
      assertThat(item.get("cityKey").s()).isEqualTo("kuala lumpur");
      assertThat(item.get("cuisineKey").s()).isEqualTo("malaysian");
      assertThat(item.get("cityCuisineKey").s()).isEqualTo("kuala lumpur#malaysian");
      assertThat(item.get("nameKey").s()).isEqualTo("nasi lemak wanjo");
      assertThat(item.get("avgRating").n()).isEqualTo("0");
      assertThat(item.get("reviewCount").n()).isEqualTo("0");
      assertThat(item.get("ratingSum").n()).isEqualTo("0");
      assertThat(item.get("version").n()).isEqualTo("1");
      assertThat(item.get("geo").m().get("lat").n()).isEqualTo("3.1457");
      assertThat(item.get("priceLevel").n()).isEqualTo("2");
      assertThat(item.get("tags").l()).extracting(AttributeValue::s).containsExactly("hawker", "late-night");
      assertThat(item.get("createdAt").s()).isEqualTo(item.get("updatedAt").s());
      // What the client was told is what any later read of the item gives (items keep milliseconds).
      assertThat(Instant.parse(created.json().path("createdAt").asString())).isEqualTo(Instant.parse(item.get("createdAt").s()));

      List<EventEnvelope> events = tap.await(1, Duration.ofSeconds(20));
      assertThat(events).extracting(EventEnvelope::eventType).containsExactly("restaurant.listing.created");
      assertThat(events.get(0).data().path("restaurantId").asText()).isEqualTo(id);
      assertThat(events.get(0).sequenceNumber()).isEqualTo(1);
    }
  }

  @Test
  void replacesTheListingKeepingTheRatingAggregatesAndBumpingTheVersion(LocalAws localAws) {
    String id = create("Old Name");
    String createdAt = item(id).get("createdAt").s();
    dynamoDb.updateItem(r -> r.tableName(table()).key(Map.of("restaurantId", AttributeValue.fromS(id)))
        .updateExpression("SET reviewCount = :c, ratingSum = :s, avgRating = :a")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromN("2"), ":s", AttributeValue.fromN("9"), ":a", AttributeValue.fromN("4.5"))));
    Map<String, Object> changed = listing("New Name");
    changed.put("city", "Penang");
    changed.remove("geo");
    changed.remove("tags");

    Answer replaced = api.put("/api/restaurants/" + id, HttpApi.json(changed), "If-Match", "\"1\"");

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.header("ETag")).isEqualTo("\"2\"");
    assertThat(replaced.json().path("name").asString()).isEqualTo("New Name");
    assertThat(Instant.parse(replaced.json().path("createdAt").asString())).isEqualTo(Instant.parse(createdAt));
    assertThat(Instant.parse(replaced.json().path("updatedAt").asString())).isEqualTo(Instant.parse(item(id).get("updatedAt").s()));
    Map<String, AttributeValue> item = item(id);
    assertThat(item.get("cityKey").s()).isEqualTo("penang");
    assertThat(item.get("nameKey").s()).isEqualTo("new name");
    assertThat(item).doesNotContainKeys("geo", "tags");
    assertThat(item.get("reviewCount").n()).isEqualTo("2");
    assertThat(item.get("avgRating").n()).isEqualTo("4.5");
    assertThat(item.get("version").n()).isEqualTo("2");
  }

  @Test
  void answers412WhenIfMatchNamesAVersionThatMovedOn() {
    String id = create("Stale");
    assertThat(api.put("/api/restaurants/" + id, HttpApi.json(listing("Fresh")), "If-Match", "\"1\"").status()).isEqualTo(200);

    Answer stale = api.put("/api/restaurants/" + id, HttpApi.json(listing("Stale again")), "If-Match", "\"1\"");

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith("application/problem+json");
    assertThat(stale.json().path("detail").asString()).contains("version 2");
    assertThat(api.delete("/api/restaurants/" + id, "If-Match", "\"1\"").status()).isEqualTo(412);
    assertThat(item(id).get("name").s()).isEqualTo("Fresh");
  }

  @Test
  void twoConcurrentPutsWithTheSameIfMatchGiveExactlyOne200AndOne412() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = create("Race " + round);
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<Integer>> puts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String name = "Winner " + i;
        puts.add(() -> {
          start.await();
          return api.put("/api/restaurants/" + id, HttpApi.json(listing(name)), "If-Match", "\"1\"").status();
        });
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Integer>> futures = puts.stream().map(pool::submit).toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
          statuses.add(future.get());
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
      } finally {
        pool.shutdown();
      }
      assertThat(item(id).get("version").n()).isEqualTo("2");
    }
  }

  @Test
  void deletesARestaurantAndPublishesListingDeleted(LocalAws localAws) {
    String id = create("Closing Down");
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "restaurant", correlation)) {
      Answer deleted = api.delete("/api/restaurants/" + id, "If-Match", "\"1\"", "X-Correlation-Id", correlation);

      assertThat(deleted.status()).isEqualTo(204);
      assertThat(item(id)).isEmpty();
      List<EventEnvelope> events = tap.await(1, Duration.ofSeconds(20));
      assertThat(events.get(0).eventType()).isEqualTo("restaurant.listing.deleted");
      assertThat(events.get(0).data().path("restaurantId").asText()).isEqualTo(id);
    }
    assertThat(api.delete("/api/restaurants/" + id).status()).isEqualTo(404);
  }

  @Test
  void answers404ForUnknownRestaurants() {
    String unknown = UUID.randomUUID().toString();

    Answer put = api.put("/api/restaurants/" + unknown, HttpApi.json(listing("Nowhere")));
    Answer delete = api.delete("/api/restaurants/" + unknown);

    assertThat(put.status()).isEqualTo(404);
    assertThat(put.contentType()).startsWith("application/problem+json");
    assertThat(put.json().path("detail").asString()).contains(unknown);
    assertThat(delete.status()).isEqualTo(404);
  }

  @Test
  void namesEveryInvalidFieldAndWritesNothing() {
    Map<String, Object> invalid = new HashMap<>();
    invalid.put("name", " ");
    invalid.put("cuisine", "x".repeat(101));
    invalid.put("address", "somewhere");
    invalid.put("geo", Map.of("lat", 91, "lon", -181));
    invalid.put("priceLevel", 5);
    invalid.put("tags", List.of(""));

    Answer answer = api.post("/api/restaurants", HttpApi.json(invalid));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("city", "cuisine", "geo.lat", "geo.lon", "name", "priceLevel", "tags[0]");
    assertThat(answer.json().path("detail").asString()).contains("priceLevel: must be less than or equal to 4");
  }

  @Test
  void rejectsMalformedJsonAndWrongTypesNamingTheField() {
    Answer malformed = api.post("/api/restaurants", "{\"name\": ");
    Map<String, Object> wrongType = listing("Typed");
    wrongType.put("priceLevel", "cheap");
    Answer typed = api.post("/api/restaurants", HttpApi.json(wrongType));

    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.json().path("errors").findValuesAsString("field")).containsExactly("priceLevel");
  }

  @Test
  void answers415ForAWrongContentTypeAnd413ForAnOversizedBody() {
    Answer xml = api.post("/api/restaurants", "<restaurant/>", "Content-Type", "application/xml");
    Map<String, Object> huge = listing("Huge");
    huge.put("address", "x".repeat(20_000));
    Answer oversized = api.post("/api/restaurants", HttpApi.json(huge));

    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.contentType()).startsWith("application/problem+json");
    assertThat(oversized.status()).isEqualTo(413);
    assertThat(oversized.contentType()).startsWith("application/problem+json");
    assertThat(oversized.json().path("detail").asString()).contains("16384 bytes");
  }

  @Test
  void rejectsHostileIdsAndIfMatchHeaders() {
    assertThat(api.put("/api/restaurants/..%2F..%2Fetc", HttpApi.json(listing("x"))).status()).isEqualTo(400);
    assertThat(api.put("/api/restaurants/" + "a".repeat(65), HttpApi.json(listing("x"))).status()).isEqualTo(400);
    String id = create("Tagged");
    Answer badTag = api.put("/api/restaurants/" + id, HttpApi.json(listing("x")), "If-Match", "\"1; DROP TABLE\"");
    assertThat(badTag.status()).isEqualTo(400);
    assertThat(badTag.json().path("detail").asString()).contains("If-Match");
  }

  @Test
  void aPlainUserMayNotCreateReplaceOrDeleteARestaurant(LocalAws localAws) {
    String id = create("Admins Only");
    Caller user = Caller.user(port, localAws, "diner");
    String before = UUID.randomUUID().toString();

    Answer post = user.post("/api/restaurants", HttpApi.json(listing("Not Mine " + before)));
    Answer put = user.put("/api/restaurants/" + id, HttpApi.json(listing("Renamed")), "If-Match", "\"1\"");
    Answer delete = user.delete("/api/restaurants/" + id, "If-Match", "\"1\"");

    for (Answer answer : List.of(post, put, delete)) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:forbidden");
    }
    assertThat(item(id).get("name").s()).isEqualTo("Admins Only");
    assertThat(item(id).get("version").n()).isEqualTo("1");
    assertThat(dynamoDb.scan(r -> r.tableName(table()).filterExpression("#n = :n")
        .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Not Mine " + before))))
        .items()).isEmpty();
  }

  @Test
  void withoutATokenAWriteIs401WithABearerChallenge() {
    Answer answer = new HttpApi(port).post("/api/restaurants", HttpApi.json(listing("Anonymous")));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }

  private String create(String name) {
    Answer created = api.post("/api/restaurants", HttpApi.json(listing(name)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("restaurantId").asString();
  }

  private Map<String, AttributeValue> item(String id) {
    return dynamoDb.getItem(r -> r.tableName(table()).key(Map.of("restaurantId", AttributeValue.fromS(id))).consistentRead(true)).item();
  }

  private String table() {
    return topology.table("restaurants").name();
  }
}
