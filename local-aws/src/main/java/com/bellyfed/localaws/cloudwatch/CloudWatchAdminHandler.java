package com.bellyfed.localaws.cloudwatch;

import com.bellyfed.localaws.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /_local-aws/cloudwatch/metrics[?namespace=N&metricName=M]}: the data PutMetricData received,
 * oldest first; {@code DELETE} forgets them.
 */
public final class CloudWatchAdminHandler implements HttpHandler {

  private final CloudWatchService cloudWatch;

  public CloudWatchAdminHandler(CloudWatchService cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/_local-aws/cloudwatch/metrics")) {
        send(exchange, 404, Json.MAPPER.createObjectNode().put("message", "No such endpoint: " + path + " (GET or DELETE /_local-aws/cloudwatch/metrics)"));
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "GET" -> {
          String query = exchange.getRequestURI().getRawQuery();
          String metricName = parameter(query, "metricName");
          ArrayNode list = Json.MAPPER.createArrayNode();
          for (MetricDatum datum : cloudWatch.received(parameter(query, "namespace"))) {
            if (metricName == null || metricName.equals(datum.metricName())) {
              list.add(json(datum));
            }
          }
          send(exchange, 200, list);
        }
        case "DELETE" -> {
          cloudWatch.clear();
          exchange.sendResponseHeaders(204, -1);
        }
        default -> send(exchange, 405, Json.MAPPER.createObjectNode().put("message", "GET or DELETE"));
      }
    }
  }

  private static ObjectNode json(MetricDatum datum) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("namespace", datum.namespace());
    json.put("metricName", datum.metricName());
    ObjectNode dimensions = json.putObject("dimensions");
    datum.dimensions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(entry -> dimensions.put(entry.getKey(), entry.getValue()));
    json.put("timestamp", datum.timestamp().toString());
    if (datum.value() != null) {
      json.put("value", datum.value());
    }
    if (!datum.values().isEmpty()) {
      ArrayNode values = json.putArray("values");
      datum.values().forEach(values::add);
      ArrayNode counts = json.putArray("counts");
      datum.counts().forEach(counts::add);
    }
    if (!datum.statistics().isEmpty()) {
      ObjectNode statistics = json.putObject("statisticValues");
      datum.statistics().forEach(statistics::put);
    }
    json.put("unit", datum.unit());
    json.put("storageResolution", datum.storageResolution());
    json.put("receivedAt", datum.receivedAt().toString());
    return json;
  }

  private static @Nullable String parameter(@Nullable String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, int status, tools.jackson.databind.JsonNode body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
