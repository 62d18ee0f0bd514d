package com.bellyfed.events.sideeffects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.catalog.ErrorOccurred;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventPublisher;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The error reporter's limit, from the declared rate limiter {@code errors}, applied per error code. */
class ErrorReporterTests {

  private final List<ErrorOccurred> published = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  /** Keeps what is published: the error bus itself is the integration tests' business. */
  private final EventPublisher publisher = new EventPublisher() {
    @Override
    public EventEnvelope publish(String eventType, Object payload) {
      published.add((ErrorOccurred) payload);
      return null;
    }

    @Override
    public void publish(EventEnvelope envelope) {
      throw new UnsupportedOperationException();
    }
  };

  private ErrorReporter reporter(int limit, Duration period) {
    RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    limiters.rateLimiter(ErrorReporter.LIMITER,
        RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build());
    return new ErrorReporter(publisher, "write-service", limiters, registry);
  }

  @Test
  void reportsAsManyErrorsOfACodeAsThePeriodAllowsAndCountsTheRest() {
    ErrorReporter reporter = reporter(3, Duration.ofHours(1));

    long reported = java.util.stream.IntStream.range(0, 20)
        .filter(i -> reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down " + i), Map.of(), true))
        .count();

    assertThat(reported).isEqualTo(3);
    assertThat(published).extracting(ErrorOccurred::message).containsExactly("down 0", "down 1", "down 2");
    assertThat(registry.get("bellyfed.errors.suppressed").tag("errorCode", "DYNAMODB_UNAVAILABLE").counter().count()).isEqualTo(17);
  }

  @Test
  void eachErrorCodeHasItsOwnLimit() {
    ErrorReporter reporter = reporter(1, Duration.ofHours(1));

    assertThat(reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down"), Map.of(), true)).isTrue();
    assertThat(reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down"), Map.of(), true)).isFalse();
    assertThat(reporter.report(Severity.MEDIUM, "SQS_UNAVAILABLE", new IllegalStateException("down"), Map.of(), true)).isTrue();
  }

  @Test
  void theFirstReportOfTheNextPeriodSaysHowManyWereSuppressedBeforeIt() {
    ErrorReporter reporter = reporter(2, Duration.ofSeconds(1));
    for (int i = 0; i < 7; i++) {
      reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down " + i), Map.of("table", "users"), true);
    }

    await().atMost(Duration.ofSeconds(5))
        .until(() -> reporter.limiter("DYNAMODB_UNAVAILABLE").getMetrics().getAvailablePermissions() > 0);
    assertThat(reporter.report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("still down"), Map.of(), true)).isTrue();

    assertThat(published).hasSize(3);
    ErrorOccurred last = published.get(2);
    assertThat(last.context()).containsEntry("suppressedBefore", "5").containsEntry("exception", IllegalStateException.class.getName());
    assertThat(published.get(0).context()).doesNotContainKey("suppressedBefore").containsEntry("table", "users");
  }

  @Test
  void aReportThatCannotBePublishedIsRefusedQuietly() {
    RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    limiters.rateLimiter(ErrorReporter.LIMITER, RateLimiterConfig.custom().limitForPeriod(10).timeoutDuration(Duration.ZERO).build());
    EventPublisher full = new EventPublisher() {
      @Override
      public EventEnvelope publish(String eventType, Object payload) {
        throw new IllegalStateException("buffer full");
      }

      @Override
      public void publish(EventEnvelope envelope) {
        throw new IllegalStateException("buffer full");
      }
    };

    assertThat(new ErrorReporter(full, "write-service", limiters, registry)
        .report(Severity.HIGH, "DYNAMODB_UNAVAILABLE", new IllegalStateException("down"), Map.of(), true)).isFalse();
  }
}
