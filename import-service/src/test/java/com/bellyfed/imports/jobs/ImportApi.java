package com.bellyfed.imports.jobs;

import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.cli.Generator;
import com.bellyfed.testing.HttpApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import API as a client sees it, over real HTTP through test-support's {@link HttpApi}, plus a look into the tables. */
final class ImportApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final int port;
  private final HttpApi http;

  ImportApi(int port) {
    this.port = port;
    this.http = new HttpApi(port);
  }

  /** The service's HTTP, for requests the import helpers do not cover. */
  HttpApi http() {
    return http;
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** {@code headers} as name, value pairs beside the Content-Type. */
  HttpApi.Answer post(String type, String contentType, String body, String... headers) {
    List<String> all = new ArrayList<>(List.of("Content-Type", contentType));
    all.addAll(List.of(headers));
    return http.post("/api/imports?type=" + type, body, all.toArray(String[]::new));
  }

  /** Streams a generated body, never holding it whole. */
  HttpApi.Answer post(Generator generator) {
    return http.post("/api/imports?type=" + generator.type(), () -> streamed(generator),
        "Content-Type", generator.csv() ? "text/csv" : "application/x-ndjson");
  }

  HttpApi.Answer get(String path) {
    return http.get(path);
  }

  HttpApi.Answer delete(String path) {
    return http.delete(path);
  }

  JsonNode job(String jobId) {
    return get("/api/imports/" + jobId).json();
  }

  /** Waits until every chunk of the job is settled and the job is in a final state. */
  JsonNode awaitSettled(String jobId, Duration timeout) {
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

  static String jobId(HttpApi.Answer accepted) {
    return accepted.json().path("jobId").asString();
  }

  /** Restaurants of a city, counted through the city index as the query-service would find them. */
  static long restaurantsIn(DynamoDbClient dynamoDb, Topology topology, String city) {
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
