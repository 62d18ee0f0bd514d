package com.bellyfed.query;

import static com.bellyfed.query.QueryFixtures.restaurant;
import static com.bellyfed.query.QueryFixtures.review;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.CognitoService;
import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.RawHttp;
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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's hostile-input list against the real service over HTTP, with tokens from local-aws's user pool:
 * refused tokens on a public read, injection strings in filters, cursors and ids, path traversal, oversized
 * query strings and headers, 10,000-digit numbers, invalid UTF-8 and NUL. Each is a 4xx problem+json naming
 * what was wrong; the service only reads, so nothing can be written, and it is healthy after every case.
 */
class QueryHostileInputIntegrationTests extends QueryServiceIntegrationTest {

  private static final String CITY = "Hostile " + UUID.randomUUID().toString().substring(0, 8);
  private static final Map<String, AttributeValue> FIRST =
      restaurant("Kedai Satu", CITY, "Nyonya", "4.5", 2, Instant.parse("2026-01-01T00:00:00Z"));
  private static final String SQL = "' OR 1=1 --";
  private static final String NOSQL = "{\"$gt\":\"\"}";
  private static final String EXPRESSION = "#a = :b OR attribute_exists(x)";
  private static final String DIGITS = "9".repeat(10_000);

  @BeforeEach
  void seed() {
    seedOnce(() -> {
      fixtures().putRestaurant(FIRST);
      fixtures().putRestaurant(restaurant("Kedai Dua", CITY, "Nyonya", "4.0", 2, Instant.parse("2026-01-02T00:00:00Z")));
      fixtures().putRestaurant(restaurant("Kedai Tiga", CITY, "Nyonya", "3.5", 2, Instant.parse("2026-01-03T00:00:00Z")));
      for (int rating = 3; rating <= 5; rating++) {
        fixtures().putReview(review(id(), UUID.randomUUID().toString(), rating, Instant.parse("2026-02-0" + rating + "T00:00:00Z")));
      }
    });
  }

