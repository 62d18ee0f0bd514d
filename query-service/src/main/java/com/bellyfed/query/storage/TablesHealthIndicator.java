package com.bellyfed.query.storage;

import com.bellyfed.events.topology.Topology;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Part of the readiness probe: DOWN, naming each table and its state, until every table the service
 * reads exists and is ACTIVE, so that an instance takes no traffic it would answer with 404s or 500s.
 * Once they were all seen ACTIVE it answers UP without calling DynamoDB again: tables are not dropped
 * under a running service, and a DynamoDB outage later is the circuit breaker's to answer (fast 503s)
 * rather than readiness's, which would take every instance out of the load balancer at once.
 */
final class TablesHealthIndicator implements HealthIndicator {

  /** The logical tables the request paths read: restaurants, reviews, and users (profiles). */
  static final List<String> READ_TABLES = List.of("restaurants", "reviews", "users");

  private static final Logger log = LoggerFactory.getLogger(TablesHealthIndicator.class);

  private final DynamoDbClient dynamoDb;
  private final List<String> tables;
  private final Duration timeout;
  private volatile boolean allActive;

  TablesHealthIndicator(DynamoDbClient dynamoDb, Topology topology, Duration timeout) {
    this.dynamoDb = dynamoDb;
    this.tables = READ_TABLES.stream().map(table -> topology.table(table).name()).toList();
    this.timeout = timeout;
  }

  /**
   * Makes the first check on a thread of its own while the rest of the service starts, so that the first readiness
   * probe after the start finds the tables already seen ACTIVE instead of making the client's first DynamoDB calls
   * itself. It only moves the check earlier: a table found missing or unreachable here is checked again by the probe.
   */
  TablesHealthIndicator checkInBackground() {
    Thread check = new Thread(() -> {
      try {
        health();
      } catch (RuntimeException e) {
        // The probe checks again and reports what it finds; e.g. the client was closed by a start that failed.
        log.debug("Early tables check failed: {}", e.toString());
      }
    }, "tables-readiness-check");
    check.setDaemon(true);
    check.start();
    return this;
  }

  @Override
  public Health health() {
    if (allActive) {
      return Health.up().withDetail("tables", states("ACTIVE")).build();
    }
    Map<String, String> states = new LinkedHashMap<>();
    for (String table : tables) {
      states.put(table, state(table));
    }
    if (states.values().stream().allMatch(TableStatus.ACTIVE.toString()::equals)) {
      allActive = true;
      return Health.up().withDetail("tables", states).build();
    }
    return Health.down().withDetail("tables", states).build();
  }

  private String state(String table) {
    try {
      return dynamoDb.describeTable(request -> request.tableName(table)
              .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)))
          .table()
          .tableStatusAsString();
    } catch (ResourceNotFoundException missing) {
      return "MISSING";
    } catch (SdkException unreachable) {
      return "UNKNOWN: " + unreachable.getClass().getSimpleName();
    }
  }

  private Map<String, String> states(String state) {
    Map<String, String> states = new LinkedHashMap<>();
    tables.forEach(table -> states.put(table, state));
    return states;
  }
}
