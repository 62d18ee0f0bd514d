package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 10,000 restaurants imported through import-service (an admin's token): every one is found by city, by
 * cuisine and by both on query-service, with exact counts; every search request has its analytics event;
 * and an import of reviews shows its chain across import-service and write-service in analytics-service's
 * archive.
 */
@SystemTest
class ImportIntegrationTests {

  private static final int RESTAURANTS = 10_000;
  private static final int CITIES = 4;
  private static final int CUISINES = 5;

  @Test
  void tenThousandImportedRestaurantsAreAllFoundByCityAndCuisineAndEverySearchHasItsAnalyticsEvent(Suite suite) {
    String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Users.SignedIn admin = suite.users().admin("import-admin-" + run);
    Caller imports = suite.as(admin, "import-service");
    List<String> cities = new ArrayList<>();
    List<String> cuisines = new ArrayList<>();
    for (int i = 0; i < CITIES; i++) {
      cities.add("Systest " + run + " City " + (char) ('A' + i));
    }
    for (int i = 0; i < CUISINES; i++) {
      cuisines.add("Systest " + run + " Cuisine " + i);
    }
    // Restaurant i is in city i mod 4 and cuisine (i / 4) mod 5: each of the 20 pairs holds 500 of them.
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < RESTAURANTS; i++) {
      ndjson.append(HttpApi.json(Map.of("name", "Systest Restaurant " + i, "city", cities.get(i % CITIES),
          "cuisine", cuisines.get((i / CITIES) % CUISINES), "address", i + " Import Road", "priceLevel", 1 + i % 4))).append('\n');
    }

    Instant started = Instant.now();
    JsonNode job = Imports.run(imports, "restaurants", ndjson.toString(), "systest-import-" + run, Duration.ofSeconds(120));
    assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("received").asLong()).isEqualTo(RESTAURANTS);
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(RESTAURANTS);
    assertThat(job.path("counts").path("rejected").asLong()).isZero();

    Set<String> correlationIds = new HashSet<>();
    Set<String> found = new HashSet<>();
    for (String city : cities) {
      assertThat(search(suite, "city=" + HttpApi.encode(city), correlationIds, found)).as(city).isEqualTo(RESTAURANTS / CITIES);
    }
    for (String cuisine : cuisines) {
      assertThat(search(suite, "cuisine=" + HttpApi.encode(cuisine), correlationIds, found)).as(cuisine).isEqualTo(RESTAURANTS / CUISINES);
    }
    for (String city : cities) {
      for (String cuisine : cuisines) {
        assertThat(search(suite, "city=" + HttpApi.encode(city) + "&cuisine=" + HttpApi.encode(cuisine), correlationIds, found))
            .as(city + ", " + cuisine).isEqualTo(RESTAURANTS / (CITIES * CUISINES));
      }
    }
    assertThat(found).as("distinct restaurants found").hasSize(RESTAURANTS);
    // 4 cities of 25 pages, 5 cuisines of 20, 20 pairs of 5: at least 300 searches (a last page may be empty).
    assertThat(correlationIds).hasSizeGreaterThanOrEqualTo(300);

    // Every one of those searches has its analytics event (query-service's, stored by analytics-service).
    Analytics analytics = new Analytics(suite, admin);
    await("an analytics event for each search").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
        .until(() -> correlations(analytics.storedEvents("query-service", started, Instant.now().plusSeconds(60))).containsAll(correlationIds));
    List<JsonNode> stored = analytics.storedEvents("query-service", started, Instant.now().plusSeconds(60)).stream()
        .filter(event -> correlationIds.contains(event.path("correlationId").asString())).toList();
    assertThat(stored).as("one event per search, none twice").hasSize(correlationIds.size());
    assertThat(stored).allSatisfy(event -> assertThat(event.path("status").asString()).isEqualTo("SUCCESS"));

    importedReviewsShowTheirChainAcrossImportAndWriteService(suite, admin, imports, analytics, cities.get(0), run);
  }

  /**
   * Reviews imported for three of the restaurants, one of which has a review posted through write-service: the
   * ratings add up exactly (a review already in the table and a line repeated in the file count once), and
   * import-service's {@code restaurant.reviews.imported} causes write-service's {@code restaurant.rating.updated} for
   * each restaurant, all under the import request's correlation id.
   */
  private static void importedReviewsShowTheirChainAcrossImportAndWriteService(Suite suite, Users.SignedIn admin, Caller imports,
      Analytics analytics, String city, String run) {
    JsonNode page = suite.query().get("/api/restaurants?city=" + HttpApi.encode(city) + "&sort=name&limit=3").json();
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("restaurantId").asString()));
    assertThat(ids).hasSize(3);
    // A review posted through write-service before the import: the import adds to it.
    Users.SignedIn reviewer = suite.users().signUp("import-reviewer-" + run, "import-reviewer-" + run + "@example.com");
    Answer posted = suite.as(reviewer, "write-service").post("/api/restaurants/" + ids.get(0) + "/reviews", HttpApi.json(Map.of("rating", 2)));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String postedReviewId = posted.json().path("reviewId").asString();
    await("the posted review's rating").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> suite.query().get("/api/restaurants/" + ids.get(0)).json().path("reviewCount").asLong() == 1);
    // Imported ratings 5 and 4 (with the posted 2: 3.67), 3 (3.00), 1, 2 and 3 (2.00).
    int[][] ratings = {{5, 4}, {3}, {1, 2, 3}};
    long[] postedBefore = {1, 0, 0};
    String firstReviewId = UUID.randomUUID().toString();
    StringBuilder ndjson = new StringBuilder();
    for (int r = 0; r < 3; r++) {
      for (int rating : ratings[r]) {
        Map<String, Object> review = new LinkedHashMap<>(Map.of("restaurantId", ids.get(r), "userId", "importer-" + run + "-" + ndjson.length(),
            "rating", rating));
        if (ndjson.isEmpty()) {
          review.put("reviewId", firstReviewId);
        }
        ndjson.append(HttpApi.json(review)).append('\n');
      }
    }
    // The first review twice in the file, and the review write-service wrote: each is there once, and counts once.
    ndjson.append(HttpApi.json(Map.of("reviewId", firstReviewId, "restaurantId", ids.get(0), "userId", "importer-" + run + "-again", "rating", 1)))
        .append('\n');
    ndjson.append(HttpApi.json(Map.of("reviewId", postedReviewId, "restaurantId", ids.get(0), "userId", "importer-" + run + "-posted", "rating", 1)))
        .append('\n');
    String correlationId = "systest-import-reviews-" + run;
    JsonNode job = Imports.run(imports, "reviews", ndjson.toString(), correlationId, Duration.ofSeconds(60));
    assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.path("counts").path("written").asLong()).isEqualTo(6);
    assertThat(job.path("counts").path("skipped").asLong()).as("reviews already in the table").isEqualTo(2);

    String[] averages = {"3.67", "3.00", "2.00"};
    for (int r = 0; r < 3; r++) {
      String id = ids.get(r);
      long count = ratings[r].length + postedBefore[r];
      await("the rating of " + id).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> suite.query().get("/api/restaurants/" + id).json().path("reviewCount").asLong() == count);
      assertThat(new BigDecimal(suite.query().get("/api/restaurants/" + id).json().path("avgRating").asString()))
          .isEqualByComparingTo(averages[r]);
    }

    JsonNode chain = analytics.chain(correlationId, events -> ReviewIntegrationTests.types(events).stream()
        .filter("restaurant.rating.updated"::equals).count() == 3, Duration.ofSeconds(30));
    List<JsonNode> events = Analytics.events(chain);
    JsonNode imported = ReviewIntegrationTests.only(events, "restaurant.reviews.imported");
    List<JsonNode> updates = events.stream().filter(event -> event.path("eventType").asString().equals("restaurant.rating.updated")).toList();
    assertThat(updates).hasSize(3).allSatisfy(update ->
        assertThat(update.path("causationId").asString()).isEqualTo(imported.path("eventId").asString()));
    assertThat(updates.stream().map(update -> update.path("data").path("restaurantId").asString()).toList())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(ReviewIntegrationTests.types(events)).contains("IMPORT_ANALYTICS");
    // Two services took part: import-service published the cause, write-service the effects (the envelope's metadata.service).
    assertThat(imported.path("service").asString()).as(chain.toString()).isEqualTo("import-service");
    assertThat(updates).allSatisfy(update -> assertThat(update.path("service").asString()).isEqualTo("write-service"));
    assertThat(events.indexOf(imported)).isLessThan(events.indexOf(updates.get(0)));
    ReviewIntegrationTests.assertInOrder(events);
  }

  /** Pages through a search with limit 100; each request under its own correlation id. Returns how many it listed. */
  private static int search(Suite suite, String filter, Set<String> correlationIds, Set<String> found) {
    int listed = 0;
    String cursor = null;
    do {
      String correlationId = "systest-search-" + UUID.randomUUID();
      correlationIds.add(correlationId);
      Answer page = suite.query().get("/api/restaurants?" + filter + "&limit=100" + (cursor == null ? "" : "&cursor=" + HttpApi.encode(cursor)),
          "X-Correlation-Id", correlationId);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      for (JsonNode item : page.json().path("items")) {
        found.add(item.path("restaurantId").asString());
        listed++;
      }
      JsonNode next = page.json().path("nextCursor");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
    } while (cursor != null);
    return listed;
  }

  private static Set<String> correlations(List<JsonNode> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(event -> ids.add(event.path("correlationId").asString()));
    return ids;
  }
}
