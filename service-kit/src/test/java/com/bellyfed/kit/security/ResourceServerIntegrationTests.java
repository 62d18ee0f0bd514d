package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.util.Base64URL;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kit's resource server over HTTP, with real RS256 tokens checked against a JWKS served on loopback: the
 * token checks of issue 18's hostile-input list, ownership, admin rules, the problem answers (RFC 9457) with
 * RFC 6750's challenge, CORS and the security headers.
 */
class ResourceServerIntegrationTests {

  private static final String ALLOWED_ORIGIN = "https://app.bellyfed.example";

  @RegisterExtension
  static final TestIssuerApp server = TestIssuerApp.with(
      "bellyfed.security.client-ids=other-client," + TestIssuer.CLIENT_ID,
      "bellyfed.security.cors.allowed-origins=" + ALLOWED_ORIGIN,
      "bellyfed.security.cors.max-age=30m",
      "bellyfed.security.jwks-refresh-interval=2s",
      "management.endpoints.web.exposure.include=health,info",
      "bellyfed.security.rate-limits.enabled=false");

  @Test
  void aWriteWithoutATokenIs401WithABareChallengeAndAProblem() throws Exception {
    HttpResponse<String> answer = put("/users/u-1/profile", null);

    assertThat(answer.statusCode()).isEqualTo(401);
    // RFC 6750 section 3.1: no error code when the request carried no credentials.
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:unauthorized\"", "\"status\":401",
        "\"instance\":\"/users/u-1/profile\"");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String token = server.issuer().access("u-1", List.of(), claims -> claims
        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))));
    assertInvalidToken(put("/users/u-1/profile", token), "expired");
  }

  @Test
  void aTokenExpiredWithinTheClockSkewIsStillAccepted() throws Exception {
    String token = server.issuer().access("u-1", List.of(), claims -> claims
        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
        .expirationTime(Date.from(Instant.now().minus(Duration.ofSeconds(20)))));
    HttpResponse<String> answer = put("/users/u-1/profile", token);
    assertThat(answer.statusCode()).as(answer.headers().map() + answer.body()).isEqualTo(200);
  }

  @Test
  void aTokenNotYetValidIsRefused() throws Exception {
    String token = server.issuer().access("u-1", List.of(), claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))));
    assertInvalidToken(put("/users/u-1/profile", token), "used before");
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    String token = server.issuer().access("u-1", List.of(), claims -> claims.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other"));
    assertInvalidToken(put("/users/u-1/profile", token), "iss");
  }

  @Test
  void aTokenOfAnotherClientIsRefused() throws Exception {
    String token = server.issuer().access("u-1", List.of(), claims -> claims.claim("client_id", "someone-elses-app"));
    assertInvalidToken(put("/users/u-1/profile", token), "another client");
  }

  @Test
  void anIdTokenIsRefusedWhereAnAccessTokenIsRequired() throws Exception {
    assertInvalidToken(put("/users/u-1/profile", server.issuer().id("u-1")), "access tokens");
  }

  @Test
  void anUnsignedTokenIsRefused() throws Exception {
    assertInvalidToken(put("/users/u-1/profile", server.issuer().unsigned("u-1")), null);
  }

  @Test
  void anHs256TokenKeyedWithThePublicKeyIsRefused() throws Exception {
    assertInvalidToken(post("/admin/replays", server.issuer().hs256WithPublicKey("u-1")), null);
  }

  @Test
  void aTamperedSignatureIsRefused() throws Exception {
    String[] parts = server.issuer().access("u-1", List.of()).split("\\.");
    byte[] signature = new Base64URL(parts[2]).decode();
    signature[10] ^= 0x01;
    String tampered = parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
    assertInvalidToken(put("/users/u-1/profile", tampered), null);
  }

  @Test
  void tamperedClaimsUnderAValidSignatureAreRefused() throws Exception {
    String[] user = server.issuer().access("u-1", List.of()).split("\\.");
    String[] admin = server.issuer().access("u-1", List.of(Actor.ADMIN)).split("\\.");
    assertInvalidToken(post("/admin/replays", admin[0] + "." + admin[1] + "." + user[2]), null);
  }

  @Test
  void aTokenWithAnUnknownKeyIdIsRefused() throws Exception {
    assertInvalidToken(put("/users/u-1/profile", server.issuer().signedWithUnpublishedKey("u-1")), null);
  }

  @Test
  void tokensWithUnknownKeyIdsDoNotMakeTheServiceHammerTheIssuer() throws Exception {
    put("/users/u-1/profile", server.issuer().access("u-1", List.of()));
    int before = server.issuer().jwksReads();
    for (int i = 0; i < 20; i++) {
      assertThat(put("/users/u-1/profile", server.issuer().signedWithUnpublishedKey("u-1")).statusCode()).isEqualTo(401);
    }
    assertThat(server.issuer().jwksReads() - before).isLessThanOrEqualTo(2);
  }

  @Test
  void aRotatedKeyIsAcceptedOnceTheRefreshIntervalAllowsAnotherRead() throws Exception {
    assertThat(put("/users/u-1/profile", server.issuer().access("u-1", List.of())).statusCode()).isEqualTo(200);
    server.issuer().rotate();
    String signedWithTheNewKey = server.issuer().access("u-1", List.of());
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(put("/users/u-1/profile", signedWithTheNewKey).statusCode()).isEqualTo(200));
  }

  @Test
  void aUserWritesTheirOwnProfile() throws Exception {
    HttpResponse<String> answer = put("/users/u-1/profile", server.issuer().access("u-1", List.of("user")));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"writtenBy\":\"u-1\"");
  }

  @Test
  void theCallersSubIsTheLogActorWhileTheRequestRunsAndNoneAfter() throws Exception {
    SecuredTestApplication.MdcProbe probe = server.app().getBean(SecuredTestApplication.MdcProbe.class);
    // An admin acting on another user's profile: the actor is the caller, not the user the path names.
    HttpResponse<String> written = send(HttpRequest.newBuilder(server.base().resolve("/users/u-2/profile"))
        .header("Authorization", "Bearer " + server.issuer().access("admin-7", List.of(Actor.ADMIN)))
        .header("Content-Type", "application/json")
        .header(SecuredTestApplication.MdcProbe.HEADER, "signed-in")
        .PUT(HttpRequest.BodyPublishers.ofString("{}")));
    HttpResponse<String> read = send(HttpRequest.newBuilder(server.base().resolve("/restaurants/r-1"))
        .header(SecuredTestApplication.MdcProbe.HEADER, "anonymous").GET());

    assertThat(written.statusCode()).isEqualTo(200);
    assertThat(written.body()).contains("\"loggedActor\":\"admin-7\"");
    assertThat(read.body()).contains("\"loggedActor\":\"none\"");
    // The server thread goes back to its pool without the user: the next request there is nobody's.
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(probe.leftAfter("signed-in")).hasValue("none"));
    await().atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(probe.leftAfter("anonymous")).hasValue("none"));
  }

  @Test
  void aUserWritingAnotherUsersProfileGets403() throws Exception {
    HttpResponse<String> answer = put("/users/u-2/profile", server.issuer().access("u-1", List.of("user")));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:forbidden\"", "\"status\":403");
  }

  @Test
  void anAdminWritesAnyUsersProfile() throws Exception {
    HttpResponse<String> answer = put("/users/u-2/profile", server.issuer().access("admin-1", List.of(Actor.ADMIN)));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"writtenBy\":\"admin-1\"", "\"admin\":true");
  }

  @Test
  void aUserOnAnAdminEndpointGets403() throws Exception {
    HttpResponse<String> answer = post("/admin/replays", server.issuer().access("u-1", List.of("user")));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:forbidden\"", "\"instance\":\"/admin/replays\"");
  }

  @Test
  void anAdminReachesTheAdminEndpoint() throws Exception {
    HttpResponse<String> answer = post("/admin/replays", server.issuer().access("admin-1", List.of(Actor.ADMIN)));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"startedBy\":\"user-admin-1\"");
  }

  @Test
  void anAccessDeniedRaisedInAControllerIs403NotA500() throws Exception {
    HttpResponse<String> answer = post("/admin/denied-inside", server.issuer().access("admin-1", List.of(Actor.ADMIN)));
    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:forbidden\"", "\"instance\":\"/admin/denied-inside\"");
  }

  @Test
  void theOpenApiDocumentAndSwaggerUiArePublic() throws Exception {
    HttpResponse<String> document = send(HttpRequest.newBuilder(server.base().resolve("/v3/api-docs")).GET());
    assertThat(document.statusCode()).isEqualTo(200);
    // The actor comes from the token: no "actor" parameter; the bearer scheme is declared.
    assertThat(document.body()).doesNotContain("\"name\":\"actor\"").contains("\"bearerFormat\":\"JWT\"");
    HttpResponse<String> swagger = send(HttpRequest.newBuilder(server.base().resolve("/swagger-ui/index.html")).GET());
    assertThat(swagger.statusCode()).isEqualTo(200);
    assertThat(swagger.headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  @Test
  void healthIsPublicAndOtherActuatorEndpointsAreNot() throws Exception {
    HttpResponse<String> health = send(HttpRequest.newBuilder(server.base().resolve("/actuator/health")).GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(send(HttpRequest.newBuilder(server.base().resolve("/actuator/info")).GET()).statusCode()).isEqualTo(401);
  }

  @Test
  void publicReadsNeedNoToken() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(server.base().resolve("/restaurants/r-1")).GET());
    assertThat(answer.statusCode()).isEqualTo(200);
  }

  @Test
  void aPathNoRuleNamesIsRefusedEvenToASignedInUser() throws Exception {
    assertThat(send(HttpRequest.newBuilder(server.base().resolve("/unlisted")).GET()).statusCode()).isEqualTo(401);
    HttpResponse<String> signedIn = send(HttpRequest.newBuilder(server.base().resolve("/unlisted"))
        .header("Authorization", "Bearer " + server.issuer().access("admin-1", List.of(Actor.ADMIN))).GET());
    assertThat(signedIn.statusCode()).isEqualTo(403);
  }

  @Test
  void anAllowedOriginGetsCorsHeadersWithCredentials() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(server.base().resolve("/restaurants/r-1")).header("Origin", ALLOWED_ORIGIN).GET());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
  }

  @Test
  void anotherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(server.base().resolve("/restaurants/r-1")).header("Origin", "https://evil.example").GET());
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredAndCached() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(server.base().resolve("/users/u-1/profile"))
        .header("Origin", ALLOWED_ORIGIN)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
    assertThat(answer.headers().firstValue("Access-Control-Max-Age")).hasValue("1800");
  }

  @Test
  void aPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(server.base().resolve("/users/u-1/profile"))
        .header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "PUT")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void answersCarryTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> answer : List.of(
        send(HttpRequest.newBuilder(server.base().resolve("/restaurants/r-1")).GET()),
        put("/users/u-1/profile", null))) {
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
      // Plain http: HSTS would be meaningless (RFC 6797 section 7.2), so Spring leaves it out.
      assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void aRequestIsTimedOnceNotOncePerSecurityFilter() throws Exception {
    MeterRegistry meters = server.app().getBean(MeterRegistry.class);
    String token = server.issuer().access("u-7", List.of());

    assertThat(server.get("/restaurants/r-7").statusCode()).isEqualTo(200);
    assertThat(put("/users/u-7/profile", token).statusCode()).isEqualTo(200);

    // Recorded once the response is complete, which the client may see first.
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters.find("http.server.requests").tag("uri", "/restaurants/{id}").timer())
        .isNotNull());
    // Without SecurityObservationSettings, Spring Security times each filter of the chain before and after it.
    assertThat(meters.find("spring.security.filterchains").meters()).isEmpty();
    assertThat(meters.find("spring.security.filterchains.active").meters()).isEmpty();
    // Authentications and authorizations keep theirs: a refused or failed token still shows in the metrics.
    assertThat(meters.find("spring.security.authentications").meters()).isNotEmpty();
    assertThat(meters.find("spring.security.authorizations").meters()).isNotEmpty();
  }

  private static void assertInvalidToken(HttpResponse<String> answer, String describedAs) {
    assertThat(answer.statusCode()).isEqualTo(401);
    String challenge = answer.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge).startsWith("Bearer error=\"invalid_token\", error_description=\"");
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(answer.body()).contains("\"type\":\"urn:bellyfed:problem:unauthorized\"", "\"status\":401");
    if (describedAs != null) {
      assertThat(challenge).containsIgnoringCase(describedAs);
    }
  }

  private static HttpResponse<String> put(String path, String token) throws Exception {
    return server.put(path, token, "{\"name\":\"x\"}");
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    return server.post(path, token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return server.send(request);
  }
}
