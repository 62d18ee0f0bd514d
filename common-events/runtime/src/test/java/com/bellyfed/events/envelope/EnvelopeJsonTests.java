package com.bellyfed.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope's JSON is a wire format between services: the expected texts below are what the
 * Jackson 2 EnvelopeJson wrote and read for the same values (captured before the move to Jackson 3),
 * and they stay the same whatever the application's own mapper is set to.
 */
class EnvelopeJsonTests {

  enum Kind {
    FIRST, SECOND;

    @Override
    public String toString() {
      return "kind-" + name().toLowerCase();
    }
  }

  record Inner(String note, Double score) {}

  record Payload(String restaurantId, int rating, BigDecimal price, Instant at, LocalDate day, Kind kind, Inner inner,
      List<String> tags, Map<String, String> extras, String absent, Duration delay) {}

  static List<EnvelopeJson> envelopeJsons() {
    // An application mapper set against the wire format on every point the envelope pins.
    JsonMapper contrary = JsonMapper.builder()
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
    return List.of(new EnvelopeJson(), new EnvelopeJson(JsonMapper.shared()), new EnvelopeJson(contrary));
  }

  @ParameterizedTest
  @MethodSource("envelopeJsons")
  void writesAnEnvelopeAndItsPayloadAsBefore(EnvelopeJson json) {
    Map<String, String> extras = new LinkedHashMap<>();
    extras.put("b", "2");
    extras.put("a", null);
    Payload payload = new Payload("r-1", 4, new BigDecimal("12.50"), Instant.parse("2026-12-04T09:30:00.120Z"),
        LocalDate.of(2026, 12, 4), Kind.SECOND, new Inner(null, 0.1), List.of("x", "é\u2028<&>\""), extras, null,
        Duration.ofMillis(1500));
    EventEnvelope envelope = new EventEnvelope("e-1", "review.created", 2, "write-service",
        Instant.parse("2026-12-04T09:30:00.123456789Z"), "c-1", null, 7L, null, json.tree(payload),
        Map.of("traceparent", "00-abc-def-01"));

    assertThat(json.write(envelope)).isEqualTo(
        "{\"eventId\":\"e-1\",\"eventType\":\"review.created\",\"eventVersion\":2,\"source\":\"write-service\","
            + "\"timestamp\":\"2026-12-04T09:30:00.123456789Z\",\"correlationId\":\"c-1\",\"sequenceNumber\":7,"
            + "\"data\":{\"restaurantId\":\"r-1\",\"rating\":4,\"price\":12.5,\"at\":\"2026-12-04T09:30:00.120Z\","
            + "\"day\":\"2026-12-04\",\"kind\":\"SECOND\",\"inner\":{\"score\":0.1},\"tags\":[\"x\",\"é\u2028<&>\\\"\"],"
            + "\"extras\":{\"b\":\"2\"},\"delay\":1.5},\"metadata\":{\"traceparent\":\"00-abc-def-01\"}}");
  }

  @ParameterizedTest
  @MethodSource("envelopeJsons")
  void writesEveryMemberThatIsSet(EnvelopeJson json) {
    EventEnvelope envelope = new EventEnvelope("e-2", "x", 1, "s", Instant.parse("2026-12-04T09:30:00Z"), "c", "cause",
        0L, "u", "admin-sub", json.tree(Map.of()), Map.of());

    String written = json.write(envelope);

    // The same text as before envelopes carried an actor, with "actor" after "userId".
    assertThat(written).isEqualTo(
        "{\"eventId\":\"e-2\",\"eventType\":\"x\",\"eventVersion\":1,\"source\":\"s\",\"timestamp\":\"2026-12-04T09:30:00Z\","
            + "\"correlationId\":\"c\",\"causationId\":\"cause\",\"sequenceNumber\":0,\"userId\":\"u\",\"actor\":\"admin-sub\","
            + "\"data\":{},\"metadata\":{}}");
    assertThat(json.read(written)).isEqualTo(envelope);
  }

  @ParameterizedTest
  @MethodSource("envelopeJsons")
  void anEnvelopeNoUserCausedHasNoActorMemberAndReadsBackWithout(EnvelopeJson json) {
    EventEnvelope envelope = new EventEnvelope("e-4", "x", 1, "s", Instant.parse("2026-12-04T09:30:00Z"), "c", null, 0L, null,
        json.tree(Map.of("k", "v")), Map.of("service", "s"));

    String written = json.write(envelope);

    assertThat(written).doesNotContain("actor");
    EventEnvelope read = json.read(written);
    assertThat(read).isEqualTo(envelope);
    assertThat(read.actor()).isNull();
  }

  @ParameterizedTest
  @MethodSource("envelopeJsons")
  void readsAnEnvelopeWithMembersItDoesNotKnowAndPrimitivesLeftOut(EnvelopeJson json) {
    EventEnvelope envelope = json.read("{\"eventId\":\"e-3\",\"eventType\":\"t\",\"timestamp\":\"2026-12-04T09:30:00.5+02:00\","
        + "\"data\":{\"restaurantId\":\"r\",\"surprise\":1},\"metadata\":{},\"extra\":true}");

    assertThat(envelope.eventVersion()).isZero();
    // Written before envelopes carried an actor: read as caused by no user.
    assertThat(envelope.actor()).isNull();
    assertThat(envelope.timestamp()).isEqualTo(Instant.parse("2026-12-04T07:30:00.500Z"));
    assertThat(envelope.data().toString()).isEqualTo("{\"restaurantId\":\"r\",\"surprise\":1}");
    Payload payload = json.payload(envelope, Payload.class);
    assertThat(payload.restaurantId()).isEqualTo("r");
    assertThat(payload.rating()).isZero();
  }
}
