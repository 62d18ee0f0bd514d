package com.bellyfed.kit.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loops run through a declared Retry: what the attempt asks to retry is retried, and the Retry's metrics count it. */
class AttemptsTests {

  private final Retry retry = Retry.of("chunksend", RetryConfig.custom()
      .maxAttempts(3).waitDuration(Duration.ofMillis(1)).retryOnException(new TryAgainOnly()).build());

  @Test
  void retriesWhatTheAttemptAsksForAndCountsASuccessAfterRetry() {
    List<RetryOnRetryEvent> retries = new ArrayList<>();
    retry.getEventPublisher().onRetry(retries::add);

    String result = Attempts.call(retry, attempt -> {
      if (attempt < 3) {
        throw new TryAgain(new IllegalStateException("2 entries refused"));
      }
      return "sent on attempt " + attempt;
    });

    assertThat(result).isEqualTo("sent on attempt 3");
    assertThat(retries).extracting(RetryOnRetryEvent::getNumberOfRetryAttempts).containsExactly(1, 2);
    assertThat(retry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
    assertThat(retry.getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt()).isZero();
  }

  @Test
  void throwsTheLastFailureOnceTheAttemptsAreSpent() {
    List<Integer> attempts = new ArrayList<>();

    assertThatThrownBy(() -> Attempts.run(retry, attempt -> {
      attempts.add(attempt);
      throw new TryAgain(new IllegalStateException(attempt + " attempts left items unprocessed"));
    })).isInstanceOf(IllegalStateException.class).hasMessage("3 attempts left items unprocessed");

    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
  }

  @Test
  void anythingElseTheAttemptThrowsEndsTheCallAtOnceAsFailedWithoutRetry() {
    List<Integer> attempts = new ArrayList<>();

    assertThatThrownBy(() -> Attempts.run(retry, attempt -> {
      attempts.add(attempt);
      throw new IllegalArgumentException("refused as invalid");
    })).isInstanceOf(IllegalArgumentException.class);

    assertThat(attempts).containsExactly(1);
    assertThat(retry.getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
  }

  @Test
  void aSuccessAtTheFirstAttemptCountsAsWithoutRetry() {
    Attempts.run(retry, attempt -> { });

    assertThat(retry.getMetrics().getNumberOfSuccessfulCallsWithoutRetryAttempt()).isEqualTo(1);
  }

  @Test
  void aRetryConfiguredToRetryEverythingStillRetriesOnlyWhatTheAttemptAsksFor() {
    Retry everything = Retry.of("ratings", RetryConfig.custom().maxAttempts(5).waitDuration(Duration.ofMillis(1)).build());
    List<Integer> attempts = new ArrayList<>();

    assertThatThrownBy(() -> Attempts.run(everything, attempt -> {
      attempts.add(attempt);
      throw new IllegalArgumentException("refused as invalid");
    })).isInstanceOf(IllegalArgumentException.class);

    assertThat(attempts).containsExactly(1);
  }
}
