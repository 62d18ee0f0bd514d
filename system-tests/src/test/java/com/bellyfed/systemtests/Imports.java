package com.bellyfed.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi.Answer;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Imports through import-service's API, as an admin sends them. */
final class Imports {

  private static final Set<String> FINAL = Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED");

  private Imports() {}

  /** {@code POST /api/imports?type=} with an NDJSON body: 202; then the job once it is final. */
  static JsonNode run(Caller imports, String type, String ndjson, String correlationId, Duration timeout) {
    Answer accepted = imports.post("/api/imports?type=" + type, ndjson, "Content-Type", "application/x-ndjson", "X-Correlation-Id", correlationId);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String location = Analytics.path(accepted.header("Location"));
    await("import " + location).atMost(timeout).pollInterval(Duration.ofMillis(250))
        .until(() -> FINAL.contains(imports.get(location).json().path("state").asString()));
    return imports.get(location).json();
  }
}
