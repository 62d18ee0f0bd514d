package com.bellyfed.query.restaurants;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * 2,000 restaurants in one city (10,000 in {@link RestaurantPagingLoadIntegrationTests}), with only
 * five distinct ratings so that most positions in the rating index are ties: the cursor must still
 * resume exactly where the last page ended.
 */
class RestaurantPagingIntegrationTests extends QueryServiceIntegrationTest {

  private static final String[] RATINGS = {"0", "3.5", "4", "4.5", "5"};

  /** One city per test class, seeded once. */
  private static final Map<Class<?>, Seeded> SEEDS = new ConcurrentHashMap<>();

  private record Seeded(String city, Set<String> all, Set<String> priceLevelTwo) {}

  private Seeded seeded;

  /** How many restaurants the city holds. */
  int restaurants() {
    return 2_000;
  }

  @BeforeEach
  void seedRestaurantsWithBatchWrites() {
    seeded = SEEDS.computeIfAbsent(getClass(), type -> seed(restaurants()));
  }

  private Seeded seed(int restaurants) {
    String city = "Paging " + UUID.randomUUID().toString().substring(0, 8);
    Set<String> all = new HashSet<>();
    Set<String> priceLevelTwo = new HashSet<>();
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < restaurants; i++) {
      Map<String, AttributeValue> item =
          restaurant("R" + (i * 7919 % restaurants), city, "Cuisine " + (i % 3), RATINGS[i % RATINGS.length], 1 + i % 4,
              Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i % 500));
      items.add(item);
      all.add(item.get("restaurantId").s());
      if (i % 4 == 1) {
        priceLevelTwo.add(item.get("restaurantId").s());
      }
    }
    int writers = 4;
    int share = restaurants / writers;
    CompletableFuture.allOf(IntStream.range(0, writers)
            .mapToObj(w -> CompletableFuture.runAsync(() -> fixtures().putRestaurants(items.subList(w * share, (w + 1) * share))))
            .toArray(CompletableFuture[]::new))
        .join();
    return new Seeded(city, Set.copyOf(all), Set.copyOf(priceLevelTwo));
  }

  @Test
  void yieldsEachRestaurantExactlyOnceBestRatedFirst() {
    List<JsonNode> all = pageThrough("city=" + encode(seeded.city()) + "&limit=100");

    List<String> ids = all.stream().map(item -> item.path("restaurantId").asString()).toList();
    assertThat(ids).hasSize(restaurants()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(seeded.all());
    List<Double> ratings = all.stream().map(item -> item.path("avgRating").asDouble()).toList();
    assertThat(ratings).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void yieldsEachFilteredRestaurantExactlyOnceWhenAFilterDropsMostOfWhatIsRead() {
    List<JsonNode> all = pageThrough("city=" + encode(seeded.city()) + "&priceLevel=2&sort=newest&limit=100");

    List<String> ids = all.stream().map(item -> item.path("restaurantId").asString()).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids)).isEqualTo(seeded.priceLevelTwo());
  }

  private List<JsonNode> pageThrough(String query) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 200; page++) {
      HttpApi.Answer response = get("/api/restaurants?" + query + (cursor == null ? "" : "&cursor=" + encode(cursor)));
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode body = response.json();
      body.path("items").forEach(items::add);
      if (!body.path("nextCursor").isString()) {
        return items;
      }
      cursor = body.path("nextCursor").asString();
    }
    throw new AssertionError("Paging did not end after 200 pages");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
