package com.bellyfed.systemtests;

import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.HttpApi.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** What analytics-service's operator API shows, read with an admin's token. */
final class Analytics {

  private final Caller admin;

  Analytics(Suite suite, Users.SignedIn admin) {
    this.admin = suite.as(admin, "analytics-service");
  }

  /**
   * {@code GET /api/events?correlationId=}: the archived chain of one request, once {@code complete} holds
   * for it (the archive fills asynchronously); fails after {@code timeout}.
   */
  JsonNode chain(String correlationId, Predicate<List<JsonNode>> complete, Duration timeout) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await("the chain of " + correlationId).atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
      Answer answer = admin.get("/api/events?correlationId=" + HttpApi.encode(correlationId));
      if (answer.status() == 404) {
        return false;
      }
      if (answer.status() != 200) {
        throw new AssertionError(answer.status() + " " + answer.body());
      }
      last.set(answer.json());
      return complete.test(events(answer.json()));
    });
    return last.get();
  }

  static List<JsonNode> events(JsonNode chain) {
    return StreamSupport.stream(chain.path("events").spliterator(), false).toList();
  }

  /** {@code GET /api/analytics/events} of one service in a window, every page. */
  List<JsonNode> storedEvents(String service, Instant from, Instant to) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    do {
      String path = "/api/analytics/events?service=" + HttpApi.encode(service) + "&from=" + from + "&to=" + to + "&limit=500"
          + (cursor == null ? "" : "&cursor=" + HttpApi.encode(cursor));
      Answer page = admin.get(path);
      if (page.status() != 200) {
        throw new AssertionError(page.status() + " " + page.body());
      }
      page.json().path("items").forEach(all::add);
      JsonNode next = page.json().path("nextCursor");
      cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
    } while (cursor != null);
    return all;
  }

  /** {@code GET /api/dlqs}: how many messages a dead-letter queue holds now. */
  long deadLetters(String queue) {
    Answer answer = admin.get("/api/dlqs");
    if (answer.status() != 200) {
      throw new AssertionError(answer.status() + " " + answer.body());
    }
    JsonNode list = answer.json().isArray() ? answer.json() : answer.json().path("items");
    for (JsonNode summary : list) {
      if (summary.path("name").asString("").equals(queue)) {
        return summary.path("messages").asLong() + summary.path("inFlight").asLong();
      }
    }
    throw new AssertionError("no dead-letter queue " + queue + " in " + answer.body());
  }

  /** The path of a {@code Location}, whether the service wrote it absolute or relative. */
  static String path(String location) {
    return java.net.URI.create(location).getRawPath();
  }

  Caller api() {
    return admin;
  }
}
