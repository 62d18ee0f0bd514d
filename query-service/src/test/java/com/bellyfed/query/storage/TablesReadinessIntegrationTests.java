package com.bellyfed.query.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.query.QueryServiceIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

class TablesReadinessIntegrationTests extends QueryServiceIntegrationTest {

  @Autowired SqsClient sqs;
  @Autowired EventBridgeClient eventBridge;

  @Test
  void readinessProbeIsUpNamingEveryTableTheServiceReads() {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode tables = json(response).path("components").path("tables");
    assertThat(tables.path("status").asText()).isEqualTo("UP");
    for (String table : TablesHealthIndicator.READ_TABLES) {
      assertThat(tables.path("details").path("tables").path(topology.table(table).name()).asText()).as(table).isEqualTo("ACTIVE");
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
