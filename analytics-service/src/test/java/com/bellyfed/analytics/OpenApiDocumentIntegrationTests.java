package com.bellyfed.analytics;

import com.bellyfed.kit.openapi.ExportedOpenApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AnalyticsIntegrationTest
class OpenApiDocumentIntegrationTests {

  @LocalServerPort int port;

  @Test
  void servesTheDocumentExportedForTheFrontend() {
    ExportedOpenApi.of("analytics-service").assertServedAt(port);
  }
}
