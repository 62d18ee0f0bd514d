package com.bellyfed.localaws.faults;

import com.bellyfed.localaws.edge.AwsService;
import tools.jackson.databind.JsonNode;
import com.bellyfed.localaws.Json;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code /_local-aws/faults}: {@code GET} lists the faults in force, {@code POST} adds one
 * ({@code {"service":"events","type":"DOWN","rate":1.0,"latencyMs":0,"operation":"PutEvents"}}),
 * {@code DELETE} clears all, or one service's with {@code ?service=events}.
 */
public final class FaultAdminHandler implements HttpHandler {

  private final ObjectMapper mapper = Json.MAPPER;
  private final FaultInjector faults;

  public FaultAdminHandler(FaultInjector faults) {
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      switch (exchange.getRequestMethod()) {
        case "GET" -> send(exchange, 200, list());
        case "POST" -> {
          try {
            Fault fault = parse(mapper.readTree(exchange.getRequestBody()));
            faults.inject(fault);
            send(exchange, 201, json(fault));
          } catch (IllegalArgumentException | IOException e) {
            send(exchange, 400, problem(e.getMessage()));
          }
        }
        case "DELETE" -> {
          String query = exchange.getRequestURI().getQuery();
          if (query != null && query.startsWith("service=")) {
            try {
              faults.clear(service(query.substring("service=".length())));
            } catch (IllegalArgumentException e) {
              send(exchange, 400, problem(e.getMessage()));
              return;
            }
          } else {
            faults.clear();
          }
          send(exchange, 200, list());
        }
        default -> send(exchange, 405, problem("Use GET, POST or DELETE"));
      }
    }
  }

  private Fault parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("Body must be a JSON object with service and type");
    }
    AwsService service = service(body.path("service").asString(""));
    FaultType type;
    try {
      type = FaultType.valueOf(body.path("type").asString("").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("type must be one of ERROR, THROTTLE, LATENCY, DOWN");
    }
    double rate = body.path("rate").asDouble(1.0);
    Duration latency = Duration.ofMillis(body.path("latencyMs").asLong(0));
    String operation = body.hasNonNull("operation") ? body.path("operation").asString("") : null;
    return new Fault(service, type, rate, latency, operation);
  }

  private static AwsService service(String name) {
    return AwsService.bySigningName(name)
        .orElseThrow(() -> new IllegalArgumentException("service must be one of sqs, dynamodb, events; was '" + name + "'"));
  }

  private ObjectNode json(Fault fault) {
    ObjectNode node = mapper.createObjectNode();
    node.put("service", fault.service().signingName()).put("type", fault.type().name()).put("rate", fault.rate())
        .put("latencyMs", fault.latency().toMillis());
    if (fault.operation() != null) {
      node.put("operation", fault.operation());
    }
    return node;
  }

  private ObjectNode list() {
    ObjectNode body = mapper.createObjectNode();
    ArrayNode list = body.putArray("faults");
    faults.active().forEach(fault -> list.add(json(fault)));
    body.put("injected", faults.injectedCount());
    return body;
  }

  private ObjectNode problem(String detail) {
    return mapper.createObjectNode().put("title", "Bad fault request").put("status", 400).put("detail", detail);
  }

  private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
