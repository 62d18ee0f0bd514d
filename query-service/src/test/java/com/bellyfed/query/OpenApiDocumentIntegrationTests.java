package com.bellyfed.query;

import com.bellyfed.kit.openapi.ExportedOpenApi;
import org.junit.jupiter.api.Test;

class OpenApiDocumentIntegrationTests extends QueryServiceIntegrationTest {

  @Test
  void servesTheDocumentExportedForTheFrontend() {
    ExportedOpenApi.of("query-service").assertServedAt(port);
  }
}
