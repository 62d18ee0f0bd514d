package com.bellyfed.localaws;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_local-aws/health}: the endpoint, the environment, EventBridge counters, the
 * provisioned user pool and active faults. Answers 503 STARTING until the topology is provisioned, so scripts can wait on it.
 */
final class HealthHandler implements HttpHandler {

  private final ObjectMapper mapper = Json.MAPPER;
  private final LocalAws localAws;

  HealthHandler(LocalAws localAws) {
    this.localAws = localAws;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      boolean ready = localAws.isReady();
      ObjectNode body = mapper.createObjectNode().put("status", ready ? "UP" : "STARTING");
      body.put("endpoint", localAws.endpoint().toString());
      body.put("environment", localAws.settings().environment().id());
      body.put("region", localAws.settings().region());
      if (ready) {
        body.set("eventBridge", mapper.valueToTree(localAws.eventBridgeStats()));
        var pool = localAws.provisionedPool();
        if (pool != null) {
          body.putObject("cognito")
              .put("userPoolId", pool.userPoolId())
              .put("clientId", pool.clientId())
              .put("issuer", pool.issuer().toString());
        }
      }
      body.set("faults", mapper.valueToTree(localAws.faults().active().stream().map(Object::toString).toList()));
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(ready ? 200 : 503, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
