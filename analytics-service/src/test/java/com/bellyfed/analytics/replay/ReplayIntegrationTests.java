package com.bellyfed.analytics.replay;

import static com.bellyfed.analytics.AnalyticsFixtures.analyticsEvent;
import static com.bellyfed.analytics.AnalyticsFixtures.data;
import static com.bellyfed.analytics.AnalyticsFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.AnalyticsSettings;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.analytics.archive.EventArchive;
import com.bellyfed.analytics.replay.ReplayJobs.ReplayJob;
import com.bellyfed.analytics.replay.ReplayJobs.ReplayRequest;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.catalog.EventCatalog;
import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class ReplayIntegrationTests {

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;
  @Autowired EventArchive archive;
  @Autowired EventBridgeClient eventBridge;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired EnvelopeJson json;
  @Autowired EventCatalog catalog;
  @Autowired Clock clock;
  @Autowired AnalyticsSettings settings;
  /**
   * The counts an operator scrapes, which only grow. Not the composite MeterRegistry: with the CloudWatch export
   * on (AnalyticsIntegrationTest), a composite counter's count() may be its CloudWatch child's, a step counter's
   * count of the last second, which read 0 or 12 for the same twelve events depending on when it was read.
   */
  @Autowired PrometheusMeterRegistry registry;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void replaysExactlyTheArchivedEventsOfAWindowInTheirOriginalOrderFlaggedAsReplayed(LocalAws localAws) throws Exception {
    String source = "bellyfed.replay" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    String correlationId = UUID.randomUUID().toString();
    // The window straddles an hour boundary, so the replay reads two hour partitions of the archive.
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minusSeconds(90);
    List<EventEnvelope> inWindow = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      // Pairs share a timestamp: the sequence number orders them.
      inWindow.add(envelope("restaurant.listing.updated", source, start.plusSeconds(i / 2 * 60), correlationId, null, i + 1,
          data("restaurantId", "r1", "step", i)));
    }
    EventEnvelope before = envelope("restaurant.listing.updated", source, start.minusMillis(1), correlationId, null, 0, data("restaurantId", "r1"));
    EventEnvelope after = envelope("restaurant.listing.updated", source, start.plusSeconds(240), correlationId, null, 99, data("restaurantId", "r1"));
    List<EventEnvelope> all = new ArrayList<>(inWindow);
    all.add(before);
    all.add(after);
    Collections.shuffle(all, new Random(3));
    String bus = topology.bus("restaurant").name();
    for (EventEnvelope event : all) {
      localAws.eventBridge().putEvents(request -> request.entries(entry -> entry
          .eventBusName(bus).source(source).detailType("ListingUpdated").detail(AnalyticsFixtures.JSON.write(event))));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == 10);

    try (BusTap tap = BusTap.create(localAws)) {
      HttpApi.Answer started = http.post("/api/replays",
          "{\"from\":\"" + start + "\",\"to\":\"" + start.plusSeconds(240) + "\",\"sources\":[\"" + source + "\"],"
              + "\"targetBus\":\"" + tap.bus + "\",\"ratePerSecond\":20}", "Content-Type", "application/json");
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      String jobId = started.json().path("jobId").asString();
      await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/replays/" + jobId).json().path("status").asString().equals("COMPLETED"));
      List<EventEnvelope> replayed = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        replayed.addAll(tap.drain());
        return replayed.size() >= 8;
      });
      replayed.addAll(tap.drain());

      // Published one by one in this order; an SQS standard queue may swap neighbours on the way, so the
      // test (like a consumer) restores the publication order from replaySequence.
      replayed.sort(java.util.Comparator.comparingLong(event -> Long.parseLong(event.metadata().get("replaySequence"))));
      assertThat(replayed).extracting(event -> event.metadata().get("replaySequence")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
      assertThat(replayed).extracting(EventEnvelope::eventId).containsExactlyElementsOf(inWindow.stream().map(EventEnvelope::eventId).toList());
      assertThat(replayed).allSatisfy(event -> {
        assertThat(event.metadata()).containsEntry("replayed", "true").containsEntry("replayJobId", jobId);
        assertThat(event.source()).isEqualTo(source);
      });
      JsonNode job = http.get("/api/replays/" + jobId).json();
      assertThat(job.path("published").asLong()).isEqualTo(8);
      assertThat(job.path("lastEventId").asString()).isEqualTo(inWindow.get(7).eventId());
    }
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
  @Test
  void aReplayRestoresDeletedAnalyticsEventsAndLeavesTheirAggregatesExactlyAsTheyWere(LocalAws localAws) {
    String source = "bellyfed.replayagg" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    String correlationId = UUID.randomUUID().toString();
    String service = AnalyticsFixtures.uniqueService();
    // Three minutes, long enough ago that no live event of this test is still on its way.
    Instant start = Instant.now().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.MINUTES);
    Instant end = start.plus(Duration.ofMinutes(3));
    long[] durations = {0, 3, 17, 42, 99, 250, 480, 1_300, 2_500, 7, 64, 20_000};
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < durations.length; i++) {
      events.add(analyticsEvent(source, correlationId, service, Category.values()[i % Category.values().length],
          i % 4 == 0 ? Status.FAILURE : Status.SUCCESS, durations[i], start.plusSeconds(15L * i)));
    }
    AnalyticsFixtures.publishAnalytics(localAws, topology, events);
    String range = "?service=" + service + "&from=" + start + "&to=" + end;
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/summary" + range).json().path("total").path("count").asLong() == 12);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == 12);
    List<String> series = List.of(service + "#*", service + "#RESTAURANT_QUERY_ANALYTICS");
    Map<String, List<Map<String, AttributeValue>>> rows = aggregateRows(series);
    JsonNode byMinute = http.get("/api/analytics/summary" + range + "&bucket=minute").json();
    JsonNode byType = http.get("/api/analytics/summary" + range + "&bucket=minute&eventType=RESTAURANT_QUERY_ANALYTICS").json();
    List<JsonNode> stored = storedEvents(range);
    // The ingest counts an event once its transaction has committed, a little after its row can be read:
    // read the count only when all twelve live events are in it, or a late one looks like a replay's.
    await().atMost(Duration.ofSeconds(10)).until(() -> ingested(service) >= 12);
    double counted = ingested(service);
    assertThat(counted).as("each live event counted once").isEqualTo(12);
    double restored = registry.counter("bellyfed.analytics.events.restored").count();
    assertThat(rows.get(series.get(0))).as("one row per minute and writer shard").isNotEmpty();
    assertThat(byMinute.path("buckets").size()).isEqualTo(3);

    String eventsTable = topology.table("analytics-events").name();
    for (EventEnvelope event : events) {
      dynamoDb.deleteItem(request -> request.tableName(eventsTable).key(Map.of("eventId", AttributeValue.fromS(event.eventId()))));
    }
    assertThat(storedEvents(range)).as("deleted").isEmpty();

    HttpApi.Answer started = http.post("/api/replays", "{\"from\":\"" + start + "\",\"to\":\"" + end + "\",\"sources\":[\"" + source
        + "\"],\"targetBus\":\"" + topology.bus("analytics").name() + "\",\"ratePerSecond\":100}", "Content-Type", "application/json");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    String jobId = started.json().path("jobId").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/replays/" + jobId).json().path("status").asString().equals("COMPLETED"));
    assertThat(http.get("/api/replays/" + jobId).json().path("published").asLong()).isEqualTo(12);
    // Each copy's row and its (wrong) counts would be one transaction: once all twelve rows are back, nothing more comes.
    await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(range).size() == 12);

    assertThat(essentials(storedEvents(range))).as("the events table as it was").isEqualTo(essentials(stored));
    for (EventEnvelope event : events) {
      Map<String, AttributeValue> row = dynamoDb.getItem(request -> request.tableName(eventsTable).consistentRead(true)
          .key(Map.of("eventId", AttributeValue.fromS(event.eventId())))).item();
      assertThat(row.get("restoredBy").s()).as("restored by the replay").isEqualTo(jobId);
    }
    assertThat(aggregateRows(series)).as("every count, sum and sketch bin, and the expiry, as they were").isEqualTo(rows);
    assertThat(http.get("/api/analytics/summary" + range + "&bucket=minute").json()).isEqualTo(byMinute);
    assertThat(http.get("/api/analytics/summary" + range + "&bucket=minute&eventType=RESTAURANT_QUERY_ANALYTICS").json()).isEqualTo(byType);
    // The ingest counts a restored copy once its transaction has committed, so a little after its row can be read.
    await().atMost(Duration.ofSeconds(10)).until(() -> registry.counter("bellyfed.analytics.events.restored").count() >= restored + 12);
    assertThat(registry.counter("bellyfed.analytics.events.restored").count()).isEqualTo(restored + 12);
    assertThat(ingested(service)).as("not live traffic").isEqualTo(counted);
  }

  @Test
  void cancelsARunningReplay(LocalAws localAws) {
    String source = "bellyfed.cancel" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    String correlationId = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(Duration.ofMinutes(30));
    String bus = topology.bus("restaurant").name();
    for (int i = 0; i < 5; i++) {
      EventEnvelope event = envelope("restaurant.listing.updated", source, start.plusSeconds(i), correlationId, null, i, data("restaurantId", "r2"));
      localAws.eventBridge().putEvents(request -> request.entries(entry -> entry
          .eventBusName(bus).source(source).detailType("ListingUpdated").detail(AnalyticsFixtures.JSON.write(event))));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == 5);

    try (BusTap tap = BusTap.create(localAws)) {
      String jobId = http.post("/api/replays",
          "{\"from\":\"" + start + "\",\"to\":\"" + start.plusSeconds(10) + "\",\"sources\":[\"" + source + "\"],"
              + "\"targetBus\":\"" + tap.bus + "\",\"ratePerSecond\":1}", "Content-Type", "application/json").json().path("jobId").asString();
      HttpApi.Answer cancelled = http.post("/api/replays/" + jobId + "/cancel", "", "Content-Type", "application/json");

      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
      await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/api/replays/" + jobId).json().path("published").asLong() <= 2);
      assertThat(http.post("/api/replays/" + jobId + "/cancel", "", "Content-Type", "application/json").status()).isEqualTo(409);
    }
  }

  @Test
  void anotherInstanceTakesOverAReplayWhoseInstanceDiedAndCarriesOnAfterItsCheckpoint(LocalAws localAws) throws Exception {
    String source = "bellyfed.takeover" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    List<EventEnvelope> inWindow = archive(localAws, source, 16);
    Instant start = inWindow.get(0).timestamp();
    // A second instance in this JVM; the application's own ReplayJobs is the survivor.
    ReplayJobs dying = secondInstance();
    try (BusTap tap = BusTap.create(localAws)) {
      ReplayJob job = dying.start(new ReplayRequest(start, start.plusSeconds(60), Set.of(), Set.of(source), tap.bus, 2));
      await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/replays/" + job.jobId()).json().path("published").asLong() >= 2);

      dying.destroy();
      JsonNode leftBehind = http.get("/api/replays/" + job.jobId()).json();
      long checkpointed = leftBehind.path("published").asLong();
      assertThat(leftBehind.path("status").asString()).isEqualTo("RUNNING");
      assertThat(checkpointed).isLessThan(16);

      await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/replays/" + job.jobId()).json().path("status").asString().equals("COMPLETED"));
      JsonNode done = http.get("/api/replays/" + job.jobId()).json();
      assertThat(done.path("owner").asString()).isNotEqualTo(job.owner());
      assertThat(done.path("published").asLong()).isEqualTo(16);
      assertThat(done.path("lastEventId").asString()).isEqualTo(inWindow.get(15).eventId());

      List<EventEnvelope> replayed = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        replayed.addAll(tap.drain());
        return replayed.stream().map(EventEnvelope::eventId).distinct().count() == 16;
      });
      replayed.addAll(tap.drain());
      replayed.sort(java.util.Comparator.comparingLong(ReplayIntegrationTests::replaySequence));
      assertThat(replayed.stream().map(EventEnvelope::eventId).distinct())
          .containsExactlyElementsOf(inWindow.stream().map(EventEnvelope::eventId).toList());
      // A copy keeps its place: the survivor numbers on from the checkpoint.
      assertThat(replayed).allSatisfy(event -> assertThat(event.eventId()).isEqualTo(inWindow.get((int) replaySequence(event) - 1).eventId()));
      // Only what the dead instance published after its last checkpoint goes out twice.
      Map<String, Long> copies = replayed.stream().collect(Collectors.groupingBy(EventEnvelope::eventId, Collectors.counting()));
      assertThat(replayed).filteredOn(event -> copies.get(event.eventId()) > 1)
          .allSatisfy(event -> assertThat(replaySequence(event)).isGreaterThan(checkpointed));
      assertThat(copies.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2));
    } finally {
      dying.destroy();
    }
  }

  @Test
  void cancelsThroughAnyInstanceAReplayRunningInAnother(LocalAws localAws) throws Exception {
    String source = "bellyfed.cancelother" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    List<EventEnvelope> inWindow = archive(localAws, source, 20);
    Instant start = inWindow.get(0).timestamp();
    ReplayJobs other = secondInstance();
    try (BusTap tap = BusTap.create(localAws)) {
      ReplayJob job = other.start(new ReplayRequest(start, start.plusSeconds(60), Set.of(), Set.of(source), tap.bus, 2));
      await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/replays/" + job.jobId()).json().path("published").asLong() >= 1);

      HttpApi.Answer cancelled = http.post("/api/replays/" + job.jobId() + "/cancel", "", "Content-Type", "application/json");

      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
      List<EventEnvelope> received = new ArrayList<>();
      // The owner stops at its next checkpoint and records how far it got: what arrived stops growing and matches it.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
        received.addAll(tap.drain());
        return received.size() == http.get("/api/replays/" + job.jobId()).json().path("published").asLong();
      });
      assertThat(received).hasSizeLessThan(20);
      assertThat(http.get("/api/replays/" + job.jobId()).json().path("status").asString()).isEqualTo("CANCELLED");
    } finally {
      other.destroy();
    }
  }

  @Test
  void refusesInvalidOversizedAndMistypedReplayRequests() {
    HttpApi.Answer invalid = http.post("/api/replays",
        "{\"from\":\"2026-01-02T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\",\"targetBus\":\"no-such-bus\",\"ratePerSecond\":0}", "Content-Type", "application/json");
    HttpApi.Answer missing = http.post("/api/replays", "{}", "Content-Type", "application/json");
    HttpApi.Answer malformed = http.post("/api/replays", "{\"from\":", "Content-Type", "application/json");
    HttpApi.Answer text = http.post("/api/replays", "replay everything", "Content-Type", "text/plain");
    HttpApi.Answer huge = http.post("/api/replays", "{\"sources\":[\"" + "x".repeat(100_000) + "\"]}", "Content-Type", "application/json");

    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "targetBus", "ratePerSecond");
    assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("from", "to");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(http.get("/api/replays/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  /** Another instance of the service as far as replays go: its own id, runners and take-over rounds, on the same tables. */
  private ReplayJobs secondInstance() {
    return new ReplayJobs(archive, eventBridge, dynamoDb, json, catalog, topology, clock, settings, registry);
  }

  /** Events of one source a second apart, half an hour ago, once the archive holds them all; in archive order. */
  private List<EventEnvelope> archive(LocalAws localAws, String source, int count) {
    String correlationId = UUID.randomUUID().toString();
    Instant start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
    String bus = topology.bus("restaurant").name();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EventEnvelope event = envelope("restaurant.listing.updated", source, start.plusSeconds(i), correlationId, null, i, data("restaurantId", "r3", "step", i));
      events.add(event);
      localAws.eventBridge().putEvents(request -> request.entries(entry -> entry
          .eventBusName(bus).source(source).detailType("ListingUpdated").detail(AnalyticsFixtures.JSON.write(event))));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == count);
    return events;
  }

  /** Every aggregate row (every minute and writer shard) of each series, read consistently. */
  private Map<String, List<Map<String, AttributeValue>>> aggregateRows(List<String> series) {
    Map<String, List<Map<String, AttributeValue>>> rows = new java.util.LinkedHashMap<>();
    for (String name : series) {
      rows.put(name, dynamoDb.queryPaginator(request -> request.tableName(topology.table("analytics-aggregates").name()).consistentRead(true)
          .keyConditionExpression("series = :series").expressionAttributeValues(Map.of(":series", AttributeValue.fromS(name))))
          .items().stream().toList());
    }
    return rows;
  }

  private List<JsonNode> storedEvents(String range) {
    List<JsonNode> items = new ArrayList<>();
    http.get("/api/analytics/events" + range + "&limit=100").json().path("items").forEach(items::add);
    return items;
  }

  /** What an event is, without when this row of it was received and stored. */
  private static List<String> essentials(List<JsonNode> events) {
    return events.stream().map(event -> String.join("|", event.path("eventId").asString(), event.path("eventType").asString(),
        event.path("service").asString(), event.path("action").asString(), event.path("eventCategory").asString(),
        event.path("status").asString(), Long.toString(event.path("duration").asLong()), event.path("timestamp").asString(),
        event.path("correlationId").asString(), event.path("properties").toString())).toList();
  }

  private double ingested(String service) {
    return registry.find("bellyfed.analytics.events.ingested").tag("service", service).counters().stream().mapToDouble(Counter::count).sum();
  }

  private static long replaySequence(EventEnvelope event) {
    return Long.parseLong(event.metadata().get("replaySequence"));
  }
}
