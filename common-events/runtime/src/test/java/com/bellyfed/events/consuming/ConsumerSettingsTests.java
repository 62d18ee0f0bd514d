package com.bellyfed.events.consuming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTests {

  private final ConsumerSettings settings = ConsumerSettings.defaults().withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(5));

  @Test
  void theBackoffStartsAtTheFirstAndDoublesWithEveryReceive() {
    assertThat(settings.backoff(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.backoff(3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(settings.backoff(5)).isEqualTo(Duration.ofSeconds(160));
  }

  @Test
  void theBackoffStopsAtTheCapAndNeverOverflowsHoweverOftenAMessageComesBack() {
    assertThat(settings.backoff(6)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.backoff(64)).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void theDefaultsFollowTheDesign() {
    ConsumerSettings defaults = ConsumerSettings.defaults();
    assertThat(defaults.firstBackoff()).isEqualTo(Duration.ofSeconds(10));
    assertThat(defaults.maxBackoff()).as("DESIGN.md: 5 minutes").isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.heartbeatVisibility()).isGreaterThan(defaults.heartbeatInterval());
  }

  @Test
  void aHeartbeatWhoseVisibilityEndsBeforeTheNextBeatIsRefused() {
    assertThatThrownBy(() -> settings.withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reappear between beats");
  }
}
