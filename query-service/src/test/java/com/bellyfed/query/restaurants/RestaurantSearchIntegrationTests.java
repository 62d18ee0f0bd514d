package com.bellyfed.query.restaurants;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    HttpResponse<String> response = search("city", IPOH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(names(response)).containsExactly("Dim Sum Palace", "Chicken Rice Co", "Nasi Kandar Line", "apam balik", "Kopitiam Corner");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=15, public");
  }

  @Test
  void matchesCityAndCuisineWhateverTheirCaseAndSpacing() {
    HttpResponse<String> response = search("city", "  " + IPOH.toUpperCase() + " ", "cuisine", MALAY.replace(" ", "   "), "sort", "name");

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
    HttpResponse<String> response = search("sort", "newest", "limit", "1");

    assertThat(names(response)).containsExactly("Future Diner");
    assertThat(json(response).path("nextCursor").isTextual()).isTrue();
  }

  @Test
  void showsTheRestaurantAttributesButNotTheIndexKeys() {
    JsonNode first = json(search("city", TAIPING, "cuisine", MALAY)).path("items").get(0);

    assertThat(first.path("name").asText()).isEqualTo("Laksa House");
    assertThat(first.path("city").asText()).isEqualTo(TAIPING);
    assertThat(first.path("avgRating").decimalValue()).isEqualByComparingTo("4.2");
    assertThat(first.path("priceLevel").asInt()).isEqualTo(2);
    assertThat(first.path("reviewCount").asLong()).isEqualTo(4);
    assertThat(first.path("geo").path("lat").asDouble()).isEqualTo(5.4164);
    assertThat(first.path("restaurantId").asText()).isNotBlank();
    assertThat(first.has("cityKey")).isFalse();
    assertThat(first.has("version")).isFalse();
  }

  @Test
  void pagesThroughACityInTheSameOrderAsOnePage() {
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpResponse<String> response =
          cursor == null ? search("city", IPOH, "limit", "2") : search("city", IPOH, "limit", "2", "cursor", cursor);
      assertThat(response.statusCode()).isEqualTo(200);
      paged.addAll(names(response));
      JsonNode next = json(response).path("nextCursor");
      cursor = next.isTextual() ? next.asText() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(paged).isEqualTo(names(search("city", IPOH)));
  }

  @Test
  void namesEveryInvalidParameterAndWhatIsAllowed() {
    HttpResponse<String> response = search("city", " ", "minRating", "6", "priceLevel", "cheap", "sort", "popular", "limit", "0");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode errors = json(response).path("errors");
    assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("city", "minRating", "priceLevel", "sort", "limit");
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
    String cursor = json(search("city", IPOH, "limit", "2")).path("nextCursor").asText();
    char[] chars = cursor.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';

    HttpResponse<String> response = search("city", IPOH, "limit", "2", "cursor", new String(chars));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(parameters(response)).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "cursor", "not-a-cursor"))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "cursor", "A".repeat(3_000)))).containsExactly("cursor");
  }

  @Test
  void refusesACursorReusedWithOtherFiltersButNotWithAnotherLimit() {
    String cursor = json(search("city", IPOH, "limit", "2")).path("nextCursor").asText();

    assertThat(parameters(search("city", TAIPING, "limit", "2", "cursor", cursor))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "priceLevel", "2", "cursor", cursor))).containsExactly("cursor");
    assertThat(parameters(search("city", IPOH, "sort", "name", "cursor", cursor))).containsExactly("cursor");
    assertThat(names(search("city", IPOH, "limit", "10", "cursor", cursor))).containsExactly("Nasi Kandar Line", "apam balik", "Kopitiam Corner");
  }

  private HttpResponse<String> search(String... parameters) {
    StringBuilder query = new StringBuilder("/api/restaurants?");
    for (int i = 0; i < parameters.length; i += 2) {
      query.append(URLEncoder.encode(parameters[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8)).append('&');
    }
    return get(query.toString());
  }

  private static List<String> names(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).path("items").findValuesAsText("name");
  }

  private static List<String> parameters(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return json(response).path("errors").findValuesAsText("field");
  }

  private static String reason(JsonNode errors, String parameter) {
    for (JsonNode error : errors) {
      if (error.path("field").asText().equals(parameter)) {
        return error.path("reason").asText();
      }
    }
    return "";
  }
}
