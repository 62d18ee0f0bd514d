package com.bellyfed.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.testing.RawHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused at the edge, before any controller, over real HTTP on raw sockets (a client library would
 * normalise or refuse to send them): undecodable and oversized query strings (the kit's query-string filter,
 * ahead of Spring Security, which reads a parameter on every request), what Tomcat refuses before any filter
 * (its error report valve) and what Spring Security's firewall refuses. Each is a problem that says what was
 * wrong, never Tomcat's HTML page, its version or a 503.
 */
class EdgeRefusalsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static TestIssuer issuer;
  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    issuer = new TestIssuer();
    app = new SpringApplicationBuilder(SecuredTestApplication.class)
        .profiles("test")
        .properties(
            "server.port=0",
            "server.address=127.0.0.1",
            "spring.main.banner-mode=off",
            // As every service sets it: above bellyfed.web.max-header-size, so the kit answers 431 below it.
            "server.max-http-request-header-size=64KB",
            "bellyfed.security.issuer-uri=" + issuer.issuer(),
            "bellyfed.security.client-ids=" + TestIssuer.CLIENT_ID,
            "bellyfed.security.rate-limits.enabled=false")
        .run();
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    issuer.close();
  }

  // --- the query string --------------------------------------------------------------------------------------

  @Test
  void aQueryThatIsNotUtf8IsA400NamingEachParameterNotAnOutage() {
    Answer answer = get("/restaurants/r-1?city=%C3%28&cuisine=Nyonya&cursor=%FF%FE&limit=%G1");

    JsonNode problem = answer.problem(400, "invalid-request");
    assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("city", "cursor", "limit");
    problem.path("errors").forEach(error -> assertThat(error.path("reason").asString()).isEqualTo("must be percent-encoded UTF-8"));
    assertThat(problem.path("detail").asString()).contains("city: must be percent-encoded UTF-8");
    assertThat(answer.response().headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void anUndecodableQueryOnAWriteIsRefusedBeforeTheTokenIsAskedFor() {
    Answer answer = send("PUT /users/u-1/profile?x=%C0%80 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

    assertThat(answer.problem(400, "invalid-request").path("errors").findValuesAsString("field")).containsExactly("x");
  }

  @Test
  void aQueryStringOverTheLimitIs414AndTooManyParametersA400() {
    Answer tooLong = get("/restaurants/r-1?city=" + "x".repeat(17_000));
    assertThat(tooLong.problem(414, "request-refused").path("detail").asString())
        .isEqualTo("The query string has 17005 characters; at most 16384 are read");

    Answer tooMany = get("/restaurants/r-1?" + "a=1&".repeat(60));
    JsonNode problem = tooMany.problem(400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("query");
    assertThat(problem.path("errors").get(0).path("reason").asString()).isEqualTo("must have at most 50 parameters");

    assertThat(get("/restaurants/r-1?" + "a=1&".repeat(49)).status()).isEqualTo(200);
  }

  // --- what Tomcat refuses before any filter ------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"/restaurants/..%2F..%2Fadmin%2Freplays", "/restaurants/a%5Cb", "/restaurants/a%00b", "/users/%00/profile"})
  void aPathTomcatRefusesIsAProblemWithoutTheServersName(String path) {
    Answer answer = get(path);

    JsonNode problem = answer.problem(400, "invalid-request");
    assertThat(problem.path("detail").asString()).contains("refused before it reached the service", "encoded / or \\", "NUL");
    assertThat(problem.path("instance").asString()).isEqualTo(path);
    assertTomcatSaysNothingOfItself(answer);
  }

  @Test
  void headerBytesTomcatRefusesAreAProblem() {
    Answer answer = send("GET /restaurants/r-1 HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\u007f\r\nConnection: close\r\n\r\n");

    assertThat(answer.problem(400, "invalid-request").path("detail").asString()).contains("bytes outside the header character set");
    assertTomcatSaysNothingOfItself(answer);
  }

  @Test
  void aHeaderOverTheConnectorsLimitIsAProblem() {
    Answer answer = send("GET /restaurants/r-1 HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(70_000) + "\r\nConnection: close\r\n\r\n");

    assertThat(answer.status()).isBetween(400, 431);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
    assertThat(problem.path("detail").asString()).contains("refused before it reached the service", "headers are larger than the server reads");
    assertTomcatSaysNothingOfItself(answer);
  }

  // --- what Spring Security's firewall refuses ----------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/restaurants/a;b                 | a semicolon (;)",
      "/restaurants/a%3Bb               | a semicolon (;)",
      "/restaurants/%25                 | an encoded percent sign (%25)",
      "/restaurants/%2e%2e/admin        | an encoded dot (%2E)",
      "/restaurants//r-1                | an empty path segment (//)",
      "/restaurants/../admin/replays    | its path is not normalized",
      "/restaurants/..;/admin/replays   | a semicolon (;)"})
  void aPathTheFirewallRefusesIsAProblemSayingWhat(String path, String named) {
    Answer answer = get(path);

    JsonNode problem = answer.problem(400, "invalid-request");
    assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
    assertThat(problem.path("detail").asString()).startsWith("The request was refused by the server's firewall: ").contains(named);
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private static void assertTomcatSaysNothingOfItself(Answer answer) {
    assertThat(answer.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html", "<!doctype", "Exception");
    assertThat(answer.response().headers().firstValue("Server")).isEmpty();
  }

  private static Answer get(String target) {
    return send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  /** Bytes no well-behaved client sends, on a socket of its own. */
  private static Answer send(String request) {
    return new Answer(RawHttp.send(port, request, Duration.ofSeconds(10)));
  }

  private record Answer(HttpResponse<String> response) {

    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String contentType() {
      return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The problem, checked for its status, type and media type. */
    JsonNode problem(int expected, String kind) {
      assertThat(status()).as(response.headers().map() + body()).isEqualTo(expected);
      assertThat(contentType()).as(response.headers().map() + body()).startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(body());
      assertThat(problem.path("status").asInt()).isEqualTo(expected);
      assertThat(problem.path("type").asString()).isEqualTo("urn:bellyfed:problem:" + kind);
      return problem;
    }
  }
}
