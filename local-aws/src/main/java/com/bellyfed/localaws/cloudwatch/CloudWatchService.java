package com.bellyfed.localaws.cloudwatch;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.ServiceBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * CloudWatch's PutMetricData as the SDK sends it (Smithy RPC v2 CBOR, gzip above 10 KB), checked as the API
 * reference documents (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
 * and API_MetricDatum.html) and kept, the newest {@value #KEPT} data, for {@link #received}. Every other
 * operation answers that local-aws does not support it.
 */
public final class CloudWatchService implements ServiceBackend {

  static final int KEPT = 50_000;

  private static final CBORMapper CBOR = CBORMapper.builder().build();
  private static final byte[] EMPTY_MAP = {(byte) 0xA0};
  private static final int MAX_DATA = 1000;
  private static final int MAX_DIMENSIONS = 30;
  private static final int MAX_VALUES = 150;
  // CloudWatch takes values within 2^-360 .. 2^360 in magnitude (or 0).
  private static final double MAX_MAGNITUDE = Math.pow(2, 360);
  private static final double MIN_MAGNITUDE = Math.pow(2, -360);
  private static final int MAX_DECOMPRESSED = 1024 * 1024;
  private static final Set<String> UNITS = Set.of(
      "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
      "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
      "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
      "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

  private final Clock clock;
  private final Deque<MetricDatum> received = new ArrayDeque<>();

  public CloudWatchService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AwsResponse handle(AwsRequest request) throws IOException {
    try {
      if (!request.operation().equals("PutMetricData")) {
        throw new CloudWatchException("UnknownOperationException", "UnknownOperationException", 400,
            "local-aws's CloudWatch supports PutMetricData only, not " + request.operation());
      }
      JsonNode body = CBOR.readTree(payload(request));
      List<MetricDatum> data = putMetricData(body);
      synchronized (received) {
        data.forEach(received::addLast);
        while (received.size() > KEPT) {
          received.removeFirst();
        }
      }
      return new AwsResponse(200, headers(), EMPTY_MAP);
    } catch (CloudWatchException e) {
      return error(e);
    } catch (JacksonException e) {
      return error(new CloudWatchException("SerializationException", "SerializationException", 400,
          "The request body is not CBOR: " + e.getOriginalMessage()));
    }
  }

  /** What was received, oldest first, optionally of one namespace. */
  public List<MetricDatum> received(@Nullable String namespace) {
    synchronized (received) {
      return received.stream().filter(datum -> namespace == null || datum.namespace().equals(namespace)).toList();
    }
  }

  public void clear() {
    synchronized (received) {
      received.clear();
    }
  }

  private static byte[] payload(AwsRequest request) throws IOException {
    String encoding = request.header("Content-Encoding");
    if (encoding == null || encoding.isBlank()) {
      return request.body();
    }
    if (!encoding.equalsIgnoreCase("gzip")) {
      throw CloudWatchException.invalidValue("Content-Encoding " + encoding + " is not supported; PutMetricData takes gzip");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
      byte[] inflated = in.readNBytes(MAX_DECOMPRESSED + 1);
      if (inflated.length > MAX_DECOMPRESSED) {
        throw new CloudWatchException("RequestEntityTooLarge", "RequestEntityTooLargeException", 413,
            "PutMetricData is limited to 1 MB, uncompressed");
      }
      return inflated;
    } catch (java.util.zip.ZipException e) {
      throw CloudWatchException.invalidValue("The body is not gzip: " + e.getMessage());
    }
  }

  private List<MetricDatum> putMetricData(JsonNode body) {
    String namespace = text(body, "Namespace");
    if (namespace == null) {
      throw CloudWatchException.missing("Namespace");
    }
    if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith(":")) {
      throw CloudWatchException.invalidValue("The value " + namespace + " for parameter Namespace is invalid.");
    }
    if (namespace.startsWith("AWS/")) {
      throw CloudWatchException.invalidValue("The value AWS/ for parameter Namespace is invalid: namespaces beginning with AWS/ are reserved for AWS services.");
    }
    JsonNode data = body.path("MetricData");
    if (!data.isArray() || data.isEmpty()) {
      throw CloudWatchException.missing("MetricData");
    }
    if (data.size() > MAX_DATA) {
      throw CloudWatchException.invalidValue("The collection MetricData must not have a size greater than " + MAX_DATA + ".");
    }
    Instant now = clock.instant();
    List<MetricDatum> accepted = new ArrayList<>();
    int index = 0;
    for (JsonNode datum : data) {
      index++;
      accepted.add(datum(namespace, datum, "MetricData.member." + index, now));
    }
    return accepted;
  }

  private static MetricDatum datum(String namespace, JsonNode datum, String at, Instant now) {
    String name = text(datum, "MetricName");
    if (name == null) {
      throw CloudWatchException.missing(at + ".MetricName");
    }
    if (name.isEmpty() || name.length() > 255) {
      throw CloudWatchException.invalidValue("The value for parameter " + at + ".MetricName must be 1 to 255 characters long.");
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    JsonNode list = datum.path("Dimensions");
    if (list.size() > MAX_DIMENSIONS) {
      throw CloudWatchException.invalidValue("The collection " + at + ".Dimensions must not have a size greater than " + MAX_DIMENSIONS + ".");
    }
    int d = 0;
    for (JsonNode dimension : list) {
      d++;
      String dimensionName = text(dimension, "Name");
      String dimensionValue = text(dimension, "Value");
      if (dimensionName == null || dimensionName.isEmpty()) {
        throw CloudWatchException.missing(at + ".Dimensions.member." + d + ".Name");
      }
      if (dimensionValue == null || dimensionValue.isEmpty()) {
        throw CloudWatchException.missing(at + ".Dimensions.member." + d + ".Value");
      }
      if (dimensionName.length() > 255 || dimensionValue.length() > 1024) {
        throw CloudWatchException.invalidValue("The dimension " + at + ".Dimensions.member." + d + " is too long (name 255, value 1024 characters).");
      }
      if (dimensions.put(dimensionName, dimensionValue) != null) {
        throw CloudWatchException.invalidValue("The dimension name " + dimensionName + " appears twice in " + at + ".Dimensions.");
      }
    }
    Double value = datum.hasNonNull("Value") ? number(datum.get("Value"), at + ".Value") : null;
    List<Double> values = numbers(datum.path("Values"), at + ".Values");
    List<Double> counts = numbers(datum.path("Counts"), at + ".Counts");
    if (values.size() > MAX_VALUES) {
      throw CloudWatchException.invalidValue("The collection " + at + ".Values must not have a size greater than " + MAX_VALUES + ".");
    }
    if (!counts.isEmpty() && counts.size() != values.size()) {
      throw CloudWatchException.invalidValue("The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
    }
    Map<String, Double> statistics = new LinkedHashMap<>();
    JsonNode statisticValues = datum.path("StatisticValues");
    if (statisticValues.isObject()) {
      for (String statistic : List.of("SampleCount", "Sum", "Minimum", "Maximum")) {
        if (!statisticValues.hasNonNull(statistic)) {
          throw CloudWatchException.missing(at + ".StatisticValues." + statistic);
        }
        statistics.put(statistic, number(statisticValues.get(statistic), at + ".StatisticValues." + statistic));
      }
    }
    int forms = (value != null ? 1 : 0) + (values.isEmpty() ? 0 : 1) + (statistics.isEmpty() ? 0 : 1);
    if (forms > 1) {
      throw CloudWatchException.combination("The parameters " + at + ".Value, " + at + ".Values and " + at
          + ".StatisticValues are mutually exclusive and you have specified more than one.");
    }
    if (forms == 0) {
      throw CloudWatchException.combination("One of the parameters " + at + ".Value, " + at + ".Values or " + at
          + ".StatisticValues must be specified.");
    }
    String unit = datum.hasNonNull("Unit") ? datum.get("Unit").asString("") : "None";
    if (!UNITS.contains(unit)) {
      throw CloudWatchException.invalidValue("The value " + unit + " for parameter " + at + ".Unit is invalid.");
    }
    int resolution = datum.hasNonNull("StorageResolution") ? datum.get("StorageResolution").asInt() : 60;
    if (resolution != 1 && resolution != 60) {
      throw CloudWatchException.invalidValue("The value " + resolution + " for parameter " + at + ".StorageResolution is invalid: 1 or 60.");
    }
    Instant timestamp = now;
    if (datum.hasNonNull("Timestamp")) {
      // RPC v2 CBOR: a timestamp is epoch seconds (tag 1), integral or fractional.
      double seconds = datum.get("Timestamp").asDouble();
      timestamp = Instant.ofEpochMilli(Math.round(seconds * 1000));
      if (timestamp.isBefore(now.minus(Duration.ofDays(14))) || timestamp.isAfter(now.plus(Duration.ofHours(2)))) {
        throw CloudWatchException.invalidValue("The parameter " + at + ".Timestamp must specify a time no more than two weeks in the past"
            + " or two hours in the future.");
      }
    }
    return new MetricDatum(namespace, name, Map.copyOf(dimensions), timestamp, value, values, counts, statistics, unit, resolution, now);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString("");
  }

  private static double number(JsonNode node, String at) {
    if (!node.isNumber()) {
      throw CloudWatchException.invalidValue("The value for parameter " + at + " must be a number.");
    }
    double value = node.asDouble();
    double magnitude = Math.abs(value);
    if (Double.isNaN(value) || Double.isInfinite(value) || magnitude > MAX_MAGNITUDE || (magnitude != 0 && magnitude < MIN_MAGNITUDE)) {
      throw CloudWatchException.invalidValue("The value " + value + " for parameter " + at
          + " is invalid: values must be within 2^-360 and 2^360 in magnitude (NaN and infinities are not supported).");
    }
    return value;
  }

  private static List<Double> numbers(JsonNode list, String at) {
    List<Double> numbers = new ArrayList<>();
    int i = 0;
    for (JsonNode value : list) {
      numbers.add(number(value, at + ".member." + ++i));
    }
    return numbers;
  }

  private static Map<String, String> headers() {
    return Map.of(
        "Content-Type", "application/cbor",
        "smithy-protocol", "rpc-v2-cbor",
        "x-amzn-RequestId", UUID.randomUUID().toString());
  }

  /** An error as CloudWatch sends it, for faults injected into its traffic. */
  public static AwsResponse fault(int status, String code, String shape, String message) {
    return error(new CloudWatchException(code, shape, status, message));
  }

  private static AwsResponse error(CloudWatchException e) {
    Map<String, String> headers = new LinkedHashMap<>(headers());
    // CloudWatch is awsQueryCompatible: the SDK takes the error code from this header.
    headers.put("x-amzn-query-error", e.code() + ";" + (e.status() < 500 ? "Sender" : "Receiver"));
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", "com.amazonaws.cloudwatch#" + e.shape());
    body.put("message", e.getMessage());
    return new AwsResponse(e.status(), headers, CBOR.writeValueAsBytes(body));
  }
}
