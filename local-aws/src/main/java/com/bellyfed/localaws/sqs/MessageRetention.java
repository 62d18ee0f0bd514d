package com.bellyfed.localaws.sqs;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.Protocol;
import com.bellyfed.localaws.edge.ServiceBackend;
import tools.jackson.databind.JsonNode;
import com.bellyfed.localaws.Json;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * ElasticMQ ignores {@code MessageRetentionPeriod}: it neither keeps nor reports it, so a
 * provisioner could never see a queue as up to date. This layer in front of it validates the
 * attribute as SQS does (60 s to 14 days), remembers it per queue (SQS's default is 4 days), and
 * adds it to GetQueueAttributes answers in both the JSON and the query protocol. Messages are still
 * not expired by age. Given a file (local-aws's data directory), it keeps the values there, as the
 * queues themselves are kept.
 */
public final class MessageRetention implements ServiceBackend {

  static final String ATTRIBUTE = "MessageRetentionPeriod";
  private static final String DEFAULT_SECONDS = "345600";
  private static final long MIN_SECONDS = 60;
  private static final long MAX_SECONDS = 1_209_600;

  private final ServiceBackend elasticMq;
  private final ObjectMapper mapper = Json.MAPPER;
  private final ConcurrentMap<String, String> retentionByQueue = new ConcurrentHashMap<>();
  private final @Nullable Path file;

  public MessageRetention(ServiceBackend elasticMq) {
    this(elasticMq, null);
  }

  /** Keeps the values in {@code file} (a properties file) when it is not null, reading those there. */
  public MessageRetention(ServiceBackend elasticMq, @Nullable Path file) {
    this.elasticMq = elasticMq;
    this.file = file;
    if (file != null && Files.exists(file)) {
      Properties saved = new Properties();
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        saved.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
      saved.stringPropertyNames().forEach(queue -> retentionByQueue.put(queue, saved.getProperty(queue)));
    }
  }

  /** Rare (a queue's creation or change): the whole file is written again, by a rename so never in part. */
  private synchronized void save() throws IOException {
    if (file == null) {
      return;
    }
    Properties values = new Properties();
    values.putAll(retentionByQueue);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
      values.store(writer, "MessageRetentionPeriod per queue, in seconds");
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public AwsResponse handle(AwsRequest request) throws IOException, InterruptedException {
    return switch (request.operation()) {
      case "CreateQueue", "SetQueueAttributes" -> setting(request);
      case "GetQueueAttributes" -> reporting(request);
      case "DeleteQueue" -> {
        AwsResponse response = elasticMq.handle(request);
        Parameters parameters = parameters(request);
        if (response.status() == 200 && parameters.queueName() != null && retentionByQueue.remove(parameters.queueName()) != null) {
          save();
        }
        yield response;
      }
      default -> elasticMq.handle(request);
    };
  }

  private AwsResponse setting(AwsRequest request) throws IOException, InterruptedException {
    Parameters parameters = parameters(request);
    String retention = parameters.attributes().get(ATTRIBUTE);
    if (retention != null && !valid(retention)) {
      return invalidAttribute(request, retention);
    }
    AwsResponse response = elasticMq.handle(retention == null ? request : withoutRetention(request));
    if (response.status() == 200 && parameters.queueName() != null) {
      String before = retentionByQueue.get(parameters.queueName());
      if (retention != null) {
        retentionByQueue.put(parameters.queueName(), retention);
      } else if (request.operation().equals("CreateQueue")) {
        retentionByQueue.putIfAbsent(parameters.queueName(), DEFAULT_SECONDS);
      }
      if (!Objects.equals(before, retentionByQueue.get(parameters.queueName()))) {
        save();
      }
    }
    return response;
  }

  private AwsResponse reporting(AwsRequest request) throws IOException, InterruptedException {
    AwsResponse response = elasticMq.handle(request);
    Parameters parameters = parameters(request);
    if (response.status() != 200 || parameters.queueName() == null || !parameters.asksForRetention()) {
      return response;
    }
    String retention = retentionByQueue.getOrDefault(parameters.queueName(), DEFAULT_SECONDS);
    byte[] body;
    if (request.protocol() == Protocol.JSON) {
      JsonNode json = response.body().length == 0 ? mapper.createObjectNode() : mapper.readTree(response.body());
      ObjectNode root = json.isObject() ? (ObjectNode) json : mapper.createObjectNode();
      JsonNode existing = root.path("Attributes");
      ObjectNode attributes = existing.isObject() ? (ObjectNode) existing : root.putObject("Attributes");
      attributes.put(ATTRIBUTE, retention);
      body = mapper.writeValueAsBytes(root);
    } else {
      String xml = new String(response.body(), StandardCharsets.UTF_8);
      String attribute = "<Attribute><Name>" + ATTRIBUTE + "</Name><Value>" + retention + "</Value></Attribute>";
      body = xml.replace("</GetQueueAttributesResult>", attribute + "</GetQueueAttributesResult>").getBytes(StandardCharsets.UTF_8);
    }
    return new AwsResponse(response.status(), response.headers(), body);
  }

  /** ElasticMQ warns about every attribute it ignores; in the JSON protocol it need not see this one. */
  private AwsRequest withoutRetention(AwsRequest request) throws IOException {
    if (request.protocol() != Protocol.JSON) {
      return request;
    }
    ObjectNode json = (ObjectNode) mapper.readTree(request.body());
    if (json.path("Attributes") instanceof ObjectNode attributes) {
      attributes.remove(ATTRIBUTE);
    }
    return new AwsRequest(
        request.method(), request.uri(), request.headers(), mapper.writeValueAsBytes(json),
        request.service(), request.protocol(), request.operation());
  }

  private static boolean valid(String seconds) {
    try {
      long value = Long.parseLong(seconds);
      return value >= MIN_SECONDS && value <= MAX_SECONDS;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static AwsResponse invalidAttribute(AwsRequest request, String value) {
    String message = "Invalid value for the parameter MessageRetentionPeriod: " + value + " (60 to 1209600 seconds).";
    if (request.protocol() == Protocol.JSON) {
      return new AwsResponse(
          400,
          Map.of("Content-Type", "application/x-amz-json-1.0", "x-amzn-query-error", "InvalidAttributeValue;Sender"),
          ("{\"__type\":\"com.amazonaws.sqs#InvalidAttributeValue\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAttributeValue</Code><Message>" + message
        + "</Message></Error><RequestId>local-aws</RequestId></ErrorResponse>";
    return new AwsResponse(400, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  record Parameters(@Nullable String queueName, Map<String, String> attributes, boolean asksForRetention) {}

  /** The queue, attributes to set, and attribute names asked for, from either protocol. */
  static Parameters parameters(AwsRequest request) throws IOException {
    if (request.protocol() == Protocol.JSON) {
      JsonNode json = request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(request.body());
      String name = json.hasNonNull("QueueName") ? json.path("QueueName").asString("") : lastSegment(json.path("QueueUrl").asString(null));
      Map<String, String> attributes = new HashMap<>();
      json.path("Attributes").properties().forEach(field -> attributes.put(field.getKey(), field.getValue().asString("")));
      boolean asks = false;
      for (JsonNode attributeName : json.path("AttributeNames")) {
        asks |= attributeName.asString("").equals("All") || attributeName.asString("").equals(ATTRIBUTE);
      }
      return new Parameters(name, attributes, asks);
    }
    Map<String, String> form = form(request);
    String name = form.containsKey("QueueName") ? form.get("QueueName") : lastSegment(form.get("QueueUrl"));
    if (name == null) {
      name = lastSegment(request.uri().getPath());
    }
    Map<String, String> attributes = new HashMap<>();
    boolean asks = false;
    for (Map.Entry<String, String> entry : form.entrySet()) {
      String key = entry.getKey();
      if (key.startsWith("Attribute.") && key.endsWith(".Name")) {
        String value = form.get(key.substring(0, key.length() - ".Name".length()) + ".Value");
        if (value != null) {
          attributes.put(entry.getValue(), value);
        }
      }
      if (key.startsWith("AttributeName")) {
        asks |= entry.getValue().equals("All") || entry.getValue().equals(ATTRIBUTE);
      }
    }
    return new Parameters(name, attributes, asks);
  }

  private static Map<String, String> form(AwsRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String query = request.uri().getRawQuery();
    String body = new String(request.body(), StandardCharsets.UTF_8);
    for (String part : (query == null ? "" : query + "&").concat(body).split("&")) {
      int equals = part.indexOf('=');
      if (equals > 0) {
        form.put(
            URLDecoder.decode(part.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static @Nullable String lastSegment(@Nullable String urlOrPath) {
    if (urlOrPath == null || urlOrPath.isBlank()) {
      return null;
    }
    String trimmed = urlOrPath.endsWith("/") ? urlOrPath.substring(0, urlOrPath.length() - 1) : urlOrPath;
    String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return segment.isEmpty() ? null : segment;
  }
}
