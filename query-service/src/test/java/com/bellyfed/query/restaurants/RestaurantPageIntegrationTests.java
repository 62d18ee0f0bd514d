package com.bellyfed.query.restaurants;

import static com.bellyfed.query.QueryFixtures.renamed;
import static com.bellyfed.query.QueryFixtures.restaurant;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.query.QueryServiceIntegrationTest;
import java.net.http.HttpResponse;
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

    HttpResponse<String> response = get("/api/restaurants/" + id(item));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("name").asText()).isEqualTo("Hameediyah");
    assertThat(json(response).path("createdAt").asText()).isEqualTo("2026-02-02T02:02:02Z");
    assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60, must-revalidate, public");
  }

  @Test
  void answers304WhileTheETagMatchesAnd200OnceTheRestaurantChanged() {
    Map<String, AttributeValue> item = restaurant("Line Clear", "George Town", "Mamak", "4.1", 1, Instant.parse("2026-02-02T02:02:02Z"));
    fixtures().putRestaurant(item);
    String etag = get("/api/restaurants/" + id(item)).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> unchanged = get("/api/restaurants/" + id(item), "If-None-Match", etag);
    fixtures().putRestaurant(renamed(item, "Line Clear Nasi Kandar"));
    HttpResponse<String> changed = get("/api/restaurants/" + id(item), "If-None-Match", etag);

    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(json(changed).path("name").asText()).isEqualTo("Line Clear Nasi Kandar");
  }

  @Test
  void answersAnUnknownIdWith404Problem() {
    HttpResponse<String> response = get("/api/restaurants/" + UUID.randomUUID());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(response).path("detail").asText()).startsWith("No restaurant with id");
  }

  @Test
  void refusesAnIdThatCannotBeAKeyBeforeAskingDynamoDb() {
    HttpResponse<String> response = get("/api/restaurants/" + "a".repeat(3_000));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("errors").findValuesAsText("field")).containsExactly("id");
    assertThat(get("/api/restaurants/%3Cscript%3E").statusCode()).isEqualTo(400);
  }

  private static String id(Map<String, AttributeValue> item) {
    return item.get("restaurantId").s();
  }
}
