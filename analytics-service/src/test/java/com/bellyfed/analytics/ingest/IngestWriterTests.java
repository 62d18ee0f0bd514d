package com.bellyfed.analytics.ingest;

import static com.bellyfed.analytics.AnalyticsFixtures.analyticsEvent;
import static com.bellyfed.analytics.AnalyticsFixtures.replayedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.ingest.IngestWriter.PendingEvent;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The writer's rules of which copy of an event is stored and counted (decision 60); the transactions are IngestWriter's integration tests'. */
class IngestWriterTests {

  private static final Instant AT = Instant.parse("2026-12-04T09:30:12.345Z");

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
  @Test
  void aLiveDeliveryMayReplaceARowOnlyAReplayRestoredWhileAReplayedCopyOnlyFillsAGap() {
    EventEnvelope event = event();

    assertThat(IngestWriter.putCondition(pending(event))).isEqualTo("attribute_not_exists(eventId) OR attribute_exists(restoredBy)");
    assertThat(IngestWriter.putCondition(pending(replayedCopy(event, "job-1", 1)))).isEqualTo("attribute_not_exists(eventId)");
  }

  @Test
  void keepsOneCopyOfEachEventOfABatchPreferringALiveOneToAReplayedOne() {
    EventEnvelope first = event();
    EventEnvelope second = event();
    PendingEvent replayed = pending(replayedCopy(first, "job-1", 1));
    PendingEvent live = pending(first);
    PendingEvent redelivered = pending(first);
    PendingEvent other = pending(second);
    PendingEvent otherReplayed = pending(replayedCopy(second, "job-1", 2));

    List<PendingEvent> kept = IngestWriter.distinct(List.of(replayed, live, redelivered, other, otherReplayed));

    assertThat(kept).containsExactly(live, other);
    assertThat(List.of(replayed, redelivered, otherReplayed)).allSatisfy(copy -> assertThat(copy.stored()).isNotDone());
    live.stored().complete(true);
    other.stored().completeExceptionally(new IllegalStateException("DynamoDB is out"));
    assertThat(replayed.stored()).as("stored by its live copy").isCompletedWithValue(false);
    assertThat(redelivered.stored()).isCompletedWithValue(false);
    assertThat(otherReplayed.stored()).as("failed with its live copy").isCompletedExceptionally();
  }

  @Test
  void refusesAReplayedCopyThatWouldCount() {
    PendingEvent live = pending(event());
    PendingEvent copy = pending(replayedCopy(event(), "job-1", 1));

    assertThatThrownBy(() -> new PendingEvent(copy.eventId(), copy.timestamp(), copy.item(), live.contributions(), copy.expiresAt(),
        copy.size(), new CompletableFuture<>())).isInstanceOf(IllegalArgumentException.class);
  }

  private static EventEnvelope event() {
    return analyticsEvent("svc-a", Category.QUERY, Status.SUCCESS, 12, AT);
  }

  private static PendingEvent pending(EventEnvelope envelope) {
    return AnalyticsIngest.pending(envelope, AnalyticsFixtures.JSON.payload(envelope, AnalyticsEvent.class), AT, Duration.ofDays(90));
  }
}
