package com.bellyfed.analytics.ingest;

import static com.bellyfed.analytics.AnalyticsFixtures.analyticsEvent;
import static com.bellyfed.analytics.AnalyticsFixtures.eventBridgeEvent;
import static com.bellyfed.analytics.AnalyticsFixtures.replayedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class AnalyticsIngestIntegrationTests {

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void storesEventsOfEveryCategoryWithTheirTtlAndSummarizesThemExactly(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    List<EventEnvelope> events = new ArrayList<>();
    for (Category category : Category.values()) {
      for (int i = 0; i < 3; i++) {
        events.add(analyticsEvent(service, category, i == 0 && category == Category.QUERY ? Status.FAILURE : Status.SUCCESS, 10 + i, now));
      }
    }
    AnalyticsFixtures.publishAnalytics(localAws, topology, events);

    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 12);

    Map<String, AttributeValue> stored = localAws.dynamoDb().getItem(request -> request
        .tableName(topology.table("analytics-events").name())
        .key(Map.of("eventId", AttributeValue.fromS(events.get(0).eventId())))).item();
    long ninetyDays = Instant.now().plus(Duration.ofDays(90)).getEpochSecond();
    assertThat(Long.parseLong(stored.get("expiresAt").n())).isCloseTo(ninetyDays, within(120L));
    assertThat(stored.get("service").s()).isEqualTo(service);
    assertThat(stored).containsKeys("receivedAt", "processingDelayMs");
    JsonNode listed = http.get("/api/analytics/events" + query).json().path("items").get(0);
    assertThat(listed.path("properties").path("service").asString()).as("the event's own properties").isEqualTo(service);

    JsonNode summary = http.get("/api/analytics/summary" + query).json();
    assertThat(summary.path("total").path("count").asLong()).isEqualTo(12);
    assertThat(summary.path("total").path("failures").asLong()).isEqualTo(1);
    assertThat(summary.path("total").path("errorRate").asDouble()).isCloseTo(1.0 / 12, within(1e-9));
    for (Category category : Category.values()) {
      assertThat(summary.path("total").path("byCategory").path(category.name()).asLong()).as(category.name()).isEqualTo(3);
    }
    JsonNode byType = http.get("/api/analytics/summary" + query + "&eventType=RESTAURANT_QUERY_ANALYTICS").json();
    assertThat(byType.path("total").path("count").asLong()).isEqualTo(12);
  }

  @Test
  void storesAndCountsAnEventDeliveredThreeTimesOnce(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    EventEnvelope event = analyticsEvent(service, Category.USER_ACTION, Status.SUCCESS, 42, now);
    EventEnvelope other = analyticsEvent(service, Category.USER_ACTION, Status.SUCCESS, 42, now);
    String queueUrl = queueUrl(localAws, topology.queue("analytics").name());

    // Redelivery, as SQS does after a lost acknowledgement: the same message body, three times, in one batch and later.
    localAws.sqs().sendMessageBatch(request -> request.queueUrl(queueUrl).entries(
        SendMessageBatchRequestEntry.builder().id("a").messageBody(eventBridgeEvent(event, "RestaurantQueryAnalytics")).build(),
        SendMessageBatchRequestEntry.builder().id("b").messageBody(eventBridgeEvent(event, "RestaurantQueryAnalytics")).build(),
        SendMessageBatchRequestEntry.builder().id("c").messageBody(eventBridgeEvent(other, "RestaurantQueryAnalytics")).build()));
    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(eventBridgeEvent(event, "RestaurantQueryAnalytics")));

    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 2);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, queueUrl) == 0);

    assertThat(http.get("/api/analytics/events" + query).json().path("items").size()).isEqualTo(2);
    assertThat(http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong()).isEqualTo(2);
  }

  @Test
  void storesTheNewEventsOfAPollThatAlsoRedeliversStoredOnesAndCountsEachOnce(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(analyticsEvent(service, Category.QUERY, i % 5 == 0 ? Status.FAILURE : Status.SUCCESS, 100 + i, now.plusMillis(i)));
    }
    String queueUrl = queueUrl(localAws, topology.queue("analytics").name());
    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    sendBatch(localAws, queueUrl, events.subList(0, 5));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong() == 5);

    // One batch mixing the five stored events (as after lost acknowledgements) with five new ones:
    // the stored ones cancel the shared transaction, which then commits without them.
    sendBatch(localAws, queueUrl, events);

    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, queueUrl) == 0);
    JsonNode total = http.get("/api/analytics/summary" + query).json().path("total");
    assertThat(total.path("count").asLong()).isEqualTo(10);
    assertThat(total.path("failures").asLong()).isEqualTo(2);
    assertThat(total.path("durationMean").asDouble()).as("mean of 100..109").isEqualTo(104.5);
    assertThat(total.path("byCategory").path("QUERY").asLong()).isEqualTo(10);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html (a failed condition cancels
  // the transaction and names the item in CancellationReasons)
  @Test
  void countsALiveDeliveryOnceWhetherAReplayedCopyOfItCameBeforeOrAfterIt(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    EventEnvelope counted = analyticsEvent(service, Category.QUERY, Status.SUCCESS, 10, now);
    EventEnvelope late = analyticsEvent(service, Category.QUERY, Status.FAILURE, 20, now.plusMillis(1));
    EventEnvelope together = analyticsEvent(service, Category.QUERY, Status.SUCCESS, 30, now.plusMillis(2));
    String queueUrl = queueUrl(localAws, topology.queue("analytics").name());
    String eventsTable = topology.table("analytics-events").name();
    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);

    // Live first: its replayed copy and its redeliveries find the row and change nothing.
    sendBatch(localAws, queueUrl, List.of(counted));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong() == 1);
    // A replay's copy first, as when a replay overtakes a backlog or a DLQ's redrive: it restores the row, uncounted;
    // the live delivery replaces that row and is counted, once however often it comes.
    sendBatch(localAws, queueUrl, List.of(replayedCopy(counted, "job-1", 1), replayedCopy(late, "job-1", 2)));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 2);
    assertThat(row(localAws, eventsTable, late)).containsEntry("restoredBy", AttributeValue.fromS("job-1"));
    assertThat(row(localAws, eventsTable, counted)).doesNotContainKey("restoredBy");
    sendBatch(localAws, queueUrl, List.of(counted, late, late, replayedCopy(together, "job-1", 3), together));
    sendBatch(localAws, queueUrl, List.of(late, counted));

    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 3);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, queueUrl) == 0);
    JsonNode total = http.get("/api/analytics/summary" + query).json().path("total");
    assertThat(total.path("count").asLong()).isEqualTo(3);
    assertThat(total.path("failures").asLong()).isEqualTo(1);
    assertThat(total.path("durationMean").asDouble()).as("mean of 10, 20, 30").isEqualTo(20.0);
    assertThat(List.of(counted, late, together)).allSatisfy(event ->
        assertThat(row(localAws, eventsTable, event)).as("stored by its live delivery").doesNotContainKey("restoredBy"));
  }

  private static Map<String, AttributeValue> row(LocalAws localAws, String table, EventEnvelope event) {
    return localAws.dynamoDb().getItem(request -> request.tableName(table).consistentRead(true)
        .key(Map.of("eventId", AttributeValue.fromS(event.eventId())))).item();
  }

  @Test
  void addsUpTheShardsOfAMinuteWrittenByDifferentWriters(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant minute = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    String series = AnalyticsTable.series(service, AnalyticsTable.ALL_TYPES);
    String first = com.bellyfed.analytics.paging.SortableInstant.minute(minute);
    String next = com.bellyfed.analytics.paging.SortableInstant.minute(minute.plusSeconds(60));
    putAggregate(localAws, series, AnalyticsTable.bucketStart(first, 0), 3, "b10", 3);
    putAggregate(localAws, series, AnalyticsTable.bucketStart(first, 3), 4, "b10", 4);
    putAggregate(localAws, series, AnalyticsTable.bucketStart(next, 1), 5, "b20", 5);

    JsonNode summary = http.get("/api/analytics/summary?service=" + service + "&from=" + minute
        + "&to=" + minute.plusSeconds(120) + "&bucket=minute").json();

    assertThat(summary.path("total").path("count").asLong()).isEqualTo(12);
    assertThat(summary.path("buckets").findValuesAsString("start")).containsExactly(minute.toString(), minute.plusSeconds(60).toString());
    assertThat(summary.path("buckets").get(0).path("count").asLong()).as("both shards of the first minute").isEqualTo(7);
    assertThat(summary.path("buckets").get(1).path("count").asLong()).as("the last minute's shard").isEqualTo(5);
  }

  private void putAggregate(LocalAws localAws, String series, String bucketStart, long count, String bin, long binCount) {
    localAws.dynamoDb().putItem(request -> request.tableName(topology.table("analytics-aggregates").name()).item(Map.of(
        "series", AttributeValue.fromS(series), "bucketStart", AttributeValue.fromS(bucketStart),
        "count", AttributeValue.fromN(Long.toString(count)), "failures", AttributeValue.fromN("0"),
        "durationSum", AttributeValue.fromN(Long.toString(count * 10)), bin, AttributeValue.fromN(Long.toString(binCount)))));
  }

  private static void sendBatch(LocalAws localAws, String queueUrl, List<EventEnvelope> events) {
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
          .messageBody(eventBridgeEvent(events.get(i), "RestaurantQueryAnalytics")).build());
    }
    localAws.sqs().sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
  }

  @Test
  void mergesMinutesIntoAnHourWithPercentilesWithinTheSketchErrorBound(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant hour = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
    Random random = new Random(7);
    List<Long> durations = new ArrayList<>();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Log-uniform from 1 ms to about 20 s, over five minutes of the hour.
      long duration = Math.round(Math.exp(random.nextDouble() * Math.log(20_000)));
      durations.add(duration);
      events.add(analyticsEvent(service, Category.QUERY, Status.SUCCESS, duration, hour.plus(Duration.ofMinutes(i % 5)).plusMillis(i)));
    }
    String queueUrl = queueUrl(localAws, topology.queue("analytics").name());
    for (int from = 0; from < events.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < from + 10; i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .messageBody(eventBridgeEvent(events.get(i), "RestaurantQueryAnalytics")).build());
      }
      localAws.sqs().sendMessageBatch(request -> request.queueUrl(queueUrl).entries(entries));
    }

    String query = "?service=" + service + "&from=" + hour + "&to=" + hour.plus(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong() == 300);

    JsonNode minutes = http.get("/api/analytics/summary" + query + "&bucket=minute").json();
    assertThat(minutes.path("buckets").size()).isEqualTo(5);
    JsonNode hourly = http.get("/api/analytics/summary" + query + "&bucket=hour").json();
    assertThat(hourly.path("buckets").size()).isEqualTo(1);
    JsonNode merged = hourly.path("buckets").get(0);
    assertThat(merged.path("count").asLong()).isEqualTo(300);

    Collections.sort(durations);
    double accuracy = hourly.path("relativeAccuracy").asDouble();
    assertThat(accuracy).isEqualTo(0.01);
    for (String[] quantile : new String[][] {{"durationP50", "0.5"}, {"durationP90", "0.9"}, {"durationP95", "0.95"}, {"durationP99", "0.99"}}) {
      // DDSketch's rank of quantile q among n values is q·(n-1), rounded down.
      double exact = durations.get((int) Math.floor(Double.parseDouble(quantile[1]) * (durations.size() - 1)));
      double estimate = merged.path(quantile[0]).asDouble();
      assertThat(Math.abs(estimate - exact) / exact).as(quantile[0] + ": " + estimate + " against " + exact).isLessThanOrEqualTo(accuracy + 1e-9);
    }
  }

  @Test
  void sendsAMalformedAnalyticsEventToTheDeadLetterQueueWithTheReason(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    EventEnvelope valid = analyticsEvent(service, Category.QUERY, Status.SUCCESS, 5, Instant.now());
    // No action, and a status outside the seed's SUCCESS/FAILURE.
    EventEnvelope malformed = new EventEnvelope(valid.eventId(), valid.eventType(), 1, valid.source(), valid.timestamp(),
        valid.correlationId(), null, 0, null,
        AnalyticsFixtures.data("eventType", "RESTAURANT_QUERY_ANALYTICS", "eventCategory", "QUERY", "status", "MAYBE",
            "duration", 5, "properties", Map.of("service", service)), valid.metadata());
    String queueUrl = queueUrl(localAws, topology.queue("analytics").name());

    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(eventBridgeEvent(malformed, "RestaurantQueryAnalytics")));

    String dlq = topology.deadLetterQueue("analytics").name();
    await().atMost(Duration.ofSeconds(30)).until(() -> StreamSupport.stream(http.get("/api/dlqs/" + dlq + "/messages").json().spliterator(), false)
        .anyMatch(message -> message.path("body").asString().contains(malformed.eventId())));
    JsonNode dead = StreamSupport.stream(http.get("/api/dlqs/" + dlq + "/messages").json().spliterator(), false)
        .filter(message -> message.path("body").asString().contains(malformed.eventId())).findFirst().orElseThrow();
    assertThat(dead.path("firstFailureReason").asString()).contains("data.action").contains("MAYBE");
    assertThat(dead.path("sourceQueue").asString()).isEqualTo(topology.queue("analytics").name());
    String query = "?service=" + service + "&from=" + valid.timestamp().minusSeconds(60) + "&to=" + valid.timestamp().plusSeconds(60);
    assertThat(http.get("/api/analytics/events" + query).json().path("items").size()).isZero();
    http.delete("/api/dlqs/" + dlq + "/messages/" + dead.path("messageId").asString());
  }

  @Test
  void pagesEventsWithAnOpaqueCursor(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    Instant now = Instant.now();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(analyticsEvent(service, Category.SYSTEM_EVENT, Status.SUCCESS, i, now.plusMillis(i)));
    }
    AnalyticsFixtures.publishAnalytics(localAws, topology, events);
    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/analytics/events" + query).json().path("items").size() == 5);

    List<String> paged = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = http.get("/api/analytics/events" + query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.path("items").forEach(event -> paged.add(event.path("eventId").asString()));
      cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
    } while (cursor != null);

    assertThat(paged).containsExactlyElementsOf(events.stream().map(EventEnvelope::eventId).toList());

    // A cursor is signed and names its listing: edited, or passed with another service, it is refused.
    String first = http.get("/api/analytics/events" + query + "&limit=2").json().path("nextCursor").asString();
    String payload = new String(java.util.Base64.getUrlDecoder().decode(first.substring(0, first.indexOf('.'))), java.nio.charset.StandardCharsets.UTF_8);
    String edited = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.replace(service, AnalyticsFixtures.uniqueService()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + first.substring(first.indexOf('.'));
    String otherService = "?service=" + AnalyticsFixtures.uniqueService() + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    for (String refused : List.of(query + "&cursor=" + edited, otherService + "&cursor=" + first, query + "&eventType=OTHER_ANALYTICS&cursor=" + first)) {
      HttpApi.Answer response = http.get("/api/analytics/events" + refused);
      assertThat(response.status()).as(refused).isEqualTo(400);
      assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("cursor");
    }
  }

  @Test
  void answersInvalidQueriesWithAProblemNamingEachField() {
    HttpApi.Answer response = http.get("/api/analytics/summary?from=yesterday&bucket=week&to=2026-01-01T00:00:00Z");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("service", "from", "bucket");
    assertThat(http.get("/api/analytics/events?service=a&limit=100000").json().path("errors").findValuesAsString("field")).containsExactly("limit");
    assertThat(http.get("/api/analytics/events?service=a&cursor=%27%3B--").json().path("errors").findValuesAsString("field")).containsExactly("cursor");
    assertThat(http.get("/api/analytics/summary?service=a&from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z").status()).isEqualTo(400);
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"admin\":\"S:true\"}".getBytes());
    HttpApi.Answer forgedCursor = http.get("/api/analytics/events?service=a&cursor=" + forged);
    assertThat(forgedCursor.status()).isEqualTo(400);
    assertThat(forgedCursor.json().path("errors").findValuesAsString("field")).containsExactly("cursor");
  }

  static String queueUrl(LocalAws localAws, String name) {
    return localAws.sqs().getQueueUrl(request -> request.queueName(name)).queueUrl();
  }

  static int messagesIn(LocalAws localAws, String url) {
    var attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
