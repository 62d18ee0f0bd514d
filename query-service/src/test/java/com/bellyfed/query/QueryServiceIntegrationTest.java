package com.bellyfed.query;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.junit.LocalAwsTest;
import com.bellyfed.testing.HttpApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one configuration of every integration test of the service, so that Spring's context cache
 * starts the app once per JVM: the app on a random port against the JVM's local-aws (started first,
 * so the event runtime talks to it, never to AWS), actuator on a random management port of its own as
 * in a deployment, tokens from local-aws's user pool (the extension sets the issuer). Only timings differ: DynamoDB timeouts are generous
 * for a shared machine, and waits are shortened (the circuit breaker's open state and the outbox's lease and sweep delay), so that recovery tests take seconds.
 */
@LocalAwsTest
// The local profiles spare tests the settings a deployment must set (region, environment): docs/security.md.
@ActiveProfiles("test")
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
      "logging.level.software.amazon.dynamodb=WARN",
      "management.server.port=0",
      "management.server.address=127.0.0.1"
    })
public abstract class QueryServiceIntegrationTest {

  @LocalServerPort protected int port;
  @LocalManagementPort protected int managementPort;
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
  protected HttpApi.Answer get(String pathAndQuery, String... headers) {
    return new HttpApi(port).get(pathAndQuery, headers);
  }

  /** A GET against actuator, on the management port. */
  protected HttpApi.Answer management(String path) {
    return new HttpApi(managementPort).get(path);
  }
}
