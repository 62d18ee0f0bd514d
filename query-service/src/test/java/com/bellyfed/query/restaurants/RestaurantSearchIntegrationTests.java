package com.bellyfed.query.restaurants;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every filter and order of the search against a small data set with a known answer. City and
 * cuisine names are unique to this run, so the city and cuisine indexes hold only these items.
 */
class RestaurantSearchIntegrationTests extends QueryServiceIntegrationTest {

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String IPOH = "Ipoh " + RUN;
  private static final String TAIPING = "Taiping " + RUN;
  private static final String MALAY = "Malay " + RUN;
  private static final String CHINESE = "Chinese " + RUN;

  @BeforeEach
  void seedTheKnownDataSet() {
    seedOnce(() -> {
      fixtures().putRestaurants(List.of(
          restaurant("Nasi Kandar Line", IPOH, MALAY, "4.5", 1, Instant.parse("2026-01-01T10:00:00Z")),
          restaurant("apam balik", IPOH, MALAY, "3.9", 2, Instant.parse("2026-03-01T10:00:00Z")),
          restaurant("Dim Sum Palace", IPOH, CHINESE, "4.8", 3, Instant.parse("2026-02-01T10:00:00Z")),
          restaurant("Kopitiam Corner", IPOH, CHINESE, "0", 1, Instant.parse("2026-05-01T10:00:00Z")),
          restaurant("Laksa House", TAIPING, MALAY, "4.2", 2, Instant.parse("2026-04-01T10:00:00Z")),
          restaurant("Chicken Rice Co", IPOH, MALAY, "4.6", 2, Instant.parse("2026-06-01T10:00:00Z")),
          restaurant("Future Diner", TAIPING, CHINESE, "5", 4, Instant.parse("2099-01-01T00:00:00Z"))));
    });
  }

  @Test
  void listsACityBestRatedFirstWithRestaurantsWithoutReviewsLast() {
    HttpApi.Answer response = search("city", IPOH);

    assertThat(response.status()).isEqualTo(200);
    assertThat(names(response)).containsExactly("Dim Sum Palace", "Chicken Rice Co", "Nasi Kandar Line", "apam balik", "Kopitiam Corner");
    assertThat(response.firstHeader("Cache-Control")).hasValue("max-age=15, public");
  }

  @Test
  void matchesCityAndCuisineWhateverTheirCaseAndSpacing() {
    HttpApi.Answer response = search("city", "  " + IPOH.toUpperCase() + " ", "cuisine", MALAY.replace(" ", "   "), "sort", "name");

    assertThat(names(response)).containsExactly("apam balik", "Chicken Rice Co", "Nasi Kandar Line");
  }

  @Test
  void listsACuisineAcrossCitiesNewestFirst() {
    assertThat(names(search("cuisine", MALAY, "sort", "newest")))
        .containsExactly("Chicken Rice Co", "Laksa House", "apam balik", "Nasi Kandar Line");
  }

  @Test
  void appliesMinRatingAsAKeyConditionOnTheRatingOrderAndAsAFilterOnTheOthers() {
    assertThat(names(search("city", IPOH, "minRating", "4.5"))).containsExactly("Dim Sum Palace", "Chicken Rice Co", "Nasi Kandar Line");
    assertThat(names(search("city", IPOH, "minRating", "4.5", "sort", "name")))
        .containsExactly("Chicken Rice Co", "Dim Sum Palace", "Nasi Kandar Line");
  }

  @Test
  void filtersByPriceLevelAndCombinesFilters() {
    assertThat(names(search("city", IPOH, "priceLevel", "2"))).containsExactly("Chicken Rice Co", "apam balik");
    assertThat(names(search("city", IPOH, "minRating", "4", "priceLevel", "1", "sort", "newest"))).containsExactly("Nasi Kandar Line");
  }

  @Test
  void listsEveryRestaurantWithoutCityOrCuisine() {
    HttpApi.Answer response = search("sort", "newest", "limit", "1");

    assertThat(names(response)).containsExactly("Future Diner");
    assertThat(response.json().path("nextCursor").isString()).isTrue();
  }

