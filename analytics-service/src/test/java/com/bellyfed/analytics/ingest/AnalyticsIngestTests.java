package com.bellyfed.analytics.ingest;

import static com.bellyfed.analytics.AnalyticsFixtures.analyticsEvent;
import static com.bellyfed.analytics.AnalyticsFixtures.replayedCopy;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.ingest.IngestWriter.AggregateRow;
import com.bellyfed.analytics.ingest.IngestWriter.Contribution;
import com.bellyfed.analytics.ingest.IngestWriter.PendingEvent;
import com.bellyfed.events.catalog.AnalyticsEvent;
import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which deliveries of an analytics event add to the aggregates (decision 60). */
class AnalyticsIngestTests {

  private static final Instant AT = Instant.parse("2026-12-04T09:30:12.345Z");
  private static final Instant RECEIVED = AT.plusMillis(40);

  @Test
  void countsALiveEventInItsServiceAndTypeAndInItsServiceOverAllTypesInItsMinute() {
    EventEnvelope event = analyticsEvent("svc-a", Category.QUERY, Status.FAILURE, 42, AT);

    PendingEvent pending = pending(event);

    assertThat(pending.replay()).isFalse();
    assertThat(pending.item()).doesNotContainKey(IngestWriter.RESTORED_BY);
    assertThat(pending.contributions()).containsExactly(
        new Contribution(new AggregateRow("svc-a#RESTAURANT_QUERY_ANALYTICS", "2026-12-04T09:30Z", "svc-a", "RESTAURANT_QUERY_ANALYTICS"),
            1, 42, DurationSketch.binOf(42), "cat_QUERY"),
        new Contribution(new AggregateRow("svc-a#*", "2026-12-04T09:30Z", "svc-a", "*"), 1, 42, DurationSketch.binOf(42), "cat_QUERY"));
  }

  @Test
  void storesAReplayedCopyAsTheSameRowNamingItsJobAndCountsItNowhere() {
    EventEnvelope event = analyticsEvent("svc-a", Category.USER_ACTION, Status.SUCCESS, 7, AT);

    PendingEvent live = pending(event);
    PendingEvent copy = pending(replayedCopy(event, "job-1", 3));

    assertThat(copy.replay()).isTrue();
    assertThat(copy.contributions()).isEmpty();
    assertThat(copy.item().get(IngestWriter.RESTORED_BY).s()).isEqualTo("job-1");
    Map<String, ?> restored = new java.util.HashMap<>(copy.item());
    restored.remove(IngestWriter.RESTORED_BY);
    assertThat(restored).as("the row as the live delivery stores it").isEqualTo(live.item());
  }

  @Test
  void takesAnyReplayMarkForAReplayAsTheArchiveRuleDoes() {
    EventEnvelope event = analyticsEvent("svc-a", Category.SYSTEM_EVENT, Status.SUCCESS, 7, AT);
    // The archive rule matches on the key's presence ({"exists": false}), whatever its value.
    EventEnvelope marked = event.withMetadata(Map.of(EventEnvelope.REPLAYED, "false"));

    PendingEvent pending = pending(marked);

    assertThat(pending.contributions()).isEmpty();
    assertThat(pending.item().get(IngestWriter.RESTORED_BY).s()).as("no job named").isEqualTo("unknown");
  }

  private static PendingEvent pending(EventEnvelope envelope) {
    AnalyticsEvent seed = AnalyticsFixtures.JSON.payload(envelope, AnalyticsEvent.class);
    return AnalyticsIngest.pending(envelope, seed, RECEIVED, Duration.ofDays(90));
  }
}
