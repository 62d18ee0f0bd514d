package com.bellyfed.query.reviews;

import static com.bellyfed.query.QueryFixtures.activeUser;
import static com.bellyfed.query.QueryFixtures.restaurant;
import static com.bellyfed.query.QueryFixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService;
import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/** A restaurant with four reviews by two users, one of whom has a profile. */
class ReviewsAndProfilesIntegrationTests extends QueryServiceIntegrationTest {

  private static final String ALICE = UUID.randomUUID().toString();
  private static final String BOB = UUID.randomUUID().toString();
  private static final Map<String, AttributeValue> RESTAURANT =
      restaurant("Kedai Kopi", "Melaka", "Peranakan", "3.75", 2, Instant.parse("2026-01-01T00:00:00Z"));
  private static final Map<String, AttributeValue> EMPTY_RESTAURANT =
      restaurant("Quiet Place", "Melaka", "Peranakan", "0", 2, Instant.parse("2026-01-01T00:00:00Z"));

  @BeforeEach
  void seed() {
    seedOnce(() -> {
      fixtures().putRestaurant(RESTAURANT);
      fixtures().putRestaurant(EMPTY_RESTAURANT);
      fixtures().putUser(activeUser(ALICE, "Alice Tan"));
      String id = restaurantId();
      fixtures().putReview(review(id, ALICE, 5, Instant.parse("2026-03-01T00:00:00Z")));
      fixtures().putReview(review(id, BOB, 2, Instant.parse("2026-03-04T00:00:00Z")));
      fixtures().putReview(review(id, ALICE, 4, Instant.parse("2026-03-02T00:00:00Z")));
      fixtures().putReview(review(id, BOB, 3, Instant.parse("2026-03-03T00:00:00Z")));
    });
  }

  @Test
  void listsARestaurantsReviewsNewestFirstByDefaultAndBestFirstOnRequest() {
    HttpApi.Answer newest = get("/api/restaurants/" + restaurantId() + "/reviews");
    HttpApi.Answer best = get("/api/restaurants/" + restaurantId() + "/reviews?sort=rating");

    assertThat(ratings(newest)).containsExactly(2, 3, 4, 5);
    assertThat(ratings(best)).containsExactly(5, 4, 3, 2);
    assertThat(newest.json().path("items").get(0).path("userId").asString()).isEqualTo(BOB);
    assertThat(newest.firstHeader("Cache-Control")).hasValue("max-age=15, public");
  }

  @Test
  void pagesThroughARestaurantsReviews() {
    List<Integer> paged = new ArrayList<>();
    String path = "/api/restaurants/" + restaurantId() + "/reviews?sort=rating&limit=3";
    JsonNode first = get(path).json();
    first.path("items").forEach(item -> paged.add(item.path("rating").asInt()));
    JsonNode second = get(path + "&cursor=" + first.path("nextCursor").asString()).json();
    second.path("items").forEach(item -> paged.add(item.path("rating").asInt()));

    assertThat(paged).containsExactly(5, 4, 3, 2);
    assertThat(second.path("nextCursor").isNull()).isTrue();
    assertThat(get("/api/restaurants/" + restaurantId() + "/reviews?sort=newest&limit=3&cursor=" + first.path("nextCursor").asString())
        .status()).isEqualTo(400);
  }

