package com.bellyfed.benchmarks.suite;

import java.util.Locale;

/**
 * One row of the report's table: a target, what this run measured, its baseline from the same run, the ratio of the
 * measured figure to the target and the verdict. A missed target says by how much; nothing rounds a miss into a pass.
 *
 * @param ratio measured ÷ target: at most 1 meets an upper bound, at least 1 meets a lower bound; NaN when the target is 0
 *     or there is none
 */
public record Verdict(String scenario, String target, String measured, String baseline, double ratio, Outcome outcome, String verdict) {

  public enum Outcome { MET, MISSED, RECORDED }

  /** {@code measured} must be under {@code limit} (strictly: "p95 under 100 ms"). */
  public static Verdict under(String scenario, String target, double measured, double limit, String unit, String baseline) {
    if (Double.isNaN(measured)) {
      return unmeasured(scenario, target, baseline);
    }
    boolean met = measured < limit;
    return new Verdict(scenario, target, format(measured) + " " + unit, baseline, measured / limit, met ? Outcome.MET : Outcome.MISSED,
        met ? "met" : "missed by " + format(measured - limit) + " " + unit + " (" + percent(measured / limit - 1, true) + ")");
  }

  /** {@code measured} must be at most {@code limit}. */
  public static Verdict atMost(String scenario, String target, double measured, double limit, String unit, String baseline) {
    if (Double.isNaN(measured)) {
      return unmeasured(scenario, target, baseline);
    }
    boolean met = measured <= limit;
    double ratio = limit == 0 ? Double.NaN : measured / limit;
    String by = limit == 0 ? format(measured) + " " + unit + " too many" : "over by " + format(measured - limit) + " " + unit + " (" + percent(ratio - 1, true) + ")";
    return new Verdict(scenario, target, format(measured) + " " + unit, baseline, ratio, met ? Outcome.MET : Outcome.MISSED, met ? "met" : "missed: " + by);
  }

  /** {@code measured} must be at least {@code required}. */
  public static Verdict atLeast(String scenario, String target, double measured, double required, String unit, String baseline) {
    if (Double.isNaN(measured)) {
      return unmeasured(scenario, target, baseline);
    }
    boolean met = measured >= required;
    double ratio = measured / required;
    return new Verdict(scenario, target, format(measured) + " " + unit, baseline, ratio, met ? Outcome.MET : Outcome.MISSED,
        met ? "met" : "missed: " + format(required - measured) + " " + unit + " short (" + percent(1 - ratio, false) + " below)");
  }

  /** No figure (nothing arrived within the wait): a target not shown to be met is missed, never passed. */
  private static Verdict unmeasured(String scenario, String target, String baseline) {
    return new Verdict(scenario, target, "no figure", baseline, Double.NaN, Outcome.MISSED, "missed: nothing arrived within the wait");
  }

  /** A figure the issue asks for without a number to meet (start-up times, the knee). */
  public static Verdict recorded(String scenario, String target, String measured, String baseline) {
    return new Verdict(scenario, target, measured, baseline, Double.NaN, Outcome.RECORDED, "recorded");
  }

  /** The same verdict, its measured figure followed by how it was measured ("at 1,000/s for 60 s"). */
  public Verdict at(String conditions) {
    return new Verdict(scenario, target, measured + " " + conditions, baseline, ratio, outcome, verdict);
  }

  String ratioText() {
    if (Double.isNaN(ratio)) {
      return "–";
    }
    String text = String.format(Locale.ROOT, "%.2f", ratio);
    // A near miss must not read as exactly on target.
    return text.equals("1.00") && ratio != 1 ? String.format(Locale.ROOT, "%.3f", ratio) : text;
  }

  static String format(double value) {
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < 1e15) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.2f";
    return String.format(Locale.ROOT, pattern, value);
  }

  private static String percent(double fraction, boolean signed) {
    String digits = Math.abs(fraction) < 0.1 ? ".1f" : ".0f";
    return String.format(Locale.ROOT, (signed ? "%+" : "%") + digits + "%%", fraction * 100);
  }
}
