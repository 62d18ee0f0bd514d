package com.bellyfed.imports.jobs;

import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import API as a client sees it, over real HTTP through test-support's {@link HttpApi}, plus a look
 * into the tables. Every request carries an access token of local-aws's user pool; {@link #asAdmin} is
 * a member of the group {@code admin}, as every import operation requires.
 */
public final class ImportApi {

  static final JsonMapper JSON = JsonMapper.builder().build();
  /** The user the tests import as: signed in once per test through local-aws's pool, with the group admin. */
  static final String ADMIN = "import-admin";

  private final int port;
  private final HttpApi http;
  private final String token;

  private ImportApi(int port, String token) {
    this.port = port;
    this.http = new HttpApi(port);
    this.token = token;
  }

  /** As an admin of local-aws's pool: a real access token, signed with the pool's key. */
  public static ImportApi asAdmin(int port, LocalAws localAws) {
    return as(port, localAws.signIn(ADMIN, "admin").accessToken());
  }

  /** With any access token (a plain user's, an expired one...). */
  public static ImportApi as(int port, String accessToken) {
    return new ImportApi(port, accessToken);
  }

  /** {@code Authorization: Bearer ...} of this client, for requests sent another way (SSE, the CLI). */
  public String authorization() {
    return "Bearer " + token;
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** {@code headers} as name, value pairs beside the Content-Type. */
  public HttpApi.Answer post(String type, String contentType, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
    all.addAll(List.of(headers));
    return send("POST", "/api/imports?type=" + type, body, all.toArray(String[]::new));
  }

  /** Streams a generated body, never holding it whole. */
  HttpApi.Answer post(Generator generator) {
    return post("/api/imports?type=" + generator.type(), () -> streamed(generator),
        "Content-Type", generator.csv() ? "text/csv" : "application/x-ndjson");
  }

  /** Streams {@code body} to {@code path}, with the token. */
  HttpApi.Answer post(String path, Supplier<InputStream> body, String... headers) {
    return http.post(path, body, authorized(headers));
  }

  /** Any request to the service, with the token; {@code headers} as name, value pairs. */
  public HttpApi.Answer send(String method, String path, @Nullable String body, String... headers) {
    return http.send(method, path, body, authorized(headers));
  }

  public HttpApi.Answer get(String path) {
    return send("GET", path, null);
  }

  public HttpApi.Answer delete(String path) {
    return send("DELETE", path, null);
  }

  private String[] authorized(String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", authorization()));
    all.addAll(List.of(headers));
    return all.toArray(String[]::new);
  }

  public JsonNode job(String jobId) {
    return get("/api/imports/" + jobId).json();
  }

  /** Waits until every chunk of the job is settled and the job is in a final state. */
  public JsonNode awaitSettled(String jobId, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      HttpApi.Answer response = get("/api/imports/" + jobId);
      if (response.status() != 200) {
        return false;
      }
      JsonNode job = response.json();
      return !job.path("state").asString().equals("ACCEPTED") && !job.path("state").asString().equals("RUNNING")
          && job.path("chunks").path("done").asLong() == job.path("chunks").path("sent").asLong();
    });
    return job(jobId);
  }

  public static String jobId(HttpApi.Answer accepted) {
    return accepted.json().path("jobId").asString();
  }

  /** Restaurants of a city, counted through the city index as the query-service would find them. */
  public static long restaurantsIn(DynamoDbClient dynamoDb, Topology topology, String city) {
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = dynamoDb.query(request -> request.tableName(topology.table("restaurants").name())
          .indexName("city-name-index").keyConditionExpression("cityKey = :city")
          .expressionAttributeValues(Map.of(":city", AttributeValue.fromS(TableKeys.cityKey(city))))
          .select(Select.COUNT).exclusiveStartKey(from));
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  static String ndjson(Generator generator) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      generator.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static java.io.InputStream streamed(Generator generator) {
    try {
      PipedInputStream in = new PipedInputStream(256 * 1024);
      PipedOutputStream out = new PipedOutputStream(in);
      Thread writer = new Thread(() -> {
        try (out) {
          generator.writeTo(out);
        } catch (IOException ignored) {
          // The request was abandoned.
        }
      }, "generator");
      writer.setDaemon(true);
      writer.start();
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
