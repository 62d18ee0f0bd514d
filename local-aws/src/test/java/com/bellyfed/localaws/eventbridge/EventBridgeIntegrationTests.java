package com.bellyfed.localaws.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@LocalAwsTest
class EventBridgeIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_FILTER =
      """
      {"source":[{"prefix":"bellyfed."}],
       "detail-type":[{"anything-but":["ListingDeleted"]}],
       "detail":{"rating":[{"numeric":[">=",4,"<=",5]}],
                 "dish":[{"exists":true}],
                 "$or":[{"city":["Lisbon"]},{"tags":["vegan"]}]}}""";

  private static EventBridgeClient events;
  private static SqsClient sqs;

  @BeforeAll
  static void clients(LocalAws localAws) {
    events = localAws.eventBridge();
    sqs = localAws.sqs();
  }

  @Test
  void deliversExactlyTheMatchingEventsInTheEventBridgeShape() throws Exception {
    Route route = route(CONTENT_FILTER);

    Map<String, String> matching =
        Map.of(
            "lisbon", "{\"rating\":4,\"dish\":\"bacalhau\",\"city\":\"Lisbon\"}",
            "vegan", "{\"rating\":5,\"dish\":\"tofu\",\"city\":\"Porto\",\"tags\":[\"spicy\",\"vegan\"]}");
    Map<String, String> notMatching =
        Map.of(
            "low-rating", "{\"rating\":3,\"dish\":\"bacalhau\",\"city\":\"Lisbon\"}",
            "no-dish", "{\"rating\":5,\"city\":\"Lisbon\"}",
            "other-city", "{\"rating\":5,\"dish\":\"pizza\",\"city\":\"Rome\"}");
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    matching.forEach((name, detail) -> entries.add(entry(route.bus, "bellyfed.restaurant", "ReviewCreated", detail)));
    notMatching.forEach((name, detail) -> entries.add(entry(route.bus, "bellyfed.restaurant", "ReviewCreated", detail)));
    entries.add(entry(route.bus, "bellyfed.restaurant", "ListingDeleted", matching.get("lisbon")));
    entries.add(entry(route.bus, "other.app", "ReviewCreated", matching.get("lisbon")));

    PutEventsResponse response = events.putEvents(request -> request.entries(entries));
    assertThat(response.failedEntryCount()).isZero();

    List<JsonNode> delivered = awaitMessages(route.queueUrl, 2);
    assertThat(delivered).extracting(event -> event.path("detail").toString())
        .containsExactlyInAnyOrderElementsOf(matching.values().stream().map(EventBridgeIntegrationTests::normalized).toList());
    JsonNode event = delivered.get(0);
    assertThat(fieldNames(event))
        .containsExactly("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
    assertThat(event.path("version").asString("")).isEqualTo("0");
    assertThat(event.path("account").asString("")).isEqualTo(LocalAws.ACCOUNT);
    assertThat(event.path("source").asString("")).isEqualTo("bellyfed.restaurant");
    assertThat(event.path("detail-type").asString("")).isEqualTo("ReviewCreated");
    assertThat(event.path("time").asString("")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(response.entries()).extracting(result -> result.eventId()).contains(event.path("id").asString(""));
    assertNoMoreMessages(route.queueUrl);
  }

  @Test
  void disabledRuleStopsDeliveryAndEnablingResumesIt() throws Exception {
    Route route = route("{\"source\":[\"bellyfed.user\"]}");
    events.disableRule(request -> request.name(route.rule).eventBusName(route.bus));
    assertThat(events.describeRule(request -> request.name(route.rule).eventBusName(route.bus)).state())
        .isEqualTo(RuleState.DISABLED);
    put(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":1}");

    events.enableRule(request -> request.name(route.rule).eventBusName(route.bus));
    put(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":2}");

    assertThat(awaitMessages(route.queueUrl, 1)).extracting(event -> event.path("detail").path("n").asInt(0)).containsExactly(2);
    assertNoMoreMessages(route.queueUrl);
  }

  @Test
  void removedTargetsAndDeletedRulesStopDelivery() throws Exception {
    Route route = route("{\"source\":[\"bellyfed.user\"]}");
    events.removeTargets(request -> request.rule(route.rule).eventBusName(route.bus).ids("queue"));
    assertThat(events.listTargetsByRule(request -> request.rule(route.rule).eventBusName(route.bus)).targets()).isEmpty();
    put(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":1}");

    events.deleteRule(request -> request.name(route.rule).eventBusName(route.bus));
    assertThatThrownBy(() -> events.describeRule(request -> request.name(route.rule).eventBusName(route.bus)))
        .isInstanceOf(ResourceNotFoundException.class);
    put(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":2}");

    assertNoMoreMessages(route.queueUrl);
  }

  @Test
  void inputTransformerFillsTemplatesAsAwsDocuments() throws Exception {
    String bus = bus();
    String queueUrl = queue();
    String queueArn = arn(queueUrl);
    String rule = "transform-" + suffix();
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"bellyfed.system\"]}"));
    events.putTargets(
        request ->
            request.rule(rule).eventBusName(bus).targets(
                Target.builder().id("json").arn(queueArn)
                    .inputTransformer(transformer -> transformer
                        .inputPathsMap(Map.of("instance", "$.detail.instance-id", "state", "$.detail.state", "tags", "$.detail.tags"))
                        .inputTemplate("{\"instance\": <instance>, \"state\": \"<state>\", \"tags\": <tags>, \"missing\": <nothing>}"))
                    .build(),
                Target.builder().id("text").arn(queueArn)
                    .inputTransformer(transformer -> transformer
                        .inputPathsMap(Map.of("instance", "$.detail.instance-id", "state", "$.detail.state"))
                        .inputTemplate("\"<instance> is in state <state>\""))
                    .build(),
                Target.builder().id("path").arn(queueArn).inputPath("$.detail.tags").build(),
                Target.builder().id("constant").arn(queueArn).input("{\"fixed\":true}").build()));

    put(bus, "bellyfed.system", "InstanceChanged", "{\"instance-id\":\"i-0123\",\"state\":\"RUNNING\",\"tags\":[\"a\",\"b\"]}");

    List<String> bodies = awaitBodies(queueUrl, 4);
    assertThat(bodies)
        .containsExactlyInAnyOrder(
            "{\"instance\": \"i-0123\", \"state\": \"RUNNING\", \"tags\": [\"a\",\"b\"], \"missing\": <nothing>}",
            "\"i-0123 is in state RUNNING\"",
            "[\"a\",\"b\"]",
            "{\"fixed\":true}");
  }

  @Test
  void rejectsMoreThanTenEntriesAsAWhole() {
    String bus = bus();
    List<PutEventsRequestEntry> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(entry(bus, "bellyfed.user", "ProfileUpdated", "{}"));
    }

    assertThatThrownBy(() -> events.putEvents(request -> request.entries(eleven)))
        .isInstanceOfSatisfying(
            EventBridgeException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.getMessage()).contains("less than or equal to 10");
            });
  }

  @Test
  void failsAnOversizedOrMalformedEntryAloneAndDeliversTheOthers() throws Exception {
    Route route = route("{\"source\":[\"bellyfed.user\"]}");
    String oversized = "{\"blob\":\"" + "x".repeat(EventBridgeEmulator.MAX_ENTRY_BYTES) + "\"}";

    PutEventsResponse response =
        events.putEvents(
            request ->
                request.entries(
                    entry(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":1}"),
                    entry(route.bus, "bellyfed.user", "ProfileUpdated", oversized),
                    entry(route.bus, "bellyfed.user", "ProfileUpdated", "{not json"),
                    entry("no-such-bus-" + suffix(), "bellyfed.user", "ProfileUpdated", "{\"n\":9}"),
                    entry(route.bus, "bellyfed.user", "ProfileUpdated", "{\"n\":2}")));

    assertThat(response.failedEntryCount()).isEqualTo(3);
    assertThat(response.entries().get(0).eventId()).isNotBlank();
    assertThat(response.entries().get(1).errorCode()).isEqualTo("InvalidArgument");
    assertThat(response.entries().get(1).errorMessage()).contains("262144");
    assertThat(response.entries().get(2).errorCode()).isEqualTo("MalformedDetail");
    assertThat(response.entries().get(3).errorMessage()).contains("does not exist");
    assertThat(response.entries().get(4).eventId()).isNotBlank();
    assertThat(awaitMessages(route.queueUrl, 2)).extracting(event -> event.path("detail").path("n").asInt(0))
        .containsExactlyInAnyOrder(1, 2);
  }

  @Test
  void answersUnknownResourcesAndInvalidPatternsWithAwsErrors() {
    String bus = bus();
    assertThatThrownBy(() -> events.describeEventBus(request -> request.name("no-such-bus-" + suffix())))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> events.describeRule(request -> request.name("no-such-rule").eventBusName(bus)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> events.putRule(request -> request.name("broken").eventBusName(bus).eventPattern("{\"source\":\"bellyfed.user\"}")))
        .isInstanceOf(InvalidEventPatternException.class)
        .hasMessageContaining("Event pattern is not valid");
    assertThatThrownBy(() -> events.createEventBus(request -> request.name(bus)))
        .isInstanceOfSatisfying(EventBridgeException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsException"));
  }

  @Test
  void refusesToDeleteARuleThatStillHasTargets() {
    Route route = route("{\"source\":[\"bellyfed.user\"]}");

    assertThatThrownBy(() -> events.deleteRule(request -> request.name(route.rule).eventBusName(route.bus)))
        .isInstanceOfSatisfying(EventBridgeException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void testEventPatternTellsWhetherAPatternMatches() {
    String event =
        """
        {"id":"1","account":"000000000000","source":"bellyfed.restaurant","time":"2026-01-01T00:00:00Z",\
        "region":"us-east-1","resources":[],"detail-type":"ReviewCreated","detail":{"rating":4,"dish":"x","city":"Lisbon"}}""";

    assertThat(events.testEventPattern(request -> request.eventPattern(CONTENT_FILTER).event(event)).result()).isTrue();
    assertThat(events.testEventPattern(request -> request.eventPattern("{\"source\":[\"bellyfed.user\"]}").event(event)).result())
        .isFalse();
  }

  @Test
  void listsBusesAndRulesByPrefixWithPaging() {
    String bus = bus();
    for (int i = 0; i < 3; i++) {
      String name = "paged-" + i;
      events.putRule(request -> request.name(name).eventBusName(bus).eventPattern("{\"source\":[\"x\"]}"));
    }

    var firstPage = events.listRules(request -> request.eventBusName(bus).namePrefix("paged-").limit(2));
    var secondPage = events.listRules(request -> request.eventBusName(bus).namePrefix("paged-").nextToken(firstPage.nextToken()));

    assertThat(firstPage.rules()).extracting(rule -> rule.name()).containsExactly("paged-0", "paged-1");
    assertThat(secondPage.rules()).extracting(rule -> rule.name()).containsExactly("paged-2");
    assertThat(secondPage.nextToken()).isNull();
    assertThat(events.listEventBuses(request -> request.namePrefix(bus)).eventBuses()).extracting(b -> b.name()).containsExactly(bus);
  }

  @Test
  void sendsEventsItCannotDeliverToTheTargetDeadLetterQueueAfterTheRetryPolicy() throws Exception {
    String bus = bus();
    String deadLetterUrl = queue();
    String rule = "unreachable-" + suffix();
    String missingQueueArn = "arn:aws:sqs:us-east-1:" + LocalAws.ACCOUNT + ":no-such-queue-" + suffix();
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"bellyfed.user\"]}"));
    events.putTargets(
        request ->
            request.rule(rule).eventBusName(bus).targets(
                Target.builder().id("gone").arn(missingQueueArn)
                    .retryPolicy(policy -> policy.maximumRetryAttempts(2).maximumEventAgeInSeconds(60))
                    .deadLetterConfig(config -> config.arn(arn(deadLetterUrl)))
                    .build()));

    String eventId = put(bus, "bellyfed.user", "ProfileUpdated", "{\"n\":1}");

    Message deadLetter =
        await().atMost(Duration.ofSeconds(15)).until(() -> receive(deadLetterUrl), messages -> !messages.isEmpty()).get(0);
    assertThat(JSON.readTree(deadLetter.body()).path("id").asString("")).isEqualTo(eventId);
    assertThat(deadLetter.messageAttributes()).containsKeys("RULE_ARN", "TARGET_ARN", "ERROR_CODE", "ERROR_MESSAGE");
    assertThat(deadLetter.messageAttributes().get("EXHAUSTED_RETRY_CONDITION").stringValue())
        .isEqualTo("MaximumRetryAttemptsExhausted");
    assertThat(deadLetter.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("2");
    assertThat(deadLetter.messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(missingQueueArn);
  }

  @Test
  void deliversAfterTheTargetQueueDelayAndCarriesReceiveAttributesAsSendMessageWould() throws Exception {
    String bus = bus();
    String queueUrl = sqs.createQueue(request -> request.queueName("delayed-" + suffix())
        .attributes(Map.of(QueueAttributeName.DELAY_SECONDS, "2"))).queueUrl();
    String rule = "delayed-" + suffix();
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"bellyfed.user\"]}"));
    events.putTargets(request -> request.rule(rule).eventBusName(bus).targets(Target.builder().id("q").arn(arn(queueUrl)).build()));

    long sent = System.currentTimeMillis();
    String eventId = put(bus, "bellyfed.user", "ProfileUpdated", "{\"name\":\"Zoë 🍜\"}");

    assertThat(receive(queueUrl)).as("nothing before the queue's delay").isEmpty();
    Message message = await().atMost(Duration.ofSeconds(10)).until(() -> receive(queueUrl), messages -> !messages.isEmpty()).get(0);
    assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1_900);
    JsonNode event = JSON.readTree(message.body());
    assertThat(event.path("id").asString("")).isEqualTo(eventId);
    assertThat(event.path("detail").path("name").asString("")).isEqualTo("Zoë 🍜");
    assertThat(message.md5OfBody()).isEqualTo(md5(message.body()));
    assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
  }

  @Test
  void deadLettersEventsForAFifoTargetItCannotGroupWithTheReason() throws Exception {
    String bus = bus();
    String deadLetterUrl = queue();
    String fifoUrl = sqs.createQueue(request -> request.queueName("orders-" + suffix() + ".fifo")
        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
    String rule = "fifo-" + suffix();
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern("{\"source\":[\"bellyfed.user\"]}"));
    events.putTargets(request -> request.rule(rule).eventBusName(bus).targets(Target.builder().id("fifo").arn(arn(fifoUrl))
        .retryPolicy(policy -> policy.maximumRetryAttempts(1).maximumEventAgeInSeconds(60))
        .deadLetterConfig(config -> config.arn(arn(deadLetterUrl))).build()));

    String eventId = put(bus, "bellyfed.user", "ProfileUpdated", "{\"n\":1}");

    Message deadLetter =
        await().atMost(Duration.ofSeconds(15)).until(() -> receive(deadLetterUrl), messages -> !messages.isEmpty()).get(0);
    assertThat(JSON.readTree(deadLetter.body()).path("id").asString("")).isEqualTo(eventId);
    assertThat(deadLetter.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("InvalidParameterValue");
    assertThat(deadLetter.messageAttributes().get("ERROR_MESSAGE").stringValue()).contains("standard queues only");
    assertThat(receive(fifoUrl)).isEmpty();
  }

  // ---- fixtures

  private record Route(String bus, String rule, String queueUrl) {}

  /** A fresh bus and queue, and a rule with the pattern routing one to the other. */
  private static Route route(String pattern) {
    String bus = bus();
    String queueUrl = queue();
    String rule = "rule-" + suffix();
    events.putRule(request -> request.name(rule).eventBusName(bus).eventPattern(pattern));
    events.putTargets(request -> request.rule(rule).eventBusName(bus).targets(Target.builder().id("queue").arn(arn(queueUrl)).build()));
    return new Route(bus, rule, queueUrl);
  }

  private static String bus() {
    String name = "test-bus-" + suffix();
    events.createEventBus(request -> request.name(name));
    return name;
  }

  private static String queue() {
    return sqs.createQueue(request -> request.queueName("test-queue-" + suffix())).queueUrl();
  }

  private static String arn(String queueUrl) {
    return sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
  }

  private static String md5(String text) throws Exception {
    return java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static PutEventsRequestEntry entry(String bus, String source, String detailType, String detail) {
    return PutEventsRequestEntry.builder().eventBusName(bus).source(source).detailType(detailType).detail(detail).build();
  }

  private static String put(String bus, String source, String detailType, String detail) {
    PutEventsResponse response = events.putEvents(request -> request.entries(entry(bus, source, detailType, detail)));
    assertThat(response.failedEntryCount()).isZero();
    return response.entries().get(0).eventId();
  }

  private static List<Message> receive(String queueUrl) {
    List<Message> messages =
        sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
            .messages();
    messages.forEach(message -> sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle())));
    return messages;
  }

  private static List<String> awaitBodies(String queueUrl, int count) {
    List<String> bodies = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      receive(queueUrl).forEach(message -> bodies.add(message.body()));
      return bodies.size() >= count;
    });
    return bodies;
  }

  private static List<JsonNode> awaitMessages(String queueUrl, int count) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    for (String body : awaitBodies(queueUrl, count)) {
      events.add(JSON.readTree(body));
    }
    return events;
  }

  /** Delivery is asynchronous: a message that was going to arrive would within this window. */
  private static void assertNoMoreMessages(String queueUrl) {
    List<Message> late =
        sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    assertThat(late).extracting(Message::body).isEmpty();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static String normalized(String json) {
    try {
      return JSON.readTree(json).toString();
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
