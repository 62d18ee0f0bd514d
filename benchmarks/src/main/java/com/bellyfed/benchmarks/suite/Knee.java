package com.bellyfed.benchmarks.suite;

import java.util.List;
import java.util.Optional;

/**
 * Where a stepped load stops being served: the last step, in rising order of offered load, that the flow kept up with
 * (delivered at least {@link #KEPT_UP} of what was offered, within the run and its drain, with p95 under the target),
 * and the first step it did not.
 */
public record Knee(Optional<Step> lastHeld, Optional<Step> firstFailed) {

  /** Delivered ÷ offered at or above which a step counts as kept up with. */
  public static final double KEPT_UP = 0.95;

  /**
   * One step of offered load.
   *
   * @param offered operations per second offered (paced, open loop)
   * @param delivered operations per second that completed the flow, over the step's length
   * @param p95Ms the flow's p95 latency in the step
   */
  public record Step(double offered, double delivered, double p95Ms) {

    boolean held(double p95LimitMs) {
      return delivered >= KEPT_UP * offered && p95Ms < p95LimitMs;
    }
  }

  public static Knee of(List<Step> steps, double p95LimitMs) {
    List<Step> rising = steps.stream().sorted((a, b) -> Double.compare(a.offered(), b.offered())).toList();
    Step held = null;
    for (Step step : rising) {
      if (!step.held(p95LimitMs)) {
        return new Knee(Optional.ofNullable(held), Optional.of(step));
      }
      held = step;
    }
    return new Knee(Optional.ofNullable(held), Optional.empty());
  }

  /** A sentence for the report. */
  public String describe(String unit) {
    if (lastHeld.isEmpty() && firstFailed.isEmpty()) {
      return "no steps were run";
    }
    if (lastHeld.isEmpty()) {
      return "below " + Verdict.format(firstFailed.get().offered()) + " " + unit + ": even the lowest step was not held";
    }
    if (firstFailed.isEmpty()) {
      return "above " + Verdict.format(lastHeld.get().offered()) + " " + unit + ": every step was held";
    }
    return "between " + Verdict.format(lastHeld.get().offered()) + " and " + Verdict.format(firstFailed.get().offered()) + " " + unit;
  }
}
