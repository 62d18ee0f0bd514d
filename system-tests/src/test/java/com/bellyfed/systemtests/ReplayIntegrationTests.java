package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * A replay of a time range rebuilds deleted state: query-service's analytics events of 20 searches are stored
 * by analytics-service and archived; their items are then deleted from the analytics-events table (DynamoDB
 * DeleteItem, as an operator's mistake would), and a replay of the window through analytics-service's API
 * publishes the archived events again, so that the ingest stores exactly those 20 again, without counting
 * them a second time in the per-minute aggregates (decision 60).
 */
@SystemTest
class ReplayIntegrationTests {

  private static final int SEARCHES = 20;

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
  @Test
  void aReplayOfATimeRangeRebuildsTheAnalyticsEventsDeletedFromTheirTable(Suite suite) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Users.SignedIn admin = suite.users().admin("replay-admin-" + run);
    Analytics analytics = new Analytics(suite, admin);
    String prefix = "systest-replay-" + run + "-";

    Instant from = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
    for (int i = 0; i < SEARCHES; i++) {
      Answer search = suite.query().get("/api/restaurants?city=" + HttpApi.encode("Replay " + run) + "&limit=5", "X-Correlation-Id", prefix + i);
      assertThat(search.status()).as(search.body()).isEqualTo(200);
    }
    // Stored, and archived (the replay reads the archive).
    await("the searches' analytics events stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> ours(analytics, prefix, from).size() == SEARCHES);
    List<JsonNode> original = ours(analytics, prefix, from);
    for (int i = 0; i < SEARCHES; i++) {
      analytics.chain(prefix + i, events -> !events.isEmpty(), Duration.ofSeconds(30));
    }
    Instant to = Instant.now();
    // The summary's minutes are shared with every other query-service event of those minutes, so it is held to
    // what the events table holds for the same minutes: each stored event counted exactly once.
    Instant minutesFrom = from.truncatedTo(ChronoUnit.MINUTES);
    Instant minutesTo = to.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    Tally before = countedAsStored(analytics, minutesFrom, minutesTo);
    assertThat(before.count()).as("our searches among them").isGreaterThanOrEqualTo(SEARCHES);

    for (JsonNode event : original) {
      suite.aws().dynamoDb().deleteItem(request -> request.tableName(Suite.Clients.table("analytics-events"))
          .key(Map.of("eventId", AttributeValue.fromS(event.path("eventId").asString()))));
    }
    assertThat(ours(analytics, prefix, from)).as("deleted").isEmpty();

    Set<String> types = new TreeSet<>();
    original.forEach(event -> types.add(event.path("eventType").asString()));
    Answer replay = analytics.api().post("/api/replays", HttpApi.json(Map.of("from", from.toString(), "to", to.toString(),
        "eventTypes", List.copyOf(types), "targetBus", "bellyfed-analytics-" + Suite.ENV, "ratePerSecond", 500)));
    assertThat(replay.status()).as(replay.body()).isEqualTo(202);
    String job = Analytics.path(replay.header("Location"));
    await("the replay " + job).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> !analytics.api().get(job).json().path("status").asString().equals("RUNNING"));
    JsonNode finished = analytics.api().get(job).json();
    assertThat(finished.path("status").asString()).as(finished.toString()).isEqualTo("COMPLETED");
    assertThat(finished.path("published").asLong()).as("at least our events published again").isGreaterThanOrEqualTo(SEARCHES);

    await("the deleted events stored again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> ours(analytics, prefix, from).size() == SEARCHES);
    List<JsonNode> rebuilt = ours(analytics, prefix, from);
    assertThat(rebuilt).hasSize(SEARCHES);
    assertThat(essentials(rebuilt)).containsExactlyInAnyOrderElementsOf(essentials(original));
    countedAsStored(analytics, minutesFrom, minutesTo);
  }

  /** Counts, failures, the sum of durations and the count per category of the query-service events of a range. */
  private record Tally(long count, long failures, long durationSum, Map<String, Long> byCategory) {}

  /**
   * The summary's totals of the range, once they equal what the stored events of the range add up to (the two are
   * read one after the other, so events stored meanwhile are waited out); fails after 30 s.
   */
  private static Tally countedAsStored(Analytics analytics, Instant from, Instant to) {
    AtomicReference<Tally> counted = new AtomicReference<>();
    await("the summary of " + from + " to " + to + " counting each stored event once").atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> {
          Answer summary = analytics.api().get("/api/analytics/summary?service=query-service&from=" + from + "&to=" + to);
          assertThat(summary.status()).as(summary.body()).isEqualTo(200);
          JsonNode total = summary.json().path("total");
          Map<String, Long> categories = new TreeMap<>();
          total.path("byCategory").properties().forEach(entry -> categories.put(entry.getKey(), entry.getValue().asLong()));
          counted.set(new Tally(total.path("count").asLong(), total.path("failures").asLong(),
              Math.round(total.path("durationMean").asDouble() * total.path("count").asLong()), categories));
          assertThat(counted.get()).as("counted, against stored").isEqualTo(tally(analytics.storedEvents("query-service", from, to)));
        });
    return counted.get();
  }

  private static Tally tally(List<JsonNode> events) {
    Map<String, Long> categories = new TreeMap<>();
    long failures = 0;
    long durations = 0;
    for (JsonNode event : events) {
      categories.merge(event.path("eventCategory").asString(), 1L, Long::sum);
      failures += event.path("status").asString().equals("FAILURE") ? 1 : 0;
      durations += event.path("duration").asLong();
    }
    return new Tally(events.size(), failures, durations, categories);
  }

  private static List<JsonNode> ours(Analytics analytics, String prefix, Instant from) {
    return analytics.storedEvents("query-service", from, Instant.now().plusSeconds(60)).stream()
        .filter(event -> event.path("correlationId").asString("").startsWith(prefix)).toList();
  }

  /** What the event was, without when it was received and stored. */
  private static List<String> essentials(List<JsonNode> events) {
    List<String> all = new ArrayList<>();
    for (JsonNode event : events) {
      all.add(String.join("|", event.path("eventId").asString(), event.path("eventType").asString(), event.path("correlationId").asString(),
          event.path("timestamp").asString(), event.path("action").asString(), event.path("status").asString(),
          Long.toString(event.path("duration").asLong())));
    }
    return all;
  }
}
