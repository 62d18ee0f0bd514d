package com.bellyfed.localaws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.Json;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's own CloudWatchClient (Smithy RPC v2 CBOR, gzip above 10 KB) against local-aws. Limits and
 * errors: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html and
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html
 */
@LocalAwsTest
class CloudWatchIntegrationTests {

  private static LocalAws localAws;
  private static CloudWatchClient cloudWatch;

  @BeforeAll
  static void clients(LocalAws shared) {
    localAws = shared;
    cloudWatch = shared.cloudWatchClient();
  }

  private static String namespace() {
    return "Bellyfed/test-" + UUID.randomUUID();
  }

  private static JsonNode received(String namespace) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(localAws.endpoint() + "/_local-aws/cloudwatch/metrics?namespace="
            + java.net.URLEncoder.encode(namespace, java.nio.charset.StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void putMetricDataKeepsEachDatumWithItsNameDimensionsValueAndUnit() throws Exception {
    String namespace = namespace();
    Instant at = Instant.now().minusSeconds(30);

    cloudWatch.putMetricData(request -> request.namespace(namespace).metricData(
        MetricDatum.builder().metricName("http.server.requests.count").unit(StandardUnit.COUNT).value(7.0).timestamp(at)
            .dimensions(Dimension.builder().name("application").value("write-service").build(),
                Dimension.builder().name("flow").value("rating").build())
            .build(),
        MetricDatum.builder().metricName("latency").unit(StandardUnit.MILLISECONDS)
            .values(12.0, 40.0).counts(3.0, 1.0).build(),
        MetricDatum.builder().metricName("sizes")
            .statisticValues(statistics -> statistics.sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0)).build()));

    JsonNode data = received(namespace);
    assertThat(data).hasSize(3);
    JsonNode count = data.get(0);
    assertThat(count.path("metricName").asString("")).isEqualTo("http.server.requests.count");
    assertThat(count.path("dimensions").path("application").asString("")).isEqualTo("write-service");
    assertThat(count.path("dimensions").path("flow").asString("")).isEqualTo("rating");
    assertThat(count.path("value").asDouble()).isEqualTo(7.0);
    assertThat(count.path("unit").asString("")).isEqualTo("Count");
    assertThat(Instant.parse(count.path("timestamp").asString(""))).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(data.get(1).path("values").toString()).isEqualTo("[12.0,40.0]");
    assertThat(data.get(1).path("counts").toString()).isEqualTo("[3.0,1.0]");
    assertThat(data.get(2).path("statisticValues").path("Sum").asDouble()).isEqualTo(10.0);
    assertThat(localAws.cloudWatch().received(namespace)).hasSize(3);
  }

  @Test
  void aThousandDataInOneCompressedRequestAllArrive() throws Exception {
    // The SDK gzips PutMetricData bodies over 10,240 bytes (the operation's requestCompression trait).
    String namespace = namespace();
    List<MetricDatum> data = IntStream.range(0, 1000)
        .mapToObj(i -> MetricDatum.builder().metricName("meter-" + i).value((double) i)
            .dimensions(Dimension.builder().name("application").value("import-service").build()).build())
        .toList();

    cloudWatch.putMetricData(request -> request.namespace(namespace).metricData(data));

    assertThat(received(namespace)).hasSize(1000);
  }

  @Test
  void aNamespaceOfAwsIsRefusedAndNothingIsKept() {
    assertThatThrownBy(() -> cloudWatch.putMetricData(request -> request.namespace("AWS/EC2")
            .metricData(MetricDatum.builder().metricName("CPUUtilization").value(1.0).build())))
        .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
          assertThat(e.getMessage()).contains("AWS/");
        });
    assertThat(localAws.cloudWatch().received("AWS/EC2")).isEmpty();
  }

  @Test
  void valuesOutsideCloudWatchsRangeTimestampsOverTwoWeeksOldAndTwoFormsAtOnceAreRefused() {
    String namespace = namespace();
    assertThatThrownBy(() -> cloudWatch.putMetricData(request -> request.namespace(namespace)
            .metricData(MetricDatum.builder().metricName("huge").value(Math.pow(2, 400)).build())))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("2^360");
    assertThatThrownBy(() -> cloudWatch.putMetricData(request -> request.namespace(namespace)
            .metricData(MetricDatum.builder().metricName("old").value(1.0).timestamp(Instant.now().minus(Duration.ofDays(15))).build())))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("two weeks");
    assertThatThrownBy(() -> cloudWatch.putMetricData(request -> request.namespace(namespace)
            .metricData(MetricDatum.builder().metricName("both").value(1.0)
                .statisticValues(statistics -> statistics.sampleCount(1.0).sum(1.0).minimum(1.0).maximum(1.0)).build())))
        .isInstanceOf(InvalidParameterCombinationException.class)
        .hasMessageContaining("mutually exclusive");
    assertThatThrownBy(() -> cloudWatch.putMetricData(request -> request.namespace(namespace)
            .metricData(MetricDatum.builder().metricName("uneven").values(1.0, 2.0).counts(1.0).build())))
        .isInstanceOf(InvalidParameterValueException.class)
        .hasMessageContaining("same size");
    assertThat(localAws.cloudWatch().received(namespace)).isEmpty();
  }

  @Test
  void anyOtherOperationSaysLocalAwsDoesNotSupportIt() {
    assertThatThrownBy(() -> cloudWatch.listMetrics(request -> request.namespace("Bellyfed/dev")))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.getMessage()).contains("supports PutMetricData only", "ListMetrics");
        });
  }
}
