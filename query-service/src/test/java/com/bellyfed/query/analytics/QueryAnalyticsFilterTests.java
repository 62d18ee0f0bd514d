package com.bellyfed.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventPublisher;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class QueryAnalyticsFilterTests {

  /** A publisher stuck for good, as a publisher waiting on a dead EventBridge with a full buffer would be. */
  private static final class StuckPublisher implements EventPublisher {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public EventEnvelope publish(String eventType, Object payload) {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("released");
    }

    @Override
    public void publish(EventEnvelope envelope) {
      publish(envelope.eventType(), envelope);
    }
  }

  @Test
  void neverHoldsARequestWhenThePublisherIsStuck() throws Exception {
    StuckPublisher publisher = new StuckPublisher();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (AnalyticsRecorder recorder = new AnalyticsRecorder(publisher, 10, registry)) {
      QueryAnalyticsFilter filter = new QueryAnalyticsFilter(recorder, "query-service", "test");

      long start = System.nanoTime();
      for (int i = 0; i < 1_000; i++) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/restaurants");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.isCommitted()).as("response flushed before the event is recorded").isTrue();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(millis).as("1,000 requests with a stuck publisher").isLessThan(2_000);
      // One event is stuck in the publisher, ten wait in the queue; the rest were dropped and counted.
      assertThat(registry.get("bellyfed.analytics.dropped").counter().count()).isGreaterThanOrEqualTo(1_000 - 11);
      publisher.release.countDown();
    }
  }
}
