package com.bellyfed.write;

import com.bellyfed.kit.openapi.ExportedOpenApi;
import com.bellyfed.write.support.WriteServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@WriteServiceTest
class OpenApiDocumentIntegrationTests {

  @LocalServerPort int port;

  @Test
  void servesTheDocumentExportedForTheFrontend() {
    ExportedOpenApi.of("write-service").assertServedAt(port);
  }
}
