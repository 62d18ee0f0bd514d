package com.bellyfed.benchmarks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.envelope.EnvelopeJson;
import com.bellyfed.events.envelope.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

class ReviewEventsTests {

  private final EnvelopeJson json = new EnvelopeJson();

  @Test
  void payloadsCarryTheFieldsTheCatalogRequires() {
    assertThat(ReviewEvents.payload(7)).containsOnlyKeys("reviewId", "restaurantId", "rating").containsEntry("rating", 3);
    assertThat(ReviewEvents.timed(7, -42L)).containsEntry(ReviewEvents.SENT_NANOS, -42L).containsKeys("reviewId", "restaurantId", "rating");
  }

  @Test
  void aDeliveredBodyUnwrapsToTheEnvelopeAndNamesItsEventId() {
    EventEnvelope envelope = new EventEnvelope(
        "e-1", "restaurant.review.created", 1, "bellyfed.restaurant", Instant.parse("2026-01-02T03:04:05Z"), "c-1", null, 0, null,
        json.tree(ReviewEvents.timed(3, 123L)), Map.of("service", "benchmarks"));
    PutEventsRequestEntry entry =
        PutEventsRequestEntry.builder().eventBusName("bus").source("bellyfed.restaurant").detailType("ReviewCreated").detail(json.write(envelope)).build();

    String body = ReviewEvents.deliveredBody(entry, "000000000000", "us-east-1");

    assertThat(body).contains("\"detail-type\":\"ReviewCreated\"", "\"source\":\"bellyfed.restaurant\"");
    assertThat(ReviewEvents.eventId(body)).hasValue("e-1");
    EventEnvelope read = ReviewEvents.unwrap(json, body);
    assertThat(read.eventId()).isEqualTo("e-1");
    assertThat(read.data().path(ReviewEvents.SENT_NANOS).asLong()).isEqualTo(123L);
  }

  @Test
  void aBodyWithoutDetailIsRefused() {
    assertThatThrownBy(() -> ReviewEvents.unwrap(json, "{\"source\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ReviewEvents.eventId("{}")).isEmpty();
  }

  @Test
  void busyTimeIsAveragedOverTheReceiversThatGotMessages() {
    TapReceivers.Result result = new TapReceivers.Result(30, 0, List.of(1_000_000L, 4_000_000L, 0L), List.of(10L, 20L, 0L), 0, 0, null);

    // 100 µs and 200 µs per message; the idle third receiver does not count.
    assertThat(result.busyMicrosPerMessage()).isEqualTo(150.0);
  }
}
