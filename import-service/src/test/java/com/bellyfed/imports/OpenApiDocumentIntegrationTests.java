package com.bellyfed.imports;

import com.bellyfed.kit.openapi.ExportedOpenApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ImportServiceTest
class OpenApiDocumentIntegrationTests {

  @LocalServerPort int port;

  @Test
  void servesTheDocumentExportedForTheFrontend() {
    ExportedOpenApi.of("import-service").assertServedAt(port);
  }
}
