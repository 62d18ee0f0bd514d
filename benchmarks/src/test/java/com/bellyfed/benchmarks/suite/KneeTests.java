package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeTests {

  @Test
  void theKneeLiesBetweenTheLastStepHeldAndTheFirstNot() {
    List<Knee.Step> steps = List.of(new Knee.Step(50, 50, 60), new Knee.Step(10, 10, 40), new Knee.Step(100, 97, 120), new Knee.Step(150, 90, 3900));

    Knee knee = Knee.of(steps, 250);

    assertThat(knee.lastHeld()).map(Knee.Step::offered).contains(100.0);
    assertThat(knee.firstFailed()).map(Knee.Step::offered).contains(150.0);
    assertThat(knee.describe("reviews/s")).isEqualTo("between 100 and 150 reviews/s");
  }

  @Test
  void aStepDeliveredInFullButTooSlowIsNotHeld() {
    Knee knee = Knee.of(List.of(new Knee.Step(10, 10, 60), new Knee.Step(20, 20, 250)), 250);

    assertThat(knee.firstFailed()).map(Knee.Step::offered).contains(20.0);
  }

  @Test
  void aStepThatDeliversLessThanItsShareIsNotHeldHoweverFast() {
    Knee knee = Knee.of(List.of(new Knee.Step(100, 94, 20)), 250);

    assertThat(knee.lastHeld()).isEmpty();
    assertThat(knee.describe("reviews/s")).isEqualTo("below 100 reviews/s: even the lowest step was not held");
  }

  @Test
  void whenEveryStepHoldsTheKneeIsAboveTheHighest() {
    Knee knee = Knee.of(List.of(new Knee.Step(10, 10, 5), new Knee.Step(20, 19.5, 6)), 250);

    assertThat(knee.firstFailed()).isEmpty();
    assertThat(knee.describe("reviews/s")).isEqualTo("above 20 reviews/s: every step was held");
  }
}
