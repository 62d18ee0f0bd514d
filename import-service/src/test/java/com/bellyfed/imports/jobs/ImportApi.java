package com.bellyfed.imports.jobs;

import static org.awaitility.Awaitility.await;

import com.bellyfed.events.topology.TableKeys;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.imports.cli.Generator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import API as a client sees it, over real HTTP, plus a look into the tables. */
final class ImportApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  ImportApi(int port) {
    this.base = "http://localhost:" + port;
  }

  String base() {
    return base;
  }

  HttpResponse<String> post(String type, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/imports?type=" + type)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** Streams a generated body, never holding it whole. */
  HttpResponse<String> post(Generator generator) {
    return send(HttpRequest.newBuilder(URI.create(base + "/api/imports?type=" + generator.type()))
        .header("Content-Type", generator.csv() ? "text/csv" : "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> streamed(generator))).build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).build());
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode job(String jobId) {
    return json(get("/api/imports/" + jobId));
  }

  /** Waits until every chunk of the job is settled and the job is in a final state. */
  JsonNode awaitSettled(String jobId, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
      HttpResponse<String> response = get("/api/imports/" + jobId);
      if (response.statusCode() != 200) {
        return false;
      }
      JsonNode job = json(response);
      return !job.path("state").asString().equals("ACCEPTED") && !job.path("state").asString().equals("RUNNING")
          && job.path("chunks").path("done").asLong() == job.path("chunks").path("sent").asLong();
    });
    return job(jobId);
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String jobId(HttpResponse<String> accepted) {
    return json(accepted).path("jobId").asString();
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
