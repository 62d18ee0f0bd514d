package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.JSON;
import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportApi.restaurantsIn;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import com.bellyfed.testing.HttpApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;

@ImportServiceTest
class ProgressIntegrationTests {

  @LocalServerPort int port;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @TempDir Path files;

  ImportApi api;

  @BeforeEach
  void api(LocalAws localAws) {
    api = ImportApi.asAdmin(port, localAws);
  }

  @Test
  void theProgressStreamDeliversIncreasingCountsAndEndsWithTheFinalState(LocalAws localAws) throws Exception {
    // Slow batch writes down, so that the import outlasts several progress ticks (100 ms) whatever the
    // engine's speed: local-aws's DynamoDB writes 2,000 restaurants within one tick.
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(30)).onlyFor("BatchWriteItem"));
    String jobId;
    HttpResponse<Stream<String>> stream;
    try {
      jobId = jobId(api.post(Generator.restaurants(2_000, 21, uniqueCity())));
      stream = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(api.base() + "/api/imports/" + jobId + "/progress"))
              .header("Authorization", api.authorization()).build(),
          HttpResponse.BodyHandlers.ofLines());
    } catch (IOException | InterruptedException | RuntimeException e) {
      localAws.faults().clear();
      throw e;
    }

    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> names = new ArrayList<>();
    List<JsonNode> events = new ArrayList<>();
    try (Stream<String> lines = stream.body()) {
      lines.forEach(line -> {
        if (line.startsWith("event:")) {
          names.add(line.substring(6).strip());
        } else if (line.startsWith("data:")) {
          events.add(JSON.readTree(line.substring(5).strip()));
        }
      });
    } finally {
      localAws.faults().clear();
    }
    assertThat(names).hasSizeGreaterThanOrEqualTo(3).last().isEqualTo("final");
    assertThat(names.subList(0, names.size() - 1)).containsOnly("progress");
    List<Long> written = events.stream().map(event -> event.path("counts").path("written").asLong()).toList();
    assertThat(written).isSorted();
    assertThat(written.get(0)).isLessThan(2_000);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("state").asString()).isEqualTo("COMPLETED");
    assertThat(last.path("counts").path("written").asLong()).isEqualTo(2_000);
  }

  @Test
  void theCommandLineImporterExitsZeroOnSuccessAndNonZeroOnRejectionsOrRefusal() throws Exception {
    String city = uniqueCity();
    Path good = files.resolve("restaurants.csv");
    try (OutputStream out = Files.newOutputStream(good)) {
      Generator.restaurants(500, 31, city).asCsv().writeTo(out);
    }
    Path bad = files.resolve("restaurants.ndjson");
    Files.writeString(bad, String.join("\n",
        "{\"name\":\"Fine\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":1}",
        "{\"name\":\"Fine too\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":2}",
        "{\"name\":\"Bad\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":7}"));

    Run success = cli(good.toString(), "--type", "restaurants", "--url", api.base());
    Run rejected = cli(bad.toString(), "--type", "restaurants", "--url", api.base());
    Run allowed = cli(bad.toString(), "--type", "restaurants", "--url", api.base(), "--allow-rejections");
    Run refused = cli(bad.toString(), "--type", "dishes", "--url", api.base());

    assertThat(success.exitCode()).as(success.output()).isZero();
    assertThat(success.output()).contains("COMPLETED: received 500, written 500, rejected 0");
    assertThat(rejected.exitCode()).as(rejected.output()).isEqualTo(2);
    assertThat(rejected.output()).contains("COMPLETED_WITH_ERRORS", "line 3: field 'priceLevel' must be less than or equal to 4");
    assertThat(allowed.exitCode()).as(allowed.output()).isZero();
    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(3);
    assertThat(refused.output()).contains("HTTP 400", "restaurants, reviews, users");
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(500 + 2 + 2);
  }

  @Test
  void anImportPublishesStartedProgressedAndCompletedOnTheSystemBusAndItsImportAnalytics(LocalAws localAws) {
    String correlationId = "import-" + UUID.randomUUID();
    try (EventTap system = EventTap.on(localAws, topology.bus("system").name(), correlationId);
        EventTap analytics = EventTap.on(localAws, topology.bus("analytics").name(), correlationId)) {
      HttpApi.Answer accepted = api.post("restaurants", "application/x-ndjson", ImportApi.ndjson(Generator.restaurants(1_500, 41, uniqueCity())),
          "X-Correlation-Id", correlationId);
      String jobId = jobId(accepted);

      await().atMost(Duration.ofSeconds(60)).until(() -> system.events().stream()
          .anyMatch(event -> event.path("detail-type").asString().equals("ImportCompleted")));
      List<JsonNode> events = system.events();
      assertThat(events).extracting(event -> event.path("detail-type").asString())
          .contains("ImportStarted", "ImportProgressed", "ImportCompleted")
          .doesNotContain("ImportFailed");
      JsonNode completed = events.stream().filter(event -> event.path("detail-type").asString().equals("ImportCompleted"))
          .findFirst().orElseThrow().path("detail").path("data");
      assertThat(completed.path("jobId").asString()).isEqualTo(jobId);
      assertThat(completed.path("written").asLong()).isEqualTo(1_500);
      assertThat(completed.path("received").asLong()).isEqualTo(1_500);

      await().atMost(Duration.ofSeconds(30)).until(() -> !analytics.events().isEmpty());
      JsonNode analytic = analytics.events().get(0).path("detail").path("data");
      assertThat(analytic.path("eventType").asString()).isEqualTo("IMPORT_ANALYTICS");
      assertThat(analytic.path("action").asString()).isEqualTo("IMPORT");
      assertThat(analytic.path("status").asString()).isEqualTo("SUCCESS");
      assertThat(analytic.path("properties").path("written").asLong()).isEqualTo(1_500);
      assertThat(analytic.path("properties").path("recordsPerSecond").asDouble()).isPositive();
      assertThat(analytic.path("properties").path("heapUsedBytes").asLong()).isPositive();
    }
  }

  record Run(int exitCode, String output) {}

  /** Runs bellyfed-import.jar (built by the package phase) with the java binary of this JVM. */
  private static Run cli(String... args) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-jar", Path.of("target", "bellyfed-import.jar").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
