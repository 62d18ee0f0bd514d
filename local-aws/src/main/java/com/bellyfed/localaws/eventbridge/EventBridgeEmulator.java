package com.bellyfed.localaws.eventbridge;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * The EventBridge API: buses, rules, targets, PutEvents and TestEventPattern, with requests and
 * responses in the shapes of the AWS JSON 1.1 protocol. Matching is AWS's own event-ruler.
 */
public final class EventBridgeEmulator {

  static final int MAX_ENTRIES = 10;
  static final int MAX_ENTRY_BYTES = 256 * 1024;
  private static final int MAX_TARGETS_PER_RULE = 5;
  private static final Pattern RULE_NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
  private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
  private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ISO_INSTANT;

  private final ObjectMapper mapper;
  private final String region;
  private final String account;
  private final ConcurrentMap<String, EventBus> buses = new ConcurrentHashMap<>();
  private final AtomicLong entriesAccepted = new AtomicLong();
  private final AtomicLong entriesFailed = new AtomicLong();
  private TargetDelivery delivery;

  EventBridgeEmulator(ObjectMapper mapper, String region, String account) {
    this.mapper = mapper;
    this.region = region;
    this.account = account;
    buses.put("default", new EventBus("default", busArn("default")));
  }

  void delivery(TargetDelivery targetDelivery) {
    this.delivery = targetDelivery;
  }

  Map<String, Long> stats() {
    Map<String, Long> stats = new LinkedHashMap<>();
    stats.put("entriesAccepted", entriesAccepted.get());
    stats.put("entriesFailed", entriesFailed.get());
    stats.putAll(delivery.stats().asMap());
    return stats;
  }

  // ---- buses

  boolean hasBus(String name) {
    return buses.containsKey(name);
  }

  ObjectNode createEventBus(JsonNode request) {
    String name = required(request, "Name");
    if (!BUS_NAME.matcher(name).matches() || name.equals("default")) {
      throw EventBridgeException.validation("Parameter Name is not valid: '" + name + "'.");
    }
    EventBus bus = new EventBus(name, busArn(name));
    if (buses.putIfAbsent(name, bus) != null) {
      throw new EventBridgeException("ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
    }
    return object().put("EventBusArn", bus.arn());
  }

  ObjectNode deleteEventBus(JsonNode request) {
    String name = required(request, "Name");
    if (name.equals("default")) {
      throw EventBridgeException.validation("Cannot delete event bus default.");
    }
    buses.remove(name);
    return object();
  }

  ObjectNode describeEventBus(JsonNode request) {
    EventBus bus = bus(request.path("Name").asString("default"));
    return object().put("Name", bus.name()).put("Arn", bus.arn());
  }

  ObjectNode listEventBuses(JsonNode request) {
    String prefix = request.path("NamePrefix").asString("");
    List<EventBus> matching =
        buses.values().stream().filter(bus -> bus.name().startsWith(prefix)).sorted((a, b) -> a.name().compareTo(b.name())).toList();
    ObjectNode response = object();
    ArrayNode list = response.putArray("EventBuses");
    page(matching, request, response).forEach(bus -> list.addObject().put("Name", bus.name()).put("Arn", bus.arn()));
    return response;
  }

  // ---- rules

  ObjectNode putRule(JsonNode request) {
    String name = required(request, "Name");
    if (!RULE_NAME.matcher(name).matches()) {
      throw EventBridgeException.validation("Parameter Name is not valid: '" + name + "'.");
    }
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    if (request.hasNonNull("ScheduleExpression")) {
      throw EventBridgeException.validation("local-aws does not run scheduled rules (ScheduleExpression).");
    }
    String pattern = request.path("EventPattern").asString(null);
    if (pattern == null) {
      throw EventBridgeException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
    }
    String problem = JsonRuleCompiler.check(pattern);
    if (problem != null) {
      throw new EventBridgeException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + problem);
    }
    String state = request.path("State").asString("ENABLED");
    if (!state.equals("ENABLED") && !state.equals("DISABLED")) {
      throw EventBridgeException.validation("Parameter State is not valid: '" + state + "'.");
    }
    String description = request.path("Description").asString("");
    synchronized (bus) {
      Rule rule =
          bus.hasRule(name)
              ? bus.rule(name).withPattern(pattern, state.equals("ENABLED"), description)
              : new Rule(name, bus.name(), ruleArn(bus.name(), name), pattern, state.equals("ENABLED"), description, Map.of(), Instant.now());
      bus.put(rule);
      return object().put("RuleArn", rule.arn());
    }
  }

  ObjectNode describeRule(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    Rule rule = bus.rule(required(request, "Name"));
    return ruleJson(rule).put("CreatedBy", account);
  }

