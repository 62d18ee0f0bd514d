package com.bellyfed.analytics.errors;

import static com.bellyfed.analytics.AnalyticsFixtures.errorOccurred;
import static com.bellyfed.analytics.AnalyticsFixtures.errorOccurredAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.analytics.paging.SortableInstant;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class ErrorsIntegrationTests {

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void storesErrorsFromTheErrorBusByServiceAndSeverityWithTheirCorrelationId(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    String correlationId = UUID.randomUUID().toString();
    List<EventEnvelope> errors = List.of(
        errorOccurred(service, Severity.HIGH, "DYNAMODB_UNAVAILABLE", correlationId),
        errorOccurred(service, Severity.HIGH, "DYNAMODB_UNAVAILABLE", correlationId),
        errorOccurred(service, Severity.LOW, "SLOW_QUERY", correlationId));
    String bus = topology.bus("error").name();
    localAws.eventBridge().putEvents(request -> request.entries(errors.stream().map(error -> PutEventsRequestEntry.builder()
        .eventBusName(bus).source("bellyfed.system").detailType("ErrorOccurred").detail(AnalyticsFixtures.JSON.write(error)).build()).toList()));

    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/errors?service=" + service).json().path("items").size() == 3);

    JsonNode page = http.get("/api/errors?service=" + service).json();
    // The one paging envelope, nothing beside it (decision 32): the counts are the items'.
    assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "nextCursor");
    assertThat(page.path("items").findValuesAsString("severity")).filteredOn("HIGH"::equals).hasSize(2);
    assertThat(page.path("items").findValuesAsString("errorCode")).filteredOn("SLOW_QUERY"::equals).hasSize(1);
    assertThat(page.path("items").findValuesAsString("correlationId")).containsOnly(correlationId);
    assertThat(page.path("items").get(0).path("context").path("table").asString()).isEqualTo("reviews");
    JsonNode low = http.get("/api/errors?service=" + service + "&severity=low").json();
    assertThat(low.path("items").findValuesAsString("errorCode")).containsExactly("SLOW_QUERY");
    JsonNode bySeverity = http.get("/api/errors?severity=HIGH&limit=500").json();
    assertThat(bySeverity.path("items").findValuesAsString("eventId")).contains(errors.get(0).eventId(), errors.get(1).eventId());
  }

  @Test
  void refusesAnUnknownSeverityAndAnInvalidInstant() {
    HttpApi.Answer unknown = http.get("/api/errors?severity=APOCALYPTIC&from=never");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("severity", "from");
  }

  @Test
  void pagesThroughAllErrorsOfEveryServiceAndSeverityNewestFirstEachOnce(LocalAws localAws) {
    // An hour of its own in the past, so that the errors other tests store now stay out of the window.
    Instant base = Instant.parse("2021-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(24 * 300)));
    List<String> services = List.of(AnalyticsFixtures.uniqueService(), AnalyticsFixtures.uniqueService(), AnalyticsFixtures.uniqueService());
    List<EventEnvelope> errors = new ArrayList<>();
    int i = 0;
    for (String service : services) {
      for (Severity severity : Severity.values()) {
        for (int n = 0; n < 2; n++, i++) {
          // Three errors per instant, of one severity or of two: ties within and across partitions that the event id breaks.
          errors.add(errorOccurredAt(service, severity, "CODE_" + (i % 3), "correlation-" + i, base.plusSeconds(10 + i / 3 * 10)));
        }
      }
    }
    publish(localAws, errors);
    String window = "&from=" + base + "&to=" + base.plus(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/errors?limit=500" + window).json().path("items").size() == errors.size());

    List<JsonNode> pages = pages(http, "/api/errors?limit=5" + window);
    assertThat(pages).hasSize(5);
    assertThat(pages.subList(0, 4)).allSatisfy(page -> assertThat(page.path("items").size()).isEqualTo(5));
    assertThat(pages.stream().flatMap(page -> page.path("items").findValuesAsString("eventId").stream()))
        .containsExactlyElementsOf(newestFirst(errors));
    JsonNode first = pages.get(0);
    assertThat(first.propertyNames()).containsExactlyInAnyOrder("items", "nextCursor");
    assertThat(first.path("items").findValuesAsString("errorCode")).hasSize(5).doesNotContain("");

    Instant from = base.plusSeconds(40);
    Instant to = base.plusSeconds(100);
    List<JsonNode> narrowed = pages(http, "/api/errors?limit=2&from=" + from + "&to=" + to);
    assertThat(narrowed.stream().flatMap(page -> page.path("items").findValuesAsString("eventId").stream()))
        .containsExactlyElementsOf(newestFirst(errors.stream()
            .filter(error -> !error.timestamp().isBefore(from) && error.timestamp().isBefore(to)).toList()));
  }

  @Test
  void refusesAnEditedCursorOfAllErrors(LocalAws localAws) {
    Instant base = Instant.parse("2020-01-01T00:00:00Z").plus(Duration.ofHours(ThreadLocalRandom.current().nextInt(24 * 300)));
    String service = AnalyticsFixtures.uniqueService();
    List<EventEnvelope> errors = List.of(
        errorOccurredAt(service, Severity.LOW, "A", "c", base.plusSeconds(1)),
        errorOccurredAt(service, Severity.CRITICAL, "B", "c", base.plusSeconds(2)),
        errorOccurredAt(service, Severity.MEDIUM, "C", "c", base.plusSeconds(3)),
        errorOccurredAt(service, Severity.CRITICAL, "D", "c", base.plusSeconds(4)));
    publish(localAws, errors);
    String window = "&from=" + base + "&to=" + base.plusSeconds(60);
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/errors?limit=500" + window).json().path("items").size() == 4);
    String cursor = http.get("/api/errors?limit=2" + window).json().path("nextCursor").asString();
    String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))), StandardCharsets.UTF_8);
    // Moving the CRITICAL partition's position one second later would repeat error D, if the cursor were taken at its word.
    // (The kit's merged cursor URL-encodes each key value, then each partition's key: the instant appears encoded twice.)
    String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace(
        twiceEncoded(SortableInstant.of(base.plusSeconds(4))), twiceEncoded(SortableInstant.of(base.plusSeconds(5)))).getBytes(StandardCharsets.UTF_8))
        + cursor.substring(cursor.indexOf('.'));
    assertThat(edited).isNotEqualTo(cursor);
    String ofOneSeverity = http.get("/api/errors?severity=LOW&limit=1" + window).json().path("nextCursor").asString();

    HttpApi.Answer tampered = http.get("/api/errors?limit=1" + window + "&cursor=" + edited);
    HttpApi.Answer foreign = http.get("/api/errors?limit=1" + window + "&cursor=" + HttpApi.encode(ofOneSeverity));

    assertThat(tampered.status()).isEqualTo(400);
    assertThat(tampered.contentType()).startsWith("application/problem+json");
    assertThat(tampered.json().path("errors").findValuesAsString("field")).containsExactly("cursor");
    assertThat(foreign.status()).isEqualTo(400);
    // A cursor of one severity's listing is refused for another's, instead of reaching DynamoDB outside the query.
    assertThat(http.get("/api/errors?severity=CRITICAL&limit=1" + window + "&cursor=" + HttpApi.encode(ofOneSeverity)).status()).isEqualTo(400);
    assertThat(http.get("/api/errors?severity=LOW&limit=1" + window + "&cursor=" + HttpApi.encode(ofOneSeverity)).status()).isEqualTo(200);
    assertThat(http.get("/api/errors?limit=1" + window + "&cursor=" + cursor).json().path("items").findValuesAsString("errorCode"))
        .containsExactly("B");
  }

  private void publish(LocalAws localAws, List<EventEnvelope> errors) {
    String bus = topology.bus("error").name();
    for (int from = 0; from < errors.size(); from += 10) {
      List<PutEventsRequestEntry> entries = errors.subList(from, Math.min(errors.size(), from + 10)).stream().map(error -> PutEventsRequestEntry.builder()
          .eventBusName(bus).source("bellyfed.system").detailType("ErrorOccurred").detail(AnalyticsFixtures.JSON.write(error)).build()).toList();
      localAws.eventBridge().putEvents(request -> request.entries(entries));
    }
  }

  /** Every page of a listing, following nextCursor until there is none. */
  private static List<JsonNode> pages(SignedInApi http, String path) {
    List<JsonNode> pages = new ArrayList<>();
    String cursor = null;
    do {
      HttpApi.Answer response = http.get(path + (cursor == null ? "" : "&cursor=" + HttpApi.encode(cursor)));
      assertThat(response.status()).isEqualTo(200);
      pages.add(response.json());
      cursor = response.json().path("nextCursor").isString() ? response.json().path("nextCursor").asString() : null;
    } while (cursor != null && pages.size() < 100);
    return pages;
  }

  /** The order the API promises: newest first, ties broken by event id, as the sort key orders them. */
  private static List<String> newestFirst(List<EventEnvelope> errors) {
    return errors.stream()
        .sorted(Comparator.comparing((EventEnvelope error) -> SortableInstant.of(error.timestamp()) + "#" + error.eventId()).reversed())
        .map(EventEnvelope::eventId).toList();
  }

  private static String twiceEncoded(String text) {
    return java.net.URLEncoder.encode(java.net.URLEncoder.encode(text, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
