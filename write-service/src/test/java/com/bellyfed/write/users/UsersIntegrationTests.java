package com.bellyfed.write.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi.Answer;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.write.support.Caller;
import com.bellyfed.write.support.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@WriteServiceTest
class UsersIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  /** A signed-in user, who writes their own profile: the path's user id is their token's sub. */
  Caller api;
  String userId;
  LocalAws localAws;

  @BeforeEach
  void api(LocalAws localAws) {
    this.localAws = localAws;
    api = Caller.user(port, localAws, "ana");
    userId = api.userId();
  }

  static String profile(String displayName) {
    return HttpApi.json(Map.of("displayName", displayName, "city", "Melaka", "bio", "Eats for a living", "avatarUrl", "https://img.example/a.png"));
  }

  @Test
  void aProfilePutCreatesThenUpdatesTheUserAndPublishesProfileUpdated(LocalAws localAws) {
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "user", correlation)) {
      Answer created = api.put("/api/users/" + userId + "/profile", profile("Ana"), "X-Correlation-Id", correlation);
      Answer updated = api.put("/api/users/" + userId + "/profile", HttpApi.json(Map.of("displayName", "Ana B")),
          "If-Match", created.header("ETag"), "X-Correlation-Id", correlation);

      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Location")).isEqualTo("/api/users/" + userId);
      assertThat(created.header("ETag")).isEqualTo("\"1\"");
      assertThat(updated.status()).isEqualTo(200);
      assertThat(updated.header("ETag")).isEqualTo("\"2\"");
      Map<String, AttributeValue> item = item(userId);
      assertThat(item.get("displayName").s()).isEqualTo("Ana B");
      assertThat(item).doesNotContainKeys("city", "bio", "avatarUrl");
      assertThat(item.get("status").s()).isEqualTo("ACTIVE");
      assertThat(item.get("version").n()).isEqualTo("2");
      List<EventEnvelope> events = tap.await(2, Duration.ofSeconds(20));
      assertThat(events).extracting(EventEnvelope::eventType).containsOnly("user.profile.updated");
      assertThat(events).extracting(EventEnvelope::sequenceNumber).containsExactlyInAnyOrder(1L, 2L);
      assertThat(events).allSatisfy(event -> assertThat(event.userId()).isEqualTo(userId));
      // The acting user, from the token (issue 18), as every consumer of the event sees it.
      assertThat(events).extracting(EventEnvelope::actor).containsOnly(userId);
    }
  }

  @Test
  void preferencesAreStoredAsTheDataModelSaysAndPublishPreferencesChanged(LocalAws localAws) {
    api.put("/api/users/" + userId + "/profile", profile("Chen"));
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "user", correlation)) {
      Answer answer = api.put("/api/users/" + userId + "/preferences", HttpApi.json(Map.of(
          "cuisines", List.of("Nyonya", "Thai"), "dietaryRestrictions", List.of("halal"), "priceRange", Map.of("min", 1, "max", 3))),
          "If-Match", "\"1\"", "X-Correlation-Id", correlation);

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().path("profile").path("displayName").asString()).isEqualTo("Chen");
      Map<String, AttributeValue> preferences = item(userId).get("preferences").m();
      assertThat(preferences.get("cuisines").l()).extracting(AttributeValue::s).containsExactly("Nyonya", "Thai");
      assertThat(preferences.get("dietaryRestrictions").l()).extracting(AttributeValue::s).containsExactly("halal");
      assertThat(preferences.get("priceRange").m().get("max").n()).isEqualTo("3");
      assertThat(tap.await(1, Duration.ofSeconds(20)).get(0).eventType()).isEqualTo("user.preferences.changed");
    }
  }

  @Test
  void everyWriteEmitsItsAnalyticsEventWithActionWrite(LocalAws localAws) {
    String correlation = UUID.randomUUID().toString();
    try (EventTap tap = EventTap.correlation(localAws, "analytics", correlation)) {
      api.put("/api/users/" + userId + "/profile", profile("Dev"), "X-Correlation-Id", correlation);
      api.put("/api/users/" + userId + "/profile", HttpApi.json(Map.of()), "X-Correlation-Id", correlation);

      List<EventEnvelope> events = tap.await(2, Duration.ofSeconds(20));
      assertThat(events).extracting(EventEnvelope::eventType).containsOnly("USER_WRITE_ANALYTICS");
      assertThat(events).allSatisfy(event -> assertThat(event.data().path("action").asText()).isEqualTo("WRITE"));
      assertThat(events).extracting(event -> event.data().path("status").asText()).containsExactlyInAnyOrder("SUCCESS", "FAILURE");
      assertThat(events.get(0).data().path("properties").path("service").asText()).isEqualTo("write-service");
    }
  }

  @Test
  void answers412ForAStaleIfMatchAndOnAUserThatDoesNotExist() {
    Answer missing = api.put("/api/users/" + userId + "/profile", profile("Ghost"), "If-Match", "\"1\"");
    api.put("/api/users/" + userId + "/profile", profile("Real"));
    api.put("/api/users/" + userId + "/profile", profile("Real 2"));

    Answer stale = api.put("/api/users/" + userId + "/preferences", HttpApi.json(Map.of("cuisines", List.of("Thai"))), "If-Match", "\"1\"");

    assertThat(missing.status()).isEqualTo(412);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("detail").asString()).contains("version 2");
    assertThat(item(userId)).doesNotContainKey("preferences");
  }

  @Test
  void namesEveryInvalidFieldOfProfilesAndPreferences() {
    Answer profile = api.put("/api/users/" + userId + "/profile", HttpApi.json(Map.of(
        "displayName", "", "bio", "b".repeat(2001), "avatarUrl", "javascript:alert(1)")));
    Answer preferences = api.put("/api/users/" + userId + "/preferences", HttpApi.json(Map.of(
        "cuisines", List.of(" "), "priceRange", Map.of("min", 4, "max", 2))));
    // An admin may name any user, so the id's own check answers.
    Answer badId = Caller.admin(port, localAws).put("/api/users/bad%20id/profile", profile("x"));

    assertThat(profile.status()).isEqualTo(400);
    assertThat(profile.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("avatarUrl", "bio", "displayName");
    assertThat(preferences.status()).isEqualTo(400);
    assertThat(preferences.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("cuisines[0]", "priceRange.ordered");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("errors").findValuesAsString("field")).containsExactly("userId");
    assertThat(item(userId)).isEmpty();
  }

  @Test
  void answers415And413() {
    assertThat(api.put("/api/users/" + userId + "/profile", "displayName=x", "Content-Type", "text/plain").status()).isEqualTo(415);
    Answer huge = api.put("/api/users/" + userId + "/profile", HttpApi.json(Map.of("displayName", "x", "bio", "b".repeat(20_000))));
    assertThat(huge.status()).isEqualTo(413);
    assertThat(item(userId)).isEmpty();
  }

  @Test
  void anotherUsersProfileAndPreferencesAre403AndNothingIsWritten() {
    Caller other = Caller.user(port, localAws, "mallory");

    Answer profile = other.put("/api/users/" + userId + "/profile", profile("Not Ana"));
    Answer preferences = other.put("/api/users/" + userId + "/preferences", HttpApi.json(Map.of("cuisines", List.of("Thai"))));

    for (Answer answer : List.of(profile, preferences)) {
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:forbidden");
      assertThat(answer.json().path("detail").asString()).contains("own");
    }
    assertThat(item(userId)).isEmpty();
  }

  @Test
  void anAdminWritesAnyUsersProfileAndWithoutATokenNobodyDoes() {
    Answer anonymous = new HttpApi(port).put("/api/users/" + userId + "/profile", profile("Anonymous"));
    Answer admin = Caller.admin(port, localAws).put("/api/users/" + userId + "/profile", profile("Set By Support"));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(admin.status()).isEqualTo(201);
    assertThat(item(userId).get("displayName").s()).isEqualTo("Set By Support");
  }

  private Map<String, AttributeValue> item(String userId) {
    return dynamoDb.getItem(r -> r.tableName(topology.table("users").name()).consistentRead(true)
        .key(Map.of("userId", AttributeValue.fromS(userId)))).item();
  }
}
