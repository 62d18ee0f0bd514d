package com.bellyfed.kit.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as exported into the repository ({@code docs/openapi/<service>.json}),
 * which the TypeScript client is generated from. {@link #assertServedAt} fails when the running
 * service states another contract, and rewrites the file instead when the build runs with
 * {@code -Dopenapi.write=true}.
 *
 * <p>Both sides are normalised before they are compared, so that only the contract counts: object keys
 * sorted, the server list (the test's random port) removed. Arrays keep their order: in a document
 * it means something (parameters, required names, enum values).
 */
public final class ExportedOpenApi {

  /** The system property that turns the check into an export. */
  public static final String WRITE = "openapi.write";

  /** The four services' names, for the command that exports them all. */
  static final String SERVICES = "query-service,write-service,import-service,analytics-service";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String service;
  private final Path file;

  ExportedOpenApi(String service, Path file) {
    this.service = service;
    this.file = file;
  }

  /** The export of {@code service}, found from the working directory up to the repository's root. */
  public static ExportedOpenApi of(String service) {
    return new ExportedOpenApi(service, repositoryRoot().resolve("docs/openapi/" + service + ".json"));
  }

  /** Fetches {@code /v3/api-docs} from the service on {@code port} and checks it, or exports it. */
  public void assertServedAt(int port) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
        .timeout(Duration.ofSeconds(30))
        .build();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (response.statusCode() != 200) {
      throw new AssertionError(service + " answered /v3/api-docs with " + response.statusCode() + ": " + response.body());
    }
    assertMatches(response.body(), Boolean.getBoolean(WRITE));
  }

  void assertMatches(String served, boolean write) {
    String actual = normalised(served);
    if (write) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    String expected;
    try {
      expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!expected.equals(actual)) {
      throw new AssertionError(
          service + " serves another OpenAPI document than " + file + " holds (" + firstDifference(expected, actual) + ").\n"
              + "If the change is meant, export the documents again, regenerate the TypeScript client and commit both:\n"
              + "  " + command() + "\n"
              + "  (cd clients/typescript && npm ci && npm run generate)");
    }
  }

  /** The one line that exports every service's document. */
  public static String command() {
    return "./mvnw -pl " + SERVICES + " -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "
        + "-Dit.test=OpenApiDocumentIntegrationTests -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE + "=true";
  }

  static String normalised(String document) {
    JsonNode tree = JSON.readTree(document);
    if (tree instanceof ObjectNode root) {
      root.remove("servers");
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(tree)) + "\n";
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      Collections.sort(names);
      ObjectNode copy = JSON.createObjectNode();
      for (String name : names) {
        copy.set(name, sorted(object.get(name)));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static String firstDifference(String expected, String actual) {
    if (expected.isEmpty()) {
      return "no export yet";
    }
    String[] left = expected.split("\n", -1);
    String[] right = actual.split("\n", -1);
    for (int line = 0; line < Math.min(left.length, right.length); line++) {
      if (!left[line].equals(right[line])) {
        return "first at line " + (line + 1) + ": exported `" + left[line].strip() + "`, served `" + right[line].strip() + "`";
      }
    }
    return "exported " + left.length + " lines, served " + right.length;
  }

  private static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("service-kit"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No repository root (with mvnw and service-kit/) above " + start);
  }
}
