package com.bellyfed.analytics.ingest;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;
import com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping;
import com.datadoghq.sketch.ddsketch.store.UnboundedSizeDenseStore;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Duration percentiles of an aggregate row as a DDSketch whose bins are the row's own number
 * attributes ({@code b<index>}, plus {@code zeroCount}): one event adds 1 to one bin with DynamoDB's
 * atomic ADD, so an update needs no read, and merging minutes into hours or days is adding bins,
 * which is exactly DDSketch's merge. Every quantile is then within {@link #RELATIVE_ACCURACY} of the
 * exact one, however many rows were merged.
 */
public final class DurationSketch {

  /** DDSketch's relative-accuracy guarantee: a quantile q's estimate is within 1% of the exact value. */
  public static final double RELATIVE_ACCURACY = 0.01;

  static final IndexMapping MAPPING = new LogarithmicMapping(RELATIVE_ACCURACY);
  static final String ZERO_COUNT = "zeroCount";
  private static final String BIN_PREFIX = "b";

  private final DDSketch sketch = DDSketch.of(MAPPING, new UnboundedSizeDenseStore(), new UnboundedSizeDenseStore(), 0);

  /** The attribute one duration (milliseconds) adds 1 to. */
  static String binOf(long durationMillis) {
    return durationMillis <= 0 ? ZERO_COUNT : BIN_PREFIX + MAPPING.index(durationMillis);
  }

  /** Adds the bins of one aggregate row. */
  public void merge(Map<String, AttributeValue> row) {
    DDSketch rowSketch = DDSketch.of(MAPPING, new UnboundedSizeDenseStore(), new UnboundedSizeDenseStore(), number(row.get(ZERO_COUNT)));
    row.forEach((name, value) -> {
      if (name.length() > 1 && name.startsWith(BIN_PREFIX) && Character.isDigit(name.charAt(1)) && value.n() != null) {
        rowSketch.getPositiveValueStore().add(Integer.parseInt(name.substring(1)), Double.parseDouble(value.n()));
      }
    });
    sketch.mergeWith(rowSketch);
  }

  public void merge(DurationSketch other) {
    sketch.mergeWith(other.sketch);
  }

  public double count() {
    return sketch.getCount();
  }

  /** The duration at quantile {@code q} in milliseconds, or 0 when empty. */
  public double quantile(double q) {
    return sketch.isEmpty() ? 0 : sketch.getValueAtQuantile(q);
  }

  private static double number(AttributeValue value) {
    return value == null || value.n() == null ? 0 : Double.parseDouble(value.n());
  }
}
