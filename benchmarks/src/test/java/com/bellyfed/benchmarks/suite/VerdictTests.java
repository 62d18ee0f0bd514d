package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTests {

  @Test
  void anUpperBoundMetHasARatioUnderOne() {
    Verdict verdict = Verdict.under("events", "p95 < 100 ms", 42.5, 100, "ms", "raw p95 3 ms");

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.MET);
    assertThat(verdict.verdict()).isEqualTo("met");
    assertThat(verdict.ratioText()).isEqualTo("0.43");
    assertThat(verdict.measured()).isEqualTo("42.5 ms");
  }

  @Test
  void aMissedUpperBoundSaysByHowMuch() {
    Verdict verdict = Verdict.under("events", "p95 < 100 ms", 180, 100, "ms", "raw");

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.MISSED);
    assertThat(verdict.verdict()).isEqualTo("missed by 80 ms (+80%)");
    assertThat(verdict.ratioText()).isEqualTo("1.80");
  }

  @Test
  void underIsStrictSoTheLimitItselfMisses() {
    assertThat(Verdict.under("events", "p95 < 100 ms", 100, 100, "ms", "").outcome()).isEqualTo(Verdict.Outcome.MISSED);
    assertThat(Verdict.atMost("get", "p99 ≤ 10 ms", 10, 10, "ms", "").outcome()).isEqualTo(Verdict.Outcome.MET);
  }

  @Test
  void aLowerBoundMissedSaysHowFarShort() {
    Verdict verdict = Verdict.atLeast("import", "≥ 80% of raw", 40, 80, "%", "raw 18,339/s");

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.MISSED);
    assertThat(verdict.verdict()).isEqualTo("missed: 40 % short (50% below)");
    assertThat(verdict.ratioText()).isEqualTo("0.50");
  }

  @Test
  void zeroLossHasNoRatioAndCountsWhatWasLost() {
    Verdict met = Verdict.atMost("events", "zero loss", 0, 0, "events lost", "");
    Verdict missed = Verdict.atMost("events", "zero loss", 3, 0, "events lost", "");

    assertThat(met.outcome()).isEqualTo(Verdict.Outcome.MET);
    assertThat(met.ratioText()).isEqualTo("–");
    assertThat(missed.verdict()).isEqualTo("missed: 3 events lost too many");
  }

  @Test
  void aFigureWithoutATargetIsRecordedNotJudged() {
    Verdict verdict = Verdict.recorded("Time to ready", "write-service", "21.3 s", "launch to ready");

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.RECORDED);
    assertThat(verdict.ratioText()).isEqualTo("–");
  }

  @Test
  void howAFigureWasMeasuredFollowsItAndLeavesTheTargetAlone() {
    Verdict verdict = Verdict.under("events", "p95 < 100 ms at a steady 1,000/s for 60 s", 120, 100, "ms", "raw").at("at 200/s for 10 s");

    assertThat(verdict.measured()).isEqualTo("120 ms at 200/s for 10 s");
    assertThat(verdict.target()).isEqualTo("p95 < 100 ms at a steady 1,000/s for 60 s");
    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.MISSED);
  }

  @Test
  void aNearMissKeepsEnoughDigitsNotToLookOnTarget() {
    Verdict verdict = Verdict.atLeast("events", "every write acknowledged", 99.73, 100, "%", "");

    assertThat(verdict.ratioText()).isEqualTo("0.997");
    assertThat(verdict.verdict()).isEqualTo("missed: 0.27 % short (0.3% below)");
  }

  @Test
  void noFigureAtAllIsAMissNotAPass() {
    Verdict verdict = Verdict.under("cross-domain", "p95 < 250 ms", Double.NaN, 250, "ms", "raw p95 159 ms");

    assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.MISSED);
    assertThat(verdict.measured()).isEqualTo("no figure");
    assertThat(verdict.verdict()).isEqualTo("missed: nothing arrived within the wait");
  }
}