  @Test
  void answersAnEmptyPageForARestaurantWithoutReviewsAnd404ForAnUnknownOne() {
    HttpApi.Answer empty = get("/api/restaurants/" + EMPTY_RESTAURANT.get("restaurantId").s() + "/reviews");
    HttpApi.Answer unknown = get("/api/restaurants/" + UUID.randomUUID() + "/reviews");

    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().path("items")).isEmpty();
    assertThat(unknown.status()).isEqualTo(404);
  }

  @Test
  void rejectsAnUnknownReviewOrder() {
    HttpApi.Answer response = get("/api/restaurants/" + restaurantId() + "/reviews?sort=oldest");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("reason").asString()).isEqualTo("must be one of newest, rating");
  }

  @Test
  void listsAUsersReviewsNewestFirst() {
    HttpApi.Answer response = get("/api/users/" + ALICE + "/reviews");

    assertThat(ratings(response)).containsExactly(4, 5);
    assertThat(response.json().path("items").findValuesAsString("restaurantId")).containsOnly(restaurantId());
  }

  @Test
  void servesAProfileWithoutEmailOrStatusAndWithItsETag() {
    HttpApi.Answer response = get("/api/users/" + ALICE + "/profile");

    assertThat(response.status()).isEqualTo(200);
    JsonNode profile = response.json();
    assertThat(profile.path("displayName").asString()).isEqualTo("Alice Tan");
    assertThat(profile.has("email")).isFalse();
    assertThat(profile.has("status")).isFalse();
    // Preferences are the user's own (dietary restrictions may tell health or faith): not on the public view.
    assertThat(profile.has("preferences")).isFalse();
    assertThat(response.firstHeader("ETag")).hasValue("\"3\"");
    assertThat(response.firstHeader("Cache-Control")).hasValue("no-cache, private");
    assertThat(response.firstHeader("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("Authorization"));
    assertThat(get("/api/users/" + ALICE + "/profile", "If-None-Match", "\"3\"").status()).isEqualTo(304);
  }

  @Test
  void showsAProfilesPreferencesToItsUserAndToAdminsOnly(LocalAws localAws) {
    CognitoService.SignedIn carol = localAws.signIn("carol-" + UUID.randomUUID());
    fixtures().putUser(activeUser(carol.sub(), "Carol Lim"));
    String path = "/api/users/" + carol.sub() + "/profile";

    HttpApi.Answer own = get(path, "Authorization", "Bearer " + carol.accessToken());
    HttpApi.Answer byAdmin = get(path, "Authorization", "Bearer " + localAws.signIn("profiles-admin", Actor.ADMIN).accessToken());
    HttpApi.Answer byAnother = get(path, "Authorization", "Bearer " + localAws.signIn("profiles-other").accessToken());

    for (HttpApi.Answer answer : List.of(own, byAdmin)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      JsonNode preferences = answer.json().path("preferences");
      assertThat(preferences.path("cuisines").get(0).asString()).isEqualTo("Malay");
      assertThat(preferences.path("cuisines").get(1).asString()).isEqualTo("Thai");
      assertThat(preferences.path("dietaryRestrictions").get(0).asString()).isEqualTo("no pork");
      assertThat(preferences.path("priceRange").path("max").asInt()).isEqualTo(3);
      assertThat(answer.json().has("email")).isFalse();
      // Another representation than the public one: a cache must not answer one with the other.
      assertThat(answer.firstHeader("ETag")).hasValue("\"3-own\"");
    }
    assertThat(byAnother.status()).isEqualTo(200);
    assertThat(byAnother.json().has("preferences")).isFalse();
    assertThat(byAnother.json().path("displayName").asString()).isEqualTo("Carol Lim");
    assertThat(byAnother.firstHeader("ETag")).hasValue("\"3\"");
    assertThat(get(path, "If-None-Match", "\"3-own\"").status()).isEqualTo(200);
    assertThat(get(path, "If-None-Match", "\"3-own\"", "Authorization", "Bearer " + carol.accessToken()).status()).isEqualTo(304);
  }

  @Test
  void answersUnknownUsersWith404() {
    assertThat(get("/api/users/" + UUID.randomUUID() + "/profile").status()).isEqualTo(404);
    assertThat(get("/api/users/" + UUID.randomUUID() + "/reviews").status()).isEqualTo(404);
    // Bob wrote reviews but has no profile item: his reviews are still listed.
    assertThat(ratings(get("/api/users/" + BOB + "/reviews"))).containsExactly(2, 3);
  }

  private String restaurantId() {
    return RESTAURANT.get("restaurantId").s();
  }

  private static List<Integer> ratings(HttpApi.Answer response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<Integer> ratings = new ArrayList<>();
    response.json().path("items").forEach(item -> ratings.add(item.path("rating").asInt()));
    return ratings;
  }
}
