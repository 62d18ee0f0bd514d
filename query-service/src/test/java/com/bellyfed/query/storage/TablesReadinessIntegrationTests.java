package com.bellyfed.query.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.QueryServiceIntegrationTest;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.JsonNode;

class TablesReadinessIntegrationTests extends QueryServiceIntegrationTest {

  @Autowired SqsClient sqs;
  @Autowired EventBridgeClient eventBridge;

  @Test
  void readinessProbeIsUpNamingEveryTableTheServiceReads() {
    HttpApi.Answer response = management("/actuator/health/readiness");

    assertThat(response.status()).isEqualTo(200);
    JsonNode tables = response.json().path("components").path("tables");
    assertThat(tables.path("status").asString()).isEqualTo("UP");
    for (String table : TablesHealthIndicator.READ_TABLES) {
      assertThat(tables.path("details").path("tables").path(topology.table(table).name()).asString()).as(table).isEqualTo("ACTIVE");
    }
  }

  @Test
  void isDownNamingTheMissingTablesUntilTheyExist() {
    // Another environment's tables, which local-aws (provisioned for dev) does not have yet.
    Topology staging = Topology.bellyfed(Environment.STAGING);
    TablesHealthIndicator indicator = new TablesHealthIndicator(dynamoDb, staging, Duration.ofSeconds(4));
    Provisioner provisioner = new Provisioner(sqs, dynamoDb, eventBridge, false);
    provisioner.apply(staging.table("restaurants"));

    Health missing = indicator.health();

    assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(staging.table("restaurants").name(), "ACTIVE");
    expected.put(staging.table("reviews").name(), "MISSING");
    expected.put(staging.table("users").name(), "MISSING");
    assertThat(missing.getDetails()).containsEntry("tables", expected);

    provisioner.apply(staging.table("reviews"));
    provisioner.apply(staging.table("users"));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indicator.health().getStatus()).isEqualTo(Status.UP));
  }
}
