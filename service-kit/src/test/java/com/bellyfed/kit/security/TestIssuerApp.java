package com.bellyfed.kit.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The set-up the kit's security integration tests share, as a JUnit extension
 * ({@code @RegisterExtension static final TestIssuerApp server = TestIssuerApp.with(...)}): before the class's
 * tests a {@link TestIssuer} on loopback and {@link SecuredTestApplication} on a random loopback port, profile
 * {@code test}, trusting that issuer and its client, plus the class's own properties (a later value of the same
 * property wins); both stopped after them. And a JDK HttpClient to call it with.
 */
final class TestIssuerApp implements BeforeAllCallback, AfterAllCallback {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final boolean issuerDown;
  private final List<String> properties;
  private @Nullable TestIssuer issuer;
  private @Nullable ConfigurableApplicationContext app;

  private TestIssuerApp(boolean issuerDown, String... properties) {
    this.issuerDown = issuerDown;
    this.properties = List.of(properties);
  }

  /** The application with its issuer up, and {@code properties} ({@code name=value}) on top of the shared ones. */
  static TestIssuerApp with(String... properties) {
    return new TestIssuerApp(false, properties);
  }

  /** The application started while its issuer is down: the issuer's port refuses connections. */
  static TestIssuerApp withIssuerDown(String... properties) {
    return new TestIssuerApp(true, properties);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    TestIssuer started = new TestIssuer();
    issuer = started;
    if (issuerDown) {
      started.close();
    }
    List<String> all = new ArrayList<>(List.of(
        "server.port=0",
        "server.address=127.0.0.1",
        "spring.main.banner-mode=off",
        "bellyfed.security.issuer-uri=" + started.issuer(),
        "bellyfed.security.client-ids=" + TestIssuer.CLIENT_ID));
    all.addAll(properties);
    app = new SpringApplicationBuilder(SecuredTestApplication.class).profiles("test").properties(all.toArray(String[]::new)).run();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (app != null) {
        app.close();
      }
    } finally {
      if (issuer != null && !issuerDown) {
        issuer.close();
      }
    }
  }

  TestIssuer issuer() {
    return java.util.Objects.requireNonNull(issuer, "not started");
  }

  ConfigurableApplicationContext app() {
    return java.util.Objects.requireNonNull(app, "not started");
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port());
  }

  int port() {
    return ((WebServerApplicationContext) app()).getWebServer().getPort();
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(base().resolve(path)).GET());
  }

  /** A GET on another port of this machine (the management port). */
  HttpResponse<String> get(int port, String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
  }

  /** A JSON PUT, with the token when there is one. */
  HttpResponse<String> put(String path, @Nullable String token, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  HttpResponse<String> post(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(base().resolve(path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
