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
import com.bellyfed.localaws.cognito.ProvisionedPool;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
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
    // engine's speed: local-aws's DynamoDB writes 2,000 restaurants within one tick. 8 chunks of 250, 4 at a time,
    // each 10 batches over 4 writers: about 6 batch latencies, 0.9 s at 150 ms (at 30 ms the whole import once fit
    // into the time the test took to open the stream, and it saw a single progress event).
    localAws.faults().inject(Fault.latency(AwsService.DYNAMODB, Duration.ofMillis(150)).onlyFor("BatchWriteItem"));
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

    String token = api.authorization().substring("Bearer ".length());
    Started successRun = cli(good.toString(), "--type", "restaurants", "--url", api.base(), "--token", token);
    Started rejectedRun = cli(bad.toString(), "--type", "restaurants", "--url", api.base(), "--token", token);
    Started allowedRun = cli(bad.toString(), "--type", "restaurants", "--url", api.base(), "--allow-rejections", "--token", token);
    Started refusedRun = cli(bad.toString(), "--type", "dishes", "--url", api.base(), "--token", token);
    Run success = successRun.finish();
    Run rejected = rejectedRun.finish();
    Run allowed = allowedRun.finish();
    Run refused = refusedRun.finish();

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

  /**
   * The importer signs in against the pool the service trusts, as the issue asks: InitiateAuth
   * USER_PASSWORD_AUTH through the AWS SDK in the jar, then Authorization: Bearer. The admin is made
   * with the SDK's admin calls, as an operator would make one.
   *
   * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html">AdminCreateUser</a>
   * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html">AdminSetUserPassword</a>
   * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html">AdminAddUserToGroup</a>
   * @see <a href="https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html">InitiateAuth:
   *     NotAuthorizedException "Incorrect username or password."</a>
   */
  @Test
  void theCommandLineImporterSignsInWithAUsernameAndPasswordOrTakesAToken(LocalAws localAws) throws Exception {
    ProvisionedPool pool = localAws.userPool();
    CognitoIdentityProviderClient cognito = localAws.cognitoIdentityProvider();
    String adminName = "cli-admin-" + UUID.randomUUID().toString().substring(0, 8);
    String plainName = "cli-user-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Correct-Horse-9-Battery";
    for (String name : List.of(adminName, plainName)) {
      cognito.adminCreateUser(request -> request.userPoolId(pool.userPoolId()).username(name).messageAction(MessageActionType.SUPPRESS)
          .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
      cognito.adminSetUserPassword(request -> request.userPoolId(pool.userPoolId()).username(name).password(password).permanent(true));
    }
    cognito.adminAddUserToGroup(request -> request.userPoolId(pool.userPoolId()).username(adminName).groupName("admin"));
    String city = uniqueCity();
    Path file = files.resolve("signed-in.ndjson");
    Files.writeString(file, "{\"name\":\"Signed In\",\"city\":\"" + city + "\",\"cuisine\":\"Thai\",\"address\":\"1 Jalan Alor\",\"priceLevel\":1}");
    List<String> signIn = List.of(file.toString(), "--type", "restaurants", "--url", api.base(), "--client-id", pool.clientId(),
        "--region", localAws.region().id(), "--cognito-endpoint", localAws.endpoint().toString());

    Started signedInRun = cli(with(signIn, "--username", adminName, "--password", password));
    Started askedRun = cli(Map.of(), password + "\n", with(signIn, "--username", adminName, "--password"));
    Started wrongPasswordRun = cli(with(signIn, "--username", adminName, "--password", "Not-The-Password-1"));
    Started unknownUserRun = cli(with(signIn, "--username", "nobody-" + UUID.randomUUID(), "--password", password));
    Started plainUserRun = cli(with(signIn, "--username", plainName, "--password", password));
    Started noCredentialsRun = cli(file.toString(), "--type", "restaurants", "--url", api.base());
    Started tokenFromTheEnvironmentRun = cli(Map.of("BELLYFED_TOKEN", api.authorization().substring("Bearer ".length())), "",
        List.of(file.toString(), "--type", "restaurants", "--url", api.base()));
    Started expiredTokenRun = cli(file.toString(), "--type", "restaurants", "--url", api.base(), "--token", localAws.signIn(adminName,
        claims -> claims.issueTime(java.util.Date.from(java.time.Instant.now().minus(Duration.ofHours(2))))
            .expirationTime(java.util.Date.from(java.time.Instant.now().minus(Duration.ofMinutes(10)))), "admin").accessToken());
    Run signedIn = signedInRun.finish();
    Run asked = askedRun.finish();
    Run wrongPassword = wrongPasswordRun.finish();
    Run unknownUser = unknownUserRun.finish();
    Run plainUser = plainUserRun.finish();
    Run noCredentials = noCredentialsRun.finish();
    Run tokenFromTheEnvironment = tokenFromTheEnvironmentRun.finish();
    Run expiredToken = expiredTokenRun.finish();

    assertThat(signedIn.exitCode()).as(signedIn.output()).isZero();
    assertThat(signedIn.output()).contains("COMPLETED: received 1, written 1");
    assertThat(asked.exitCode()).as(asked.output()).isZero();
    assertThat(wrongPassword.exitCode()).as(wrongPassword.output()).isEqualTo(4);
    assertThat(wrongPassword.output()).contains("Could not sign in as " + adminName + ": Incorrect username or password. (NotAuthorizedException)")
        .doesNotContain("Exception in thread", "\tat ");
    // The provisioned client prevents user-existence errors: an unknown user reads as a wrong password.
    assertThat(unknownUser.exitCode()).as(unknownUser.output()).isEqualTo(4);
    assertThat(unknownUser.output()).contains("Incorrect username or password.");
    assertThat(plainUser.exitCode()).as(plainUser.output()).isEqualTo(3);
    assertThat(plainUser.output()).contains("HTTP 403", "Imports are for admins");
    assertThat(noCredentials.exitCode()).as(noCredentials.output()).isEqualTo(3);
    assertThat(noCredentials.output()).contains("--token", "--username");
    assertThat(tokenFromTheEnvironment.exitCode()).as(tokenFromTheEnvironment.output()).isZero();
    assertThat(expiredToken.exitCode()).as(expiredToken.output()).isEqualTo(3);
    assertThat(expiredToken.output()).contains("HTTP 401", "expired");
    // Three imports went through: two signed in, one with the environment's token (each record gets an id of its own).
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(3);
    assertThat(api.get("/api/imports?limit=3").json().path("items")).extracting(job -> job.path("counts").path("written").asLong())
        .containsExactly(1L, 1L, 1L);
  }

  private static List<String> with(List<String> args, String... more) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of(more));
    return all;
  }

  record Run(int exitCode, String output) {}

  /** A run of the importer under way; its output goes to a file, so that nothing waits for it to be read. */
  record Started(Process process, Path output) {

    Run finish() throws IOException, InterruptedException {
      // Several runs go at once (each is a JVM start of its own, and none depends on another): on a busy
      // machine they take longer together than one alone.
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the importer ended").isTrue();
      return new Run(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
    }
  }

  private Started cli(String... args) throws IOException {
    return cli(Map.of(), "", List.of(args));
  }

  private Started cli(List<String> args) throws IOException {
    return cli(Map.of(), "", args);
  }

  /** Starts bellyfed-import.jar (built by the package phase) with the java binary of this JVM, an environment and standard input. */
  private Started cli(Map<String, String> environment, String input, List<String> args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-jar", Path.of("target", "bellyfed-import.jar").toAbsolutePath().toString()));
    command.addAll(args);
    Path output = Files.createTempFile(files, "importer-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().remove("BELLYFED_TOKEN");
    builder.environment().putAll(environment);
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    return new Started(process, output);
  }
}
