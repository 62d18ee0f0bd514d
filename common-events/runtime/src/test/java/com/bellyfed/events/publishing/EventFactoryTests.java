package com.bellyfed.events.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.RuntimeFixtures;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.InvalidEventException;
import com.bellyfed.events.envelope.Correlation;
import com.bellyfed.events.envelope.EventEnvelope;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventFactoryTests {

  private final EventFactory factory = RuntimeFixtures.factory();

  @Test
  void buildsTheEnvelopeFromTheCatalogAndTheCurrentCorrelation() {
    EventEnvelope envelope =
        Correlation.with("corr-1", "cause-1", () -> factory.create("restaurant.review.created", ReviewCreated.review(1), 3, "user-9"));

    assertThat(envelope.eventType()).isEqualTo("restaurant.review.created");
    assertThat(envelope.source()).isEqualTo("bellyfed.restaurant");
    assertThat(envelope.eventVersion()).isEqualTo(1);
    assertThat(envelope.correlationId()).isEqualTo("corr-1");
    assertThat(envelope.causationId()).isEqualTo("cause-1");
    assertThat(envelope.sequenceNumber()).isEqualTo(3);
    assertThat(envelope.userId()).isEqualTo("user-9");
    assertThat(envelope.data().path("rating").asInt()).isEqualTo(2);
    assertThat(envelope.metadata()).containsEntry("service", "test-service");
    assertThat(RuntimeFixtures.JSON.read(RuntimeFixtures.JSON.write(envelope))).isEqualTo(envelope);
  }

  @AfterEach
  void clearActor() {
    MDC.remove(Correlation.ACTOR);
  }

  @Test
  void takesTheActorFromTheLoggingContextWhereTheSecurityFilterPutIt() {
    // The key service-kit's ActorMdcFilter writes: the text is the contract between the two modules.
    MDC.put("actor", "sub-of-the-caller");

    EventEnvelope envelope = factory.create("restaurant.review.created", ReviewCreated.review(1), 1, "author-1");

    assertThat(envelope.actor()).isEqualTo("sub-of-the-caller");
    assertThat(envelope.userId()).isEqualTo("author-1");
    assertThat(RuntimeFixtures.JSON.write(envelope)).contains("\"actor\":\"sub-of-the-caller\"");
  }

  @Test
  void anEventNoSignedInUserCausedHasNoActor() {
    assertThat(factory.create("restaurant.review.created", ReviewCreated.review(1)).actor()).isNull();
  }

  @Test
  void eventsPublishedWhileHandlingAnEventCarryItsActorAndTheConsumerThreadKeepsNone() {
    MDC.put("actor", "sub-of-the-caller");
    EventEnvelope cause = factory.create("restaurant.review.created", ReviewCreated.review(1));
    MDC.remove(Correlation.ACTOR);

    String[] seenInLogs = new String[1];
    EventEnvelope caused = Correlation.forEvent(cause, () -> {
      seenInLogs[0] = MDC.get("actor");
      return factory.create("restaurant.review.created", ReviewCreated.review(2));
    });

    assertThat(seenInLogs[0]).isEqualTo("sub-of-the-caller");
    assertThat(caused.actor()).isEqualTo("sub-of-the-caller");
    assertThat(caused.causationId()).isEqualTo(cause.eventId());
    assertThat(MDC.get("actor")).isNull();
  }

  @Test
  void anEventWithoutActorIsHandledForNobodyEvenOnAThreadThatHadOne() {
    EventEnvelope cause = factory.create("restaurant.review.created", ReviewCreated.review(1));
    MDC.put("actor", "left-over");

    EventEnvelope caused = Correlation.forEvent(cause, () -> factory.create("restaurant.review.created", ReviewCreated.review(2)));

    assertThat(caused.actor()).isNull();
    assertThat(MDC.get("actor")).isEqualTo("left-over");
  }

  @Test
  void rejectsAnUnknownEventTypeNamingIt() {
    assertThatThrownBy(() -> factory.create("restaurant.review.liked", ReviewCreated.review(1)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("Unknown event type 'restaurant.review.liked'")
        .hasMessageContaining("restaurant.review.created");
  }

  @Test
  void rejectsAPayloadThatFailsItsConstraintsNamingTheField() {
    ReviewCreated tooGood = new ReviewCreated("r-1", "x-1", 7, "wow");

    assertThatThrownBy(() -> factory.create("restaurant.review.created", tooGood))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("field 'rating' must be less than or equal to 5");
  }

  @Test
  void rejectsAPayloadLackingAFieldTheCatalogRequires() {
    assertThatThrownBy(() -> factory.create("restaurant.review.created", Map.of("restaurantId", "x-1", "rating", 4)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("missing required field 'reviewId'");
  }

  @Test
  void routesAnyAnalyticsTypeToTheAnalyticsFamily() {
    AnalyticsEvent query =
        new AnalyticsEvent("RESTAURANT_QUERY_ANALYTICS", "EXECUTE", AnalyticsEvent.Category.QUERY, AnalyticsEvent.Status.SUCCESS, 12, Map.of());

    EventEnvelope envelope = factory.create("RESTAURANT_QUERY_ANALYTICS", query);

    assertThat(envelope.source()).isEqualTo("bellyfed.analytics");
    assertThat(RuntimeFixtures.CATALOG.require("RESTAURANT_QUERY_ANALYTICS").detailType()).isEqualTo("RestaurantQueryAnalytics");
    assertThat(RuntimeFixtures.CATALOG.require("RESTAURANT_QUERY_ANALYTICS").busDomain()).isEqualTo("analytics");
  }
}
