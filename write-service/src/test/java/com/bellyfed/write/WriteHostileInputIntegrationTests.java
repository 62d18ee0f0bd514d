package com.bellyfed.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.kit.security.Actor;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService.SignedIn;
import com.bellyfed.testing.EventTap;
import com.bellyfed.write.support.WriteServiceTest;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's hostile-input list against the real write-service over HTTP, with tokens of local-aws's
 * pool (real RS256 keys) and hand-made bad ones. Every case must get a clear 4xx problem (status,
 * {@code application/problem+json}, a body that names what was wrong), write nothing (the restaurants,
 * reviews and users tables; no outbox row, no event on the restaurant or user bus) and leave the service
 * healthy. The kit's own tests prove the same generically (service-kit's ResourceServerIntegrationTests);
 * this proves it once against this service's endpoints. The revoked refresh token is
 * CognitoSignupFlowIntegrationTests's: it is the pool that refuses it, not this service.
 */
@WriteServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteHostileInputIntegrationTests {

  /** Every hostile request carries a correlation id with this prefix, so that anything it caused can be found. */
  private static final String MARKER = "hostile-" + UUID.randomUUID();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  @Autowired DynamoDbClient dynamoDb;
  @Autowired Topology topology;
  @Autowired JsonMapper json;

  private LocalAws localAws;
  private final List<EventTap> taps = new ArrayList<>();
  /** A signed-in user, an admin, and a restaurant (made by the admin) that the cases may target. */
  private SignedIn user;
  private SignedIn admin;
  private String restaurantId;

  @BeforeAll
  void tapTheBuses(LocalAws localAws) {
    this.localAws = localAws;
    String pattern = "{\"detail\":{\"correlationId\":[{\"prefix\":\"" + MARKER + "\"}]}}";
    for (String domain : List.of("restaurant", "user")) {
      taps.add(EventTap.on(localAws.sqs(), localAws.eventBridge(), topology.bus(domain).name(), pattern));
    }
  }

  @BeforeEach
  void signIn(LocalAws localAws) throws Exception {
    if (user == null) {
      user = localAws.signIn("hostile-user-" + UUID.randomUUID(), "user");
      admin = localAws.signIn("hostile-admin-" + UUID.randomUUID(), Actor.ADMIN);
      // Not under the hostile correlation: this write is meant to publish its event.
      HttpResponse<String> created = send("POST", "/api/restaurants", bytes("{\"name\":\"Hostile target\",\"city\":\"Ipoh\","
          + "\"cuisine\":\"Malay\",\"address\":\"1 Jalan\"}"), "Authorization", "Bearer " + admin.accessToken(),
          "X-Correlation-Id", "setup-" + UUID.randomUUID());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      restaurantId = json.readTree(created.body()).path("restaurantId").asString();
    }
  }

  @AfterAll
  void nothingReachedTheBuses() {
    try {
      for (EventTap tap : taps) {
        assertThat(tap.more()).as("events caused by hostile requests").isEmpty();
        assertThat(tap.received()).isEmpty();
      }
    } finally {
      taps.forEach(EventTap::close);
    }
  }

  /** A hostile request: what is sent, and what the answer must say. */
  record Case(String name, String method, Function<WriteHostileInputIntegrationTests, String> path, byte[] body,
      Function<WriteHostileInputIntegrationTests, String[]> headers, int status, String named) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String profile = "{\"displayName\":\"Hostile " + MARKER + "\"}";
    String listing = "{\"name\":\"Hostile " + MARKER + "\",\"city\":\"Ipoh\",\"cuisine\":\"Malay\",\"address\":\"1 Jalan\"}";
    List<Case> cases = new ArrayList<>();
    // Tokens: each on the user's own profile, which a good token of theirs may write.
    cases.add(token("no token", t -> null, 401, "needs a bearer token"));
    cases.add(token("expired", t -> t.adjusted(claims -> claims
        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))), 401, "expired"));
    cases.add(token("not yet valid", t -> t.adjusted(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))),
        401, "used before"));
    cases.add(token("another issuer", t -> t.adjusted(claims -> claims.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other")),
        401, "iss"));
    cases.add(token("another client", t -> t.adjusted(claims -> claims.claim("client_id", "someone-elses-app")), 401, "another client"));
    cases.add(token("an ID token", t -> t.user.idToken(), 401, "access tokens"));
    cases.add(token("alg none", t -> new PlainJWT(t.claims(t.user.accessToken())).serialize(), 401, "invalid_token"));
    cases.add(token("HS256 keyed with the public key", WriteHostileInputIntegrationTests::hs256WithPublicKey, 401, "invalid_token"));
    cases.add(token("tampered signature", t -> tampered(t.user.accessToken()), 401, "invalid_token"));
    cases.add(token("unknown kid", t -> t.signedWithUnknownKey(), 401, "invalid_token"));
    cases.add(token("not a JWT", t -> "not.a.jwt", 401, "invalid_token"));
    // Access: a plain user on the admins' endpoints.
    cases.add(new Case("a user creating a restaurant", "POST", t -> "/api/restaurants", bytes(listing), t -> t.bearer(t.user), 403, "forbidden"));
    cases.add(new Case("a user replacing a restaurant", "PUT", t -> "/api/restaurants/" + t.restaurantId, bytes(listing),
        t -> t.bearer(t.user), 403, "forbidden"));
    cases.add(new Case("a user deleting a restaurant", "DELETE", t -> "/api/restaurants/" + t.restaurantId, null,
        t -> t.bearer(t.user), 403, "forbidden"));
    cases.add(new Case("a user writing another user's profile", "PUT", t -> "/api/users/" + t.admin.sub() + "/profile", bytes(profile),
        t -> t.bearer(t.user), 403, "own resources"));
    // Sizes and structure.
    cases.add(own("an oversized body", bytes("{\"displayName\":\"" + "x".repeat(20_000) + "\"}"), 413, "16384 bytes"));
    cases.add(new Case("oversized headers", "PUT", t -> "/api/users/" + t.user.sub() + "/profile", bytes(profile),
        t -> t.bearer(t.user, "X-Padding", "p".repeat(20_000)), 431, "header"));
    // Under a field the binding skips, so that the parser itself meets the depth (a typed field refuses the first '[').
    // 10,000 deep and closed would be over the body limit (413): unclosed, the parser's depth limit answers first;
    // 8,000 deep and closed fits under the limit and shows that it is the depth, not the missing end.
    cases.add(own("JSON nested 10,000 deep", bytes("{\"displayName\":\"x\",\"skipped\":" + "[".repeat(10_000)), 400, "body"));
    cases.add(own("JSON nested 8,000 deep, closed", bytes("{\"displayName\":\"x\",\"skipped\":" + "[".repeat(8_000) + "]".repeat(8_000) + "}"),
        400, "body"));
    cases.add(own("a nested array where a text belongs", bytes("{\"displayName\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"), 400,
        "displayName"));
    cases.add(own("a number of 10,000 digits", bytes("{\"displayName\":\"x\",\"bio\":" + "9".repeat(10_000) + "}"), 400, "body"));
    cases.add(own("a number of 10,000 digits in a skipped field", bytes("{\"displayName\":\"x\",\"skipped\":" + "9".repeat(10_000) + "}"),
        400, "body"));
    cases.add(new Case("a rating of 10,000 digits", "POST", t -> "/api/restaurants/" + t.restaurantId + "/reviews",
        bytes("{\"rating\":" + "9".repeat(10_000) + "}"), t -> t.bearer(t.user), 400, "body"));
    cases.add(own("invalid UTF-8", concat(bytes("{\"displayName\":\"ab"), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("\"}")), 400, "body"));
    cases.add(own("a NUL byte", concat(bytes("{\"displayName\":\"a"), new byte[] {0}, bytes("b\"}")), 400, "body"));
    cases.add(own("an escaped NUL character", bytes("{\"displayName\":\"a\\u0000b\"}"), 400, "displayName"));
    cases.add(new Case("an escaped NUL character in a review", "POST", t -> "/api/restaurants/" + t.restaurantId + "/reviews",
        bytes("{\"rating\":5,\"text\":\"fine\\u0000<script>\"}"), t -> t.bearer(t.user), 400, "text"));
    cases.add(own("an unpaired surrogate", bytes("{\"displayName\":\"a\\ud800b\"}"), 400, "displayName"));
    // Injection strings and traversal in ids (the write API has no filters or cursors: ids are its only free text in paths).
    for (String id : List.of("1' OR '1'='1", "{\"$ne\":null}", "#{7*7}", "attribute_exists(userId)", "r1%20OR%201=1", "...", "a b")) {
      String encoded = id.contains("%") ? id : java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
      cases.add(new Case("restaurant id " + id, "PUT", t -> "/api/restaurants/" + encoded, bytes(listing), t -> t.bearer(t.admin), 400,
          "restaurantId"));
      cases.add(new Case("review id " + id, "DELETE", t -> "/api/reviews/" + encoded, null, t -> t.bearer(t.admin), 400, "reviewId"));
      cases.add(new Case("review of restaurant " + id, "POST", t -> "/api/restaurants/" + encoded + "/reviews", bytes("{\"rating\":5}"),
          t -> t.bearer(t.user), 400, "restaurantId"));
      cases.add(new Case("user id " + id, "PUT", t -> "/api/users/" + encoded + "/profile", bytes(profile), t -> t.bearer(t.admin), 400,
          "userId"));
    }
    // Refused by Spring Security's firewall before any controller: a 400 problem whose detail names what was refused
    // (service-kit's RequestRejectedHandler).
    for (String path : List.of("/api/restaurants/%2e%2e", "/api/reviews/a%3Bb", "/api/restaurants/a%3Bb/reviews")) {
      cases.add(new Case("firewall: " + path, path.endsWith("/reviews") ? "POST" : "PUT", t -> path,
          bytes(path.endsWith("/reviews") ? "{\"rating\":5}" : listing), t -> t.bearer(t.admin), 400,
          "refused by the server's firewall: its URL contains " + (path.contains("%2e") ? "an encoded dot" : "a semicolon")));
    }
    cases.add(new Case("an injection string as If-Match", "PUT", t -> "/api/restaurants/" + t.restaurantId, bytes(listing),
        t -> t.bearer(t.admin, "If-Match", "\"1\" OR version > 0"), 400, "If-Match"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAProblemAndWritesNothing(Case hostile) throws Exception {
    HttpResponse<String> answer = send(hostile.method(), hostile.path().apply(this), hostile.body(), hostile.headers().apply(this));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(hostile.status());
    assertAnswerNamesTheProblem(hostile, answer);
    assertNothingWrittenAndHealthy();
  }

  /**
   * An encoded slash or NUL in the path is refused by Tomcat itself, before any filter of the application: a 400
   * problem all the same (service-kit's error report valve), never Tomcat's HTML page; nothing written, the
   * service healthy.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("containerRefused")
  void pathsTheContainerRefusesWriteNothing(String path) throws Exception {
    HttpResponse<String> answer = send("PUT", path, bytes("{\"displayName\":\"Hostile " + MARKER + "\"}"), bearer(admin));

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("type").asString()).isEqualTo("urn:bellyfed:problem:invalid-request");
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("detail").asString()).contains("refused before it reached the service");
    assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
    assertNothingWrittenAndHealthy();
  }

  static Stream<String> containerRefused() {
    return Stream.of("/api/users/..%2F..%2Fetc%2Fpasswd/profile", "/api/users/a%00b/profile", "/api/restaurants/%24%7Bjndi%3Aldap%3A%2F%2Fx%7D");
  }

  private void assertAnswerNamesTheProblem(Case hostile, HttpResponse<String> answer) throws Exception {
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(hostile.status());
    assertThat(problem.path("type").asString()).startsWith("urn:bellyfed:problem:");
    String said = answer.body() + " " + answer.headers().firstValue("WWW-Authenticate").orElse("");
    assertThat(said).as("the answer names what was wrong").containsIgnoringCase(hostile.named());
    if (hostile.status() == 401) {
      assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }
  }

  private void assertNothingWrittenAndHealthy() throws Exception {
    assertNothingWritten();
    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  private void assertNothingWritten() {
    assertThat(dynamoDb.getItem(r -> r.tableName(topology.table("users").name()).consistentRead(true)
        .key(Map.of("userId", AttributeValue.fromS(user.sub())))).item()).as("the user's item").isEmpty();
    assertThat(dynamoDb.getItem(r -> r.tableName(topology.table("users").name()).consistentRead(true)
        .key(Map.of("userId", AttributeValue.fromS(admin.sub())))).item()).as("the other user's item").isEmpty();
    Map<String, AttributeValue> restaurant = dynamoDb.getItem(r -> r.tableName(topology.table("restaurants").name()).consistentRead(true)
        .key(Map.of("restaurantId", AttributeValue.fromS(restaurantId)))).item();
    assertThat(restaurant.get("name").s()).isEqualTo("Hostile target");
    assertThat(restaurant.get("version").n()).isEqualTo("1");
    assertThat(containing("restaurants", "name", MARKER)).as("restaurants named by a hostile request").isZero();
    assertThat(dynamoDb.query(q -> q.tableName(topology.table("reviews").name()).keyConditionExpression("restaurantId = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(restaurantId))).consistentRead(true)).count())
        .as("reviews").isZero();
    // Domain events of hostile requests (failed writes' analytics events are expected and go elsewhere).
    assertThat(dynamoDb.scan(r -> r.tableName(topology.table("outbox").name()).consistentRead(true)
            .filterExpression("contains(#envelope, :marker) AND NOT contains(eventType, :analytics)")
            .expressionAttributeNames(Map.of("#envelope", "envelope"))
            .expressionAttributeValues(Map.of(":marker", AttributeValue.fromS(MARKER), ":analytics", AttributeValue.fromS("ANALYTICS"))))
        .count()).as("outbox rows").isZero();
  }

  private int containing(String table, String attribute, String text) {
    return dynamoDb.scan(r -> r.tableName(topology.table(table).name()).consistentRead(true)
        .filterExpression("contains(#a, :text)").expressionAttributeNames(Map.of("#a", attribute))
        .expressionAttributeValues(Map.of(":text", AttributeValue.fromS(text)))).count();
  }

  private static Case token(String name, Function<WriteHostileInputIntegrationTests, String> token, int status, String named) {
    return new Case("token: " + name, "PUT", t -> "/api/users/" + t.user.sub() + "/profile",
        bytes("{\"displayName\":\"Hostile " + MARKER + "\"}"), t -> {
          String value = token.apply(t);
          return value == null ? new String[0] : new String[] {"Authorization", "Bearer " + value};
        }, status, named);
  }

  private static Case own(String name, byte[] body, int status, String named) {
    return new Case(name, "PUT", t -> "/api/users/" + t.user.sub() + "/profile", body, t -> t.bearer(t.user), status, named);
  }

  private String[] bearer(SignedIn who, String... more) {
    String[] headers = java.util.Arrays.copyOf(more, more.length + 2);
    headers[more.length] = "Authorization";
    headers[more.length + 1] = "Bearer " + who.accessToken();
    return headers;
  }

  /** The user's access token with its claims changed, signed with the pool's real key. */
  private String adjusted(java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
    return localAws.cognito().sign(localAws.userPool().userPoolId(), change.apply(new JWTClaimsSet.Builder(claims(user.accessToken()))).build());
  }

  private JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key-confusion attack: HS256, keyed with the pool's published RSA public key, under that key's kid. */
  private static String hs256WithPublicKey(WriteHostileInputIntegrationTests t) {
    try {
      JWKSet keys = JWKSet.load(URI.create(t.localAws.userPool().issuer() + "/.well-known/jwks.json").toURL());
      RSAKey published = (RSAKey) keys.getKeys().get(0);
      JWTClaimsSet admin = new JWTClaimsSet.Builder(t.claims(t.user.accessToken())).claim(Actor.GROUPS_CLAIM, List.of(Actor.ADMIN)).build();
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(), admin);
      token.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
      return token.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String signedWithUnknownKey() {
    try {
      RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(unknown.getKeyID()).build(), claims(user.accessToken()));
      token.sign(new RSASSASigner(unknown));
      return token.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    byte[] signature = new Base64URL(parts[2]).decode();
    signature[10] ^= 0x01;
    return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
  }

  /** {@code headers} may name the correlation id; else it is the hostile marker's. */
  private HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (!java.util.Arrays.asList(headers).contains("X-Correlation-Id")) {
      request.header("X-Correlation-Id", MARKER + "-" + UUID.randomUUID());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
