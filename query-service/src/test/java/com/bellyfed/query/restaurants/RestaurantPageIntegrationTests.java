package com.bellyfed.query.restaurants;

import static com.bellyfed.query.QueryFixtures.renamed;
import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RestaurantPageIntegrationTests extends QueryServiceIntegrationTest {

  @Test
  void servesARestaurantWithItsVersionAsETagAndACachePolicy() {
    Map<String, AttributeValue> item = restaurant("Hameediyah", "George Town", "Mamak", "4.4", 2, Instant.parse("2026-02-02T02:02:02Z"));
    fixtures().putRestaurant(item);

    HttpApi.Answer response = get("/api/restaurants/" + id(item));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("name").asString()).isEqualTo("Hameediyah");
    assertThat(response.json().path("createdAt").asString()).isEqualTo("2026-02-02T02:02:02Z");
    assertThat(response.firstHeader("ETag")).hasValue("\"1\"");
    assertThat(response.firstHeader("Cache-Control")).hasValue("max-age=60, must-revalidate, public");
  }

  @Test
  void answers304WhileTheETagMatchesAnd200OnceTheRestaurantChanged() {
    Map<String, AttributeValue> item = restaurant("Line Clear", "George Town", "Mamak", "4.1", 1, Instant.parse("2026-02-02T02:02:02Z"));
    fixtures().putRestaurant(item);
    String etag = get("/api/restaurants/" + id(item)).firstHeader("ETag").orElseThrow();

    HttpApi.Answer unchanged = get("/api/restaurants/" + id(item), "If-None-Match", etag);
    fixtures().putRestaurant(renamed(item, "Line Clear Nasi Kandar"));
    HttpApi.Answer changed = get("/api/restaurants/" + id(item), "If-None-Match", etag);

    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.firstHeader("ETag")).hasValue(etag);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.firstHeader("ETag")).hasValue("\"2\"");
    assertThat(changed.json().path("name").asString()).isEqualTo("Line Clear Nasi Kandar");
  }

  @Test
  void answersAnUnknownIdWith404Problem() {
    HttpApi.Answer response = get("/api/restaurants/" + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.firstHeader("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.json().path("detail").asString()).startsWith("No restaurant with id");
  }

  @Test
  void refusesAnIdThatCannotBeAKeyBeforeAskingDynamoDb() {
    HttpApi.Answer response = get("/api/restaurants/" + "a".repeat(3_000));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("id");
    assertThat(get("/api/restaurants/%3Cscript%3E").status()).isEqualTo(400);
  }

  private static String id(Map<String, AttributeValue> item) {
    return item.get("restaurantId").s();
  }
}