  @AfterEach
  void stillHealthy() {
    HttpApi.Answer health = management("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
  }

  // --- tokens on a public read -------------------------------------------------------------------------------

  @Test
  void aPublicReadNeedsNoTokenAndTakesAValidOne(LocalAws localAws) {
    assertThat(get("/api/restaurants/" + id()).status()).isEqualTo(200);
    String token = localAws.signIn("hostile-reader").accessToken();
    assertThat(get("/api/restaurants/" + id(), "Authorization", "Bearer " + token).status()).isEqualTo(200);
    assertThat(new HttpApi(port).send("HEAD", "/api/restaurants/" + id(), null).status()).isEqualTo(200);
  }

  /** A token that cannot be checked is refused even where no token is needed (RFC 6750 section 3.1). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTokens")
  void anInvalidTokenIsRefusedEvenOnAPublicRead(String kind, Function<LocalAws, String> token, LocalAws localAws) {
    for (String path : List.of("/api/restaurants?city=" + HttpApi.encode(CITY), "/api/restaurants/" + id(), "/api/users/u-1/profile")) {
      HttpApi.Answer answer = get(path, "Authorization", "Bearer " + token.apply(localAws));

      assertThat(answer.status()).as(kind + " on " + path + ": " + answer.body()).isEqualTo(401);
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"");
      assertProblemType(answer, "unauthorized");
      assertThat(answer.json().path("instance").asString()).isEqualTo(path.replaceAll("\\?.*", ""));
    }
  }

  static Stream<Arguments> refusedTokens() {
    return Stream.of(
        tokens("expired", aws -> aws.signIn("hostile-expired", claims -> claims
            .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
            .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(10))))).accessToken()),
        tokens("not yet valid", aws -> aws.signIn("hostile-early", claims -> claims
            .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))).accessToken()),
        tokens("another issuer", aws -> aws.signIn("hostile-issuer", claims -> claims
            .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other")).accessToken()),
        tokens("another client", aws -> aws.signIn("hostile-client", claims -> claims.claim("client_id", "someone-elses-app")).accessToken()),
        tokens("an ID token", aws -> aws.signIn("hostile-id").idToken()),
        tokens("alg=none", aws -> new PlainJWT(claims(aws.signIn("hostile-none").accessToken())).serialize()),
        tokens("HS256 keyed with the pool's public key", QueryHostileInputIntegrationTests::hs256WithThePublicKey),
        tokens("a tampered signature", aws -> tamper(aws.signIn("hostile-tampered").accessToken())),
        tokens("an unknown kid", QueryHostileInputIntegrationTests::signedWithAnUnpublishedKey),
        tokens("not a JWT", aws -> "not-a-jwt"));
  }

  @Test
  void aUserTokenDoesNotOpenWhatTheServiceDoesNotServe(LocalAws localAws) {
    String user = "Bearer " + localAws.signIn("hostile-writer").accessToken();
    String admin = "Bearer " + localAws.signIn("hostile-admin", "admin").accessToken();
    String before = get("/api/restaurants/" + id()).body();
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      HttpApi.Answer anonymous = new HttpApi(port).send(method, "/api/restaurants/" + id(), "{}");
      assertThat(anonymous.status()).as(method).isEqualTo(401);
      assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
      assertProblemType(anonymous, "unauthorized");
      for (String token : List.of(user, admin)) {
        HttpApi.Answer signedIn = new HttpApi(port).send(method, "/api/restaurants/" + id(), "{}", "Authorization", token);
        assertThat(signedIn.status()).as(method).isEqualTo(403);
        assertProblemType(signedIn, "forbidden");
      }
    }
    assertThat(get("/api/restaurants/" + id()).body()).isEqualTo(before);
  }

  // --- parameters ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileParameters")
  void refusesHostileParametersNamingThem(String pathAndQuery, String field) {
    HttpApi.Answer answer = get(pathAndQuery.replace("{id}", id()));

    assertInvalid(answer, field);
  }

  static Stream<Arguments> hostileParameters() {
    return Stream.of(
        Arguments.of("/api/restaurants?city=" + HttpApi.encode(SQL), "city"),
        Arguments.of("/api/restaurants?cuisine=" + HttpApi.encode(NOSQL), "cuisine"),
        Arguments.of("/api/restaurants?city=" + HttpApi.encode(EXPRESSION), "city"),
        Arguments.of("/api/restaurants?cuisine=" + HttpApi.encode(EXPRESSION), "cuisine"),
        Arguments.of("/api/restaurants?sort=" + HttpApi.encode("rating; DROP TABLE restaurants"), "sort"),
        Arguments.of("/api/restaurants/{id}/reviews?sort=" + HttpApi.encode(SQL), "sort"),
        Arguments.of("/api/restaurants?city=Penang%00", "city"),
        Arguments.of("/api/restaurants?cuisine=%00", "cuisine"),
        Arguments.of("/api/restaurants?city=%FF%FEPenang", "city"),
        Arguments.of("/api/restaurants?city=%C0%80", "city"),
        Arguments.of("/api/restaurants?limit=" + DIGITS, "limit"),
        Arguments.of("/api/restaurants?limit=-" + DIGITS, "limit"),
        Arguments.of("/api/restaurants?minRating=" + DIGITS, "minRating"),
        Arguments.of("/api/restaurants?minRating=0." + "0".repeat(10_000) + "1", "minRating"),
        Arguments.of("/api/restaurants?minRating=1e-999999999", "minRating"),
        Arguments.of("/api/restaurants?priceLevel=" + DIGITS, "priceLevel"),
        Arguments.of("/api/restaurants/{id}/reviews?limit=" + DIGITS, "limit"),
        Arguments.of("/api/users/u-1/reviews?limit=" + DIGITS, "limit"),
        Arguments.of("/api/restaurants?cursor=" + HttpApi.encode(SQL), "cursor"),
        Arguments.of("/api/restaurants?cursor=" + HttpApi.encode(NOSQL), "cursor"),
        Arguments.of("/api/restaurants?cursor=" + HttpApi.encode(EXPRESSION), "cursor"),
        Arguments.of("/api/restaurants?cursor=Zm9vYmFy.YmF6cXV4", "cursor"),
        Arguments.of("/api/restaurants?cursor=%FF%FE", "cursor"),
        Arguments.of("/api/restaurants?cursor=" + "A".repeat(10_000), "cursor"),
        Arguments.of("/api/restaurants/{id}/reviews?cursor=....", "cursor"),
        Arguments.of("/api/users/u-1/reviews?cursor=" + HttpApi.encode("{\"userId\":{\"S\":\"u-2\"}}"), "cursor"));
  }

  /** The filters' character set still takes every real name: any script, apostrophes, dots, ampersands. */
  @Test
  void acceptsRealNamesWithTheirPunctuation() {
    for (String name : List.of("St. John's", "Xi\u2019an", "K\u00f6ln", "\u6771\u4eac", "Tex-Mex", "Fish & Chips (British)", "Kota Bharu/Kelantan")) {
      HttpApi.Answer answer = get("/api/restaurants?city=" + HttpApi.encode(name) + "&cuisine=" + HttpApi.encode(name));
      assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(200);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileIds")
  void refusesHostileIdsNamingThem(String path) {
    assertInvalid(get(path), "id");
  }

  static Stream<String> hostileIds() {
    return Stream.of(SQL, NOSQL, EXPRESSION, "x".repeat(129), "r\u00e9sum\u00e9", "\u00ff\u00fe")
        .map(HttpApi::encode)
        .flatMap(id -> Stream.of("/api/restaurants/" + id, "/api/restaurants/" + id + "/reviews", "/api/users/" + id + "/profile",
            "/api/users/" + id + "/reviews"));
  }

  /** A cursor is bound to its listing: one modified, cut short or issued for another query is refused. */
  @Test
  void refusesCursorsThatAreTamperedTruncatedOrOfAnotherQuery() {
    String search = "/api/restaurants?city=" + HttpApi.encode(CITY) + "&limit=1";
    String cursor = get(search).json().path("nextCursor").asString();
    String reviews = "/api/restaurants/" + id() + "/reviews?limit=1";
    String reviewCursor = get(reviews).json().path("nextCursor").asString();
    assertThat(cursor).isNotBlank();
    assertThat(reviewCursor).isNotBlank();
    assertThat(get(search + "&cursor=" + cursor).status()).isEqualTo(200);

    char last = cursor.charAt(cursor.length() - 1);
    String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
    int dot = cursor.indexOf('.');
    String tamperedKey = cursor.substring(0, 5) + (cursor.charAt(5) == 'A' ? 'B' : 'A') + cursor.substring(6);
    for (String refused : List.of(
        search + "&cursor=" + tampered,
        search + "&cursor=" + tamperedKey,
        search + "&cursor=" + cursor.substring(0, cursor.length() / 2),
        search + "&cursor=" + cursor.substring(0, dot),
        search + "&cursor=" + cursor.substring(0, dot + 1),
        search + "&cursor=" + cursor.substring(dot + 1) + "." + cursor.substring(0, dot),
        // another listing: other filters, another index, another endpoint
        "/api/restaurants?city=Penang&limit=1&cursor=" + cursor,
        search + "&minRating=4&cursor=" + cursor,
        search + "&sort=name&cursor=" + cursor,
        "/api/restaurants?city=" + HttpApi.encode(CITY) + "&limit=1&cursor=" + reviewCursor,
        reviews + "&sort=rating&cursor=" + reviewCursor,
        reviews + "&cursor=" + cursor,
        "/api/users/u-1/reviews?cursor=" + reviewCursor)) {
      assertInvalid(get(refused), "cursor");
    }
  }

  // --- paths --------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("traversals")
  void refusesPathTraversal(String path) {
    HttpApi.Answer answer = get(path);

    assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(400, 499);
    assertThat(answer.contentType()).as(path + ": " + answer.body()).startsWith("application/problem+json");
    assertThat(answer.body()).doesNotContain("root:", "Exception");
  }

  static Stream<String> traversals() {
    return Stream.of(
        "/api/restaurants/..%2F..%2Fetc%2Fpasswd",
        "/api/restaurants/..%2F..%2Factuator%2Fprometheus",
        "/api/users/..%2F..%2Fetc%2Fpasswd/profile",
        "/api/restaurants/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/api/restaurants/%252e%252e%252fetc%252fpasswd",
        "/api/restaurants/..%5C..%5Cetc%5Cpasswd",
        "/api/restaurants/r-1%2F..%2F..%2Fusers%2Fu-1%2Fprofile",
        "/api/restaurants/..;/..;/actuator/prometheus",
        // Refused by Tomcat before any filter, so no parameter is named: a problem all the same (service-kit's ProblemErrorReportValve).
        "/api/restaurants/%00",
        "/api/restaurants/a%00b/reviews",
        "/api/users/a%00b/profile");
  }

  // --- sizes --------------------------------------------------------------------------------------------------

  @Test
  void refusesOversizedHeaders() {
    for (HttpApi.Answer answer : List.of(
        get("/api/restaurants", "X-Padding", "p".repeat(20_000)),
        get("/api/restaurants", "Authorization", "Bearer " + "a".repeat(20_000)))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(431);
      assertProblemType(answer, "headers-too-large");
    }
  }

  /** RFC 9110 section 15.5.15: a target longer than the server reads (16 KB, the header budget) is 414. */
  @Test
  void refusesOversizedQueryStrings() {
    for (HttpApi.Answer answer : List.of(
        get("/api/restaurants?city=" + "x".repeat(20_000)),
        get("/api/restaurants?cursor=" + "A".repeat(17_000)),
        get("/api/restaurants/" + id() + "/reviews?" + "a=1&".repeat(5_000)))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(414);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().path("detail").asString()).contains("query string");
    }
    assertInvalid(get("/api/restaurants?" + "a=1&".repeat(1_000)), "query");
  }

  @Test
  void refusesAHeaderBeyondTheContainersLimitWithAProblem() {
    HttpResponse<String> answer = raw("GET /api/restaurants HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(70_000)
        + "\r\nConnection: close\r\n\r\n");

    assertThat(answer.statusCode()).isBetween(400, 499);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void refusesInvalidUtf8AndNulInHeaders() {
    HttpResponse<String> answer = raw("GET /api/restaurants/" + id() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \u00ff\u00fe\u0001\r\n"
        + "Connection: close\r\n\r\n");

    assertThat(answer.statusCode()).isBetween(400, 499);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).containsIgnoringCase("application/problem+json"));
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private static String id() {
    return FIRST.get("restaurantId").s();
  }

  private static void assertInvalid(HttpApi.Answer answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertProblemType(answer, "invalid-request");
    JsonNode errors = answer.json().path("errors");
    assertThat(errors.findValuesAsString("field")).as(answer.body()).contains(field);
    errors.forEach(error -> assertThat(error.path("reason").asString()).isNotBlank());
  }

  private static void assertProblemType(HttpApi.Answer answer, String kind) {
    assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
    assertThat(answer.json().path("type").asString()).isEqualTo("urn:bellyfed:problem:" + kind);
    assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
    assertThat(answer.body()).doesNotContain("Exception", "at com.", "software.amazon");
  }

  /** Bytes no well-behaved client sends, on a socket of its own. */
  private HttpResponse<String> raw(String request) {
    return RawHttp.send(port, request, Duration.ofSeconds(10));
  }

  private static Arguments tokens(String kind, Function<LocalAws, String> token) {
    return Arguments.of(kind, token);
  }

  private static JWTClaimsSet claims(String token) {
    try {
      return SignedJWT.parse(token).getJWTClaimsSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    byte[] signature = new Base64URL(parts[2]).decode();
    signature[10] ^= 0x01;
    return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
  }

  /** The key-confusion attack: the pool's RSA public key, published in its JWKS, used as an HMAC secret. */
  private static String hs256WithThePublicKey(LocalAws aws) {
    try {
      CognitoService.SignedIn signedIn = aws.signIn("hostile-hs256");
      JWKSet keys = JWKSet.load(java.net.URI.create(aws.userPool().issuer() + "/.well-known/jwks.json").toURL());
      RSAKey published = (RSAKey) keys.getKeys().get(0);
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
          claims(signedIn.accessToken()));
      jwt.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signedWithAnUnpublishedKey(LocalAws aws) {
    try {
      RSAKey unpublished = new RSAKeyGenerator(2048).keyID("not-in-the-jwks").generate();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(unpublished.getKeyID()).build(),
          claims(aws.signIn("hostile-kid").accessToken()));
      jwt.sign(new RSASSASigner(unpublished));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