  @Test
  void showsTheRestaurantAttributesButNotTheIndexKeys() {
    JsonNode first = search("city", TAIPING, "cuisine", MALAY).json().path("items").get(0);

    assertThat(first.path("name").asString()).isEqualTo("Laksa House");
    assertThat(first.path("city").asString()).isEqualTo(TAIPING);
    assertThat(first.path("avgRating").decimalValue()).isEqualByComparingTo("4.2");
    assertThat(first.path("priceLevel").asInt()).isEqualTo(2);
    assertThat(first.path("reviewCount").asLong()).isEqualTo(4);
    assertThat(first.path("geo").path("lat").asDouble()).isEqualTo(5.4164);
    assertThat(first.path("restaurantId").asString()).isNotBlank();
    assertThat(first.has("cityKey")).isFalse();
    assertThat(first.has("version")).isFalse();
  }

  @Test
  void pagesThroughACityInTheSameOrderAsOnePage() {
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpApi.Answer response =
          cursor == null ? search("city", IPOH, "limit", "2") : search("city", IPOH, "limit", "2", "cursor", cursor);
      assertThat(response.status()).isEqualTo(200);
      paged.addAll(names(response));
      JsonNode next = response.json().path("nextCursor");
      cursor = next.isString() ? next.asString() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(paged).isEqualTo(names(search("city", IPOH)));
  }

  @Test
  void namesEveryInvalidParameterAndWhatIsAllowed() {
    HttpApi.Answer response = search("city", " ", "minRating", "6", "priceLevel", "cheap", "sort", "popular", "limit", "0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.firstHeader("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode errors = response.json().path("errors");
    assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("city", "minRating", "priceLevel", "sort", "limit");
    assertThat(reason(errors, "sort")).contains("rating, name, newest");
    assertThat(reason(errors, "limit")).contains("1 to 100");
    assertThat(reason(errors, "priceLevel")).contains("1 to 4");
    assertThat(reason(errors, "minRating")).contains("0 to 5");
  }

  @Test
  void refusesHostileParameters() {
    assertThat(parameters(search("city", "x".repeat(5_000)))).containsExactly("city");
    assertThat(parameters(search("cuisine", "thai\u0000' OR 1=1"))).containsExactly("cuisine");
    assertThat(parameters(search("limit", "99999999999999999999"))).containsExactly("limit");
    assertThat(parameters(search("minRating", "1e999999999"))).containsExactly("minRating");
    assertThat(parameters(search("minRating", "1e-999999999"))).containsExactly("minRating");
  }

  @Test
  void refusesAModifiedCursor() {
    String cursor = search("city", IPOH, "limit", "2").json().path("nextCursor").asString();
    char[] chars = cursor.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';

    HttpApi.Answer response = search("city", IPOH, "limit", "2", "cursor", new String(chars));

    assertThat(response.status()).isEqualTo(400);
    assertThat(parameters(response)).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "cursor", "not-a-cursor"))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "cursor", "A".repeat(3_000)))).containsExactly("cursor");
  }

  @Test
  void refusesACursorReusedWithOtherFiltersButNotWithAnotherLimit() {
    String cursor = search("city", IPOH, "limit", "2").json().path("nextCursor").asString();

    assertThat(parameters(search("city", TAIPING, "limit", "2", "cursor", cursor))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "priceLevel", "2", "cursor", cursor))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "sort", "name", "cursor", cursor))).containsExactly("cursor");
    assertThat(names(search("city", IPOH, "limit", "10", "cursor", cursor))).containsExactly("Nasi Kandar Line", "apam balik", "Kopitiam Corner");
  }

  private HttpApi.Answer search(String... parameters) {
    StringBuilder query = new StringBuilder("/api/restaurants?");
    for (int i = 0; i < parameters.length; i += 2) {
      query.append(URLEncoder.encode(parameters[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8)).append('&');
    }
    return get(query.toString());
  }

  private static List<String> names(HttpApi.Answer response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("items").findValuesAsString("name");
  }

  private static List<String> parameters(HttpApi.Answer response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().path("errors").findValuesAsString("field");
  }

  private static String reason(JsonNode errors, String parameter) {
    for (JsonNode error : errors) {
      if (error.path("field").asString().equals(parameter)) {
        return error.path("reason").asString();
      }
    }
    return "";
  }
}
