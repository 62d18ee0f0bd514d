package com.bellyfed.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventPublisher;
import com.bellyfed.events.sideeffects.AnalyticsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** {@code bellyfed.query.analytics.enabled} and {@code sample-rate}: how many requests emit their event. */
class QueryAnalyticsSwitchTests {

  /** Counts what it is asked to publish. */
  private static final class CountingPublisher implements EventPublisher {
    final AtomicInteger published = new AtomicInteger();

    @Override
    public EventEnvelope publish(String eventType, Object payload) {
      published.incrementAndGet();
      return null;
    }

    @Override
    public void publish(EventEnvelope envelope) {
      published.incrementAndGet();
    }
  }

  private final CountingPublisher publisher = new CountingPublisher();
  private final AnalyticsRecorder recorder = new AnalyticsRecorder(publisher, 20_000, new SimpleMeterRegistry());
  private final WebApplicationContextRunner context =
      new WebApplicationContextRunner().withUserConfiguration(AnalyticsConfiguration.class).withBean(AnalyticsRecorder.class, () -> recorder);

  @Test
  void wrapsTheApiWithTheAnalyticsFilterByDefault() {
    context.run(app -> {
      assertThat(app).hasSingleBean(FilterRegistrationBean.class);
      assertThat(app.getBean(FilterRegistrationBean.class).isEnabled()).isTrue();
      assertThat(app.getBean(FilterRegistrationBean.class).getUrlPatterns()).containsExactly("/api/*");
      serve(app.getBean(FilterRegistrationBean.class), 100);
      recorder.close(); // waits until the recorder's queue is empty

      assertThat(publisher.published).hasValue(100);
    });
  }

  @Test
  void leavesTheFilterOutWhenDisabled() {
    // A disabled registration is not added to the servlet context: no request passes the filter.
    context.withPropertyValues("bellyfed.query.analytics.enabled=false").run(app -> assertThat(app.getBean(FilterRegistrationBean.class).isEnabled()).isFalse());
  }

  @Test
  void emitsTheEventOfTheSampledShareOfRequests() throws Exception {
    context.withPropertyValues("bellyfed.query.analytics.sample-rate=0.25").run(app -> {
      serve(app.getBean(FilterRegistrationBean.class), 8_000);
      recorder.close(); // waits until the recorder's queue is empty

      // 2,000 expected; ±300 is more than 7 standard deviations (≈39).
      assertThat(publisher.published.get()).isBetween(1_700, 2_300);
    });
  }

  @Test
  void refusesASampleRateOutsideZeroToOne() {
    context.withPropertyValues("bellyfed.query.analytics.sample-rate=1.5").run(app -> assertThat(app).hasFailed());
    assertThatThrownBy(() -> new QueryAnalyticsProperties(true, -0.1)).hasMessageContaining("sample-rate");
  }

  private static void serve(FilterRegistrationBean<?> registration, int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      registration.getFilter().doFilter(new MockHttpServletRequest("GET", "/api/restaurants"), response, new MockFilterChain());
      assertThat(response.isCommitted()).isTrue();
    }
  }
}
