package com.bellyfed.query;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one configuration of every integration test of the service, so that Spring's context cache
 * starts the app once per JVM: the app on a random port against the JVM's local-aws (started first,
 * so the event runtime talks to it, never to AWS). Only timings differ: DynamoDB timeouts are generous
 * for a shared machine, and waits are shortened (the circuit breaker's open state and the outbox's lease and sweep delay), so that recovery tests take seconds.
 */
@LocalAwsTest
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "resilience4j.circuitbreaker.instances.dynamodb.wait-duration-in-open-state=1s",
      // Generous: the machine running the tests is shared, and a slow answer must not open the circuit.
      "bellyfed.query.dynamodb.attempt-timeout=2s",
      "bellyfed.query.dynamodb.call-timeout=4s",
      // Analytics spilled to the outbox during an EventBridge fault come back in seconds, not minutes.
      "bellyfed.events.outbox.lease=2s",
      "bellyfed.events.outbox.sweep-after=1s",
      "bellyfed.events.outbox.sweep-batch=500",
      "logging.level.software.amazon.dynamodb=WARN"
    })
public abstract class QueryServiceIntegrationTest {

  protected static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @LocalServerPort protected int port;
  @Autowired protected DynamoDbClient dynamoDb;
  @Autowired protected Topology topology;

  private static final java.util.Set<Class<?>> SEEDED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Runs {@code seed} once per test class. Not in a PER_CLASS {@code @BeforeAll}: that creates the
   * test instance, and with it the Spring context, before local-aws has started.
   */
  protected void seedOnce(Runnable seed) {
    if (SEEDED.add(getClass())) {
      seed.run();
    }
  }

  protected QueryFixtures fixtures() {
    return new QueryFixtures(dynamoDb, topology);
  }

  /** A GET against the app, with header name/value pairs. */
  protected HttpResponse<String> get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(10));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Not JSON: " + response.body(), e);
    }
  }
}
