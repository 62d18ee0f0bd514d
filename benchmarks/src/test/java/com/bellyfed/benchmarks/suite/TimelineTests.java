package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimelineTests {

  @Test
  void latenciesFallIntoTheSecondTheyHappenedIn() {
    Timeline timeline = new Timeline();
    for (int i = 1; i <= 100; i++) {
      timeline.add(0.5, i * 1000L);
      timeline.add(2.2, 50_000);
    }

    assertThat(timeline.buckets()).extracting(Timeline.Bucket::second).containsExactly(0, 2);
    Timeline.Bucket first = timeline.buckets().get(0);
    assertThat(first.count()).isEqualTo(100);
    assertThat(first.p50Ms()).isCloseTo(50, within(0.1));
    assertThat(first.p95Ms()).isCloseTo(95, within(0.1));
    assertThat(timeline.buckets().get(1).p99Ms()).isCloseTo(50, within(0.1));
    assertThat(timeline.count()).isEqualTo(200);
    assertThat(timeline.maxMs()).isCloseTo(100, within(0.1));
  }

  @Test
  void anEmptyTimelineHasNoPercentiles() {
    assertThat(new Timeline().percentileMs(95)).isNaN();
    assertThat(new Timeline().buckets()).isEmpty();
  }
}
