package com.bellyfed.localaws.cloudwatch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One datum as CloudWatch received it.
 *
 * @param dimensions by name, in the order sent
 * @param value the single value, when sent as {@code Value}
 * @param values and {@code counts}: the {@code Values}/{@code Counts} form
 * @param statistics SampleCount, Sum, Minimum, Maximum, when sent as {@code StatisticValues}
 */
public record MetricDatum(
    String namespace,
    String metricName,
    Map<String, String> dimensions,
    Instant timestamp,
    @Nullable Double value,
    List<Double> values,
    List<Double> counts,
    Map<String, Double> statistics,
    String unit,
    int storageResolution,
    Instant receivedAt) {}