  ObjectNode listRules(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    String prefix = request.path("NamePrefix").asString("");
    List<Rule> matching = bus.rules().stream().filter(rule -> rule.name().startsWith(prefix)).toList();
    ObjectNode response = object();
    ArrayNode list = response.putArray("Rules");
    page(matching, request, response).forEach(rule -> list.add(ruleJson(rule)));
    return response;
  }

  ObjectNode deleteRule(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    String name = required(request, "Name");
    synchronized (bus) {
      if (!bus.hasRule(name)) {
        return object();
      }
      if (!bus.rule(name).targets().isEmpty()) {
        throw EventBridgeException.validation("Rule can't be deleted since it has targets.");
      }
      bus.remove(name);
    }
    return object();
  }

  ObjectNode enableRule(JsonNode request, boolean enabled) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    synchronized (bus) {
      bus.put(bus.rule(required(request, "Name")).withEnabled(enabled));
    }
    return object();
  }

  // ---- targets

  ObjectNode putTargets(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    String ruleName = required(request, "Rule");
    JsonNode targets = request.path("Targets");
    if (!targets.isArray() || targets.isEmpty() || targets.size() > 10) {
      throw EventBridgeException.validation("Targets must hold between 1 and 10 entries.");
    }
    ObjectNode response = object();
    ArrayNode failed = response.putArray("FailedEntries");
    synchronized (bus) {
      Rule rule = bus.rule(ruleName);
      Map<String, Target> updated = new LinkedHashMap<>(rule.targets());
      for (JsonNode json : targets) {
        String id = json.path("Id").asString("");
        try {
          Target target = target((ObjectNode) json);
          if (!updated.containsKey(id) && updated.size() >= MAX_TARGETS_PER_RULE) {
            throw new EventBridgeException(
                "LimitExceededException", "The requested resource exceeds the maximum number allowed.");
          }
          updated.put(id, target);
        } catch (EventBridgeException e) {
          failed.addObject().put("TargetId", id).put("ErrorCode", e.type()).put("ErrorMessage", e.getMessage());
        }
      }
      bus.put(rule.withTargets(updated));
    }
    return response.put("FailedEntryCount", failed.size());
  }

  ObjectNode removeTargets(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    String ruleName = required(request, "Rule");
    synchronized (bus) {
      Rule rule = bus.rule(ruleName);
      Map<String, Target> updated = new LinkedHashMap<>(rule.targets());
      request.path("Ids").forEach(id -> updated.remove(id.asString("")));
      bus.put(rule.withTargets(updated));
    }
    ObjectNode response = object().put("FailedEntryCount", 0);
    response.putArray("FailedEntries");
    return response;
  }

  ObjectNode listTargetsByRule(JsonNode request) {
    EventBus bus = bus(request.path("EventBusName").asString("default"));
    Rule rule = bus.rule(required(request, "Rule"));
    ObjectNode response = object();
    ArrayNode list = response.putArray("Targets");
    page(List.copyOf(rule.targets().values()), request, response).forEach(target -> list.add(target.json()));
    return response;
  }

  private Target target(ObjectNode json) {
    String id = json.path("Id").asString("");
    if (!RULE_NAME.matcher(id).matches()) {
      throw EventBridgeException.validation("Parameter Id is not valid: '" + id + "'.");
    }
    String arn = json.path("Arn").asString("");
    if (!arn.startsWith("arn:aws:sqs:") && !arn.startsWith("arn:aws:events:")) {
      throw EventBridgeException.validation(
          "Target " + id + ": local-aws delivers to SQS queues and event buses, not to " + arn + ".");
    }
    int inputs = (json.hasNonNull("Input") ? 1 : 0) + (json.hasNonNull("InputPath") ? 1 : 0) + (json.hasNonNull("InputTransformer") ? 1 : 0);
    if (inputs > 1) {
      throw EventBridgeException.validation("Target " + id + ": only one of Input, InputPath and InputTransformer may be set.");
    }
    String inputPath = json.path("InputPath").asString(null);
    if (inputPath != null) {
      InputTransformation.requireValidPath(inputPath, "InputPath");
    }
    Map<String, String> pathsMap = null;
    String template = null;
    JsonNode transformer = json.path("InputTransformer");
    if (transformer.isObject()) {
      template = transformer.path("InputTemplate").asString(null);
      if (template == null) {
        throw EventBridgeException.validation("Target " + id + ": InputTransformer needs an InputTemplate.");
      }
      pathsMap = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = transformer.path("InputPathsMap").properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().startsWith("aws.")) {
          throw EventBridgeException.validation("InputPathsMap key " + field.getKey() + " is reserved.");
        }
        InputTransformation.requireValidPath(field.getValue().asString(""), "InputPathsMap");
        pathsMap.put(field.getKey(), field.getValue().asString(""));
      }
    }
    JsonNode retry = json.path("RetryPolicy");
    int attempts = retry.path("MaximumRetryAttempts").asInt(Target.DEFAULT_RETRY_ATTEMPTS);
    int age = retry.path("MaximumEventAgeInSeconds").asInt(Target.DEFAULT_EVENT_AGE_SECONDS);
    if (attempts < 0 || attempts > 185 || age < 60 || age > 86_400) {
      throw EventBridgeException.validation(
          "Target " + id + ": RetryPolicy needs MaximumRetryAttempts 0-185 and MaximumEventAgeInSeconds 60-86400.");
    }
    String deadLetterArn = json.path("DeadLetterConfig").path("Arn").asString(null);
    if (deadLetterArn != null && !deadLetterArn.startsWith("arn:aws:sqs:")) {
      throw EventBridgeException.validation("Target " + id + ": DeadLetterConfig must name an SQS queue.");
    }
    return new Target(id, arn, json.path("Input").asString(null), inputPath, pathsMap, template, attempts, age, deadLetterArn, json.deepCopy());
  }

  // ---- events

  ObjectNode putEvents(JsonNode request) {
    JsonNode entries = request.path("Entries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      throw EventBridgeException.validation(
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length "
              + (entries.size() > MAX_ENTRIES ? "less than or equal to " + MAX_ENTRIES : "greater than or equal to 1"));
    }
    ObjectNode response = object();
    ArrayNode results = response.putArray("Entries");
    int failed = 0;
    long now = System.currentTimeMillis();
    List<TargetDelivery.Job> jobs = new ArrayList<>();
    for (JsonNode entry : entries) {
      try {
        String id = accept(entry, now, jobs);
        results.addObject().put("EventId", id);
        entriesAccepted.incrementAndGet();
      } catch (EventBridgeException e) {
        failed++;
        entriesFailed.incrementAndGet();
        results.addObject().put("ErrorCode", e.type()).put("ErrorMessage", e.getMessage());
      }
    }
    // One hand-over per call lets deliveries to the same queue share SendMessageBatch calls.
    delivery.submitAll(jobs);
    return response.put("FailedEntryCount", failed);
  }

  private String accept(JsonNode entry, long now, List<TargetDelivery.Job> jobs) {
    String source = entry.path("Source").asString("");
    String detailType = entry.path("DetailType").asString("");
    String detailText = entry.path("Detail").asString("");
    for (Map.Entry<String, String> field : Map.of("Source", source, "DetailType", detailType, "Detail", detailText).entrySet()) {
      if (field.getValue().isBlank()) {
        throw new EventBridgeException("InvalidArgument", "Parameter " + field.getKey() + " is not valid. Reason: " + field.getKey() + " is a required argument.");
      }
    }
    int size = utf8Length(source) + utf8Length(detailType) + utf8Length(detailText) + (entry.has("Time") ? 14 : 0);
    for (JsonNode resource : entry.path("Resources")) {
      size += utf8Length(resource.asString(""));
    }
    if (size > MAX_ENTRY_BYTES) {
      throw new EventBridgeException(
          "InvalidArgument", "Total size of the entry is " + size + " bytes; the limit is " + MAX_ENTRY_BYTES + " bytes.");
    }
    JsonNode detail;
    try {
      detail = mapper.readTree(detailText);
    } catch (JacksonException e) {
      throw new EventBridgeException("MalformedDetail", "Detail is malformed.");
    }
    if (detail == null || !detail.isObject()) {
      throw new EventBridgeException("MalformedDetail", "Detail is malformed.");
    }
    String busName = entry.path("EventBusName").asString("default");
    EventBus bus = buses.get(busName.startsWith("arn:") ? busName.substring(busName.indexOf("event-bus/") + 10) : busName);
    if (bus == null) {
      throw new EventBridgeException("NotAuthorizedForSourceException", "Event bus " + busName + " does not exist.");
    }
    Instant time = entry.has("Time") ? Instant.ofEpochMilli((long) (entry.path("Time").asDouble(0) * 1000)) : Instant.ofEpochMilli(now);
    String id = UUID.randomUUID().toString();
    ObjectNode event = object();
    event.put("version", "0").put("id", id).put("detail-type", detailType).put("source", source)
        .put("account", account).put("time", EVENT_TIME.format(time.truncatedTo(ChronoUnit.SECONDS)))
        .put("region", region);
    ArrayNode resources = event.putArray("resources");
    entry.path("Resources").forEach(resources::add);
    event.set("detail", detail);
    jobs.addAll(match(bus, event, now));
    return id;
  }

  /** The deliveries an event makes: one per target of every enabled rule of the bus that matches it. */
  private List<TargetDelivery.Job> match(EventBus bus, ObjectNode event, long ingestedMillis) {
    EventBus.Snapshot snapshot = bus.snapshot();
    if (snapshot.rules().isEmpty()) {
      return List.of();
    }
    String eventJson = event.toString();
    List<TargetDelivery.Job> jobs = new ArrayList<>();
    for (String ruleName : matching(snapshot.machine(), eventJson)) {
      Rule rule = snapshot.rules().get(ruleName);
      for (Target target : rule.targets().values()) {
        jobs.add(new TargetDelivery.Job(rule, target, event, eventJson, ingestedMillis, 1));
      }
    }
    return jobs;
  }

  /** Delivery to a target that is itself a bus: the same event, matched against that bus's rules. */
  void forward(String busArn, JsonNode event) {
    EventBus bus = buses.get(busArn.substring(busArn.indexOf("event-bus/") + 10));
    if (bus == null) {
      throw EventBridgeException.notFound("Event bus " + busArn + " does not exist.");
    }
    delivery.submitAll(match(bus, (ObjectNode) event, System.currentTimeMillis()));
  }

  ObjectNode testEventPattern(JsonNode request) {
    String pattern = required(request, "EventPattern");
    String problem = JsonRuleCompiler.check(pattern);
    if (problem != null) {
      throw new EventBridgeException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + problem);
    }
    JsonNode event;
    try {
      event = mapper.readTree(required(request, "Event"));
    } catch (JacksonException e) {
      throw EventBridgeException.validation("Parameter Event is not valid: it is not JSON.");
    }
    for (String field : List.of("id", "account", "source", "time", "region", "detail-type")) {
      if (!event.hasNonNull(field)) {
        throw EventBridgeException.validation("Parameter Event is not valid: it lacks the field '" + field + "'.");
      }
    }
    software.amazon.event.ruler.Machine machine = new software.amazon.event.ruler.Machine();
    try {
      machine.addRule("test", pattern);
    } catch (java.io.IOException e) {
      throw new EventBridgeException("InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.getMessage());
    }
    return object().put("Result", !matching(machine, event.toString()).isEmpty());
  }

  /**
   * The rules an event matches. Event Ruler reads the event's JSON text itself: its tree API takes
   * Jackson 2 nodes, and our trees are Jackson 3's.
   */
  private static <T> List<T> matching(software.amazon.event.ruler.GenericMachine<T> machine, String eventJson) {
    try {
      return machine.rulesForJSONEvent(eventJson);
    } catch (Exception e) {
      // The text was written from a parsed tree a moment ago, so Ruler can only fail on its own.
      throw new IllegalStateException("Event Ruler could not read an event: " + e.getMessage(), e);
    }
  }

  // ---- helpers

  private EventBus bus(String nameOrArn) {
    String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf("event-bus/") + 10) : nameOrArn;
    EventBus bus = buses.get(name);
    if (bus == null) {
      throw EventBridgeException.notFound("Event bus " + name + " does not exist.");
    }
    return bus;
  }

  private ObjectNode ruleJson(Rule rule) {
    ObjectNode json = object().put("Name", rule.name()).put("Arn", rule.arn()).put("EventPattern", rule.eventPattern())
        .put("State", rule.enabled() ? "ENABLED" : "DISABLED").put("EventBusName", rule.busName());
    if (!rule.description().isEmpty()) {
      json.put("Description", rule.description());
    }
    return json;
  }

  private <T> List<T> page(List<T> items, JsonNode request, ObjectNode response) {
    int from = request.hasNonNull("NextToken") ? Integer.parseInt(request.path("NextToken").asString("")) : 0;
    int limit = request.path("Limit").asInt(100);
    int to = Math.min(items.size(), from + limit);
    if (to < items.size()) {
      response.put("NextToken", Integer.toString(to));
    }
    return from >= items.size() ? List.of() : new ArrayList<>(items.subList(from, to));
  }

  private static String required(JsonNode request, String field) {
    JsonNode value = request.path(field);
    if (!value.isString() || value.asString("").isEmpty()) {
      throw EventBridgeException.validation("Parameter " + field + " is required.");
    }
    return value.asString("");
  }

  private String busArn(String name) {
    return "arn:aws:events:" + region + ":" + account + ":event-bus/" + name;
  }

  private String ruleArn(String busName, String ruleName) {
    return "arn:aws:events:" + region + ":" + account + ":rule/" + (busName.equals("default") ? "" : busName + "/") + ruleName;
  }

  private ObjectNode object() {
    return mapper.createObjectNode();
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
