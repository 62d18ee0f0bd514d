package com.bellyfed.analytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DurationSketchTests {

  @Test
  void mergedRowsGiveQuantilesWithinTheRelativeAccuracyOfTheExactOnes() {
    Random random = new Random(11);
    List<Long> all = new ArrayList<>();
    DurationSketch merged = new DurationSketch();
    for (int minute = 0; minute < 60; minute++) {
      Map<String, Long> bins = new HashMap<>();
      for (int i = 0; i < 50; i++) {
        long duration = random.nextInt(20) == 0 ? 0 : Math.round(Math.exp(random.nextGaussian() * 1.5 + 4));
        all.add(duration);
        bins.merge(DurationSketch.binOf(duration), 1L, Long::sum);
      }
      Map<String, AttributeValue> row = new HashMap<>();
      bins.forEach((name, count) -> row.put(name, AttributeValue.fromN(Long.toString(count))));
      row.put("count", AttributeValue.fromN("50"));
      merged.merge(row);
    }
    Collections.sort(all);

    assertThat(merged.count()).isEqualTo(all.size());
    for (double q : new double[] {0.1, 0.5, 0.9, 0.95, 0.99, 0.999}) {
      double exact = all.get((int) Math.floor(q * (all.size() - 1)));
      double estimate = merged.quantile(q);
      if (exact == 0) {
        assertThat(estimate).isZero();
      } else {
        assertThat(Math.abs(estimate - exact) / exact).as("q=" + q).isLessThanOrEqualTo(DurationSketch.RELATIVE_ACCURACY + 1e-9);
      }
    }
  }

  @Test
  void aRowsOtherAttributesAreNotTakenForBins() {
    DurationSketch sketch = new DurationSketch();
    sketch.merge(Map.of("bucketStart", AttributeValue.fromS("2026-01-01T00:00Z"), "b5", AttributeValue.fromN("2"),
        "expiresAt", AttributeValue.fromN("99999"), "count", AttributeValue.fromN("2")));

    assertThat(sketch.count()).isEqualTo(2);
  }
}
