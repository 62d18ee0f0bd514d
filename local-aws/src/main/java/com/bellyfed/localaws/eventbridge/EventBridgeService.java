package com.bellyfed.localaws.eventbridge;

import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.ServiceBackend;
import com.bellyfed.localaws.edge.Workers;
import com.bellyfed.localaws.sqs.ElasticMqQueues;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import com.bellyfed.localaws.Json;
import tools.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the {@code AWSEvents.*} operations of the AWS JSON 1.1 protocol on the edge. */
public final class EventBridgeService implements ServiceBackend, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventBridgeService.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  // Each delivery is a few in-process actor messages; a failing target waits in the retry scheduler, not here.
  private static final int DELIVERY_THREADS = 4;

  private final ObjectMapper mapper = Json.MAPPER;
  private final EventBridgeEmulator emulator;
  private final TargetDelivery delivery;

  /**
   * @param queues ElasticMQ's queues, in-process, which deliveries go to directly
   * @param retryBase the first backoff of a failed delivery; later ones double
   */
  public EventBridgeService(String region, String account, ElasticMqQueues queues, Duration retryBase) {
    this.emulator = new EventBridgeEmulator(mapper, region, account);
    this.delivery =
        new TargetDelivery(
            queues,
            new InputTransformation(mapper),
            emulator::forward,
            Executors.newFixedThreadPool(DELIVERY_THREADS, Workers.daemonThreads("eventbridge-delivery")),
            Executors.newSingleThreadScheduledExecutor(Workers.daemonThreads("eventbridge-retry")),
            retryBase);
    emulator.delivery(delivery);
  }

  /** Counts of accepted and failed entries and of deliveries, retries, dead-lettered and dropped events. */
  public Map<String, Long> stats() {
    return emulator.stats();
  }

  /** Whether a bus of that name exists. */
  public boolean hasBus(String name) {
    return emulator.hasBus(name);
  }

  /**
   * PutEvents in-process, for the other emulators (Cognito's triggers): the same checks, rules and
   * deliveries as through the edge. Returns PutEvents' answer.
   */
  public JsonNode putEvents(JsonNode request) {
    return emulator.putEvents(request);
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    try {
      JsonNode body = request.body().length == 0 ? mapper.createObjectNode() : mapper.readTree(request.body());
      JsonNode response = dispatch(request.operation(), body);
      return AwsResponse.json(200, CONTENT_TYPE, response.toString());
    } catch (JacksonException e) {
      return error(new EventBridgeException("SerializationException", "Request body is not JSON: " + e.getOriginalMessage()));
    } catch (EventBridgeException e) {
      return error(e);
    } catch (RuntimeException e) {
      log.warn("EventBridge {} failed", request.operation(), e);
      return error(new EventBridgeException("InternalException", e.toString(), 500));
    }
  }

  private JsonNode dispatch(String operation, JsonNode body) {
    return switch (operation) {
      case "PutEvents" -> emulator.putEvents(body);
      case "CreateEventBus" -> emulator.createEventBus(body);
      case "DeleteEventBus" -> emulator.deleteEventBus(body);
      case "DescribeEventBus" -> emulator.describeEventBus(body);
      case "ListEventBuses" -> emulator.listEventBuses(body);
      case "PutRule" -> emulator.putRule(body);
      case "DescribeRule" -> emulator.describeRule(body);
      case "ListRules" -> emulator.listRules(body);
      case "DeleteRule" -> emulator.deleteRule(body);
      case "EnableRule" -> emulator.enableRule(body, true);
      case "DisableRule" -> emulator.enableRule(body, false);
      case "PutTargets" -> emulator.putTargets(body);
      case "RemoveTargets" -> emulator.removeTargets(body);
      case "ListTargetsByRule" -> emulator.listTargetsByRule(body);
      case "TestEventPattern" -> emulator.testEventPattern(body);
      default ->
          throw new EventBridgeException(
              "UnknownOperationException", "local-aws does not emulate EventBridge operation " + operation + ".");
    };
  }

  private AwsResponse error(EventBridgeException e) {
    String body = mapper.createObjectNode().put("__type", e.type()).put("message", e.getMessage()).toString();
    return AwsResponse.json(e.status(), CONTENT_TYPE, body);
  }

  @Override
  public void close() {
    delivery.close();
  }
}
