package com.bellyfed.analytics.deadletters;

import static com.bellyfed.analytics.AnalyticsFixtures.errorOccurred;
import static com.bellyfed.analytics.AnalyticsFixtures.eventBridgeEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.analytics.AnalyticsFixtures;
import com.bellyfed.analytics.AnalyticsIntegrationTest;
import com.bellyfed.analytics.SignedInApi;
import com.bellyfed.events.catalog.ErrorOccurred.Severity;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.HttpApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;

@AnalyticsIntegrationTest
class DeadLettersIntegrationTests {

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void listsEveryDeadLetterQueueOfTheTopologyWithItsDepth(LocalAws localAws) {
    String dlq = topology.deadLetterQueue("import").name();
    localAws.sqs().sendMessage(request -> request.queueUrl(url(localAws, dlq)).messageBody("{\"chunk\":1}"));

    JsonNode list = http.get("/api/dlqs").json();

    assertThat(list.findValuesAsString("name")).containsExactlyInAnyOrderElementsOf(
        topology.queues().stream().filter(QueueDefinition::deadLetter).map(QueueDefinition::name).toList());
    JsonNode imports = find(list, dlq);
    assertThat(imports.path("messages").asLong()).isPositive();
    assertThat(imports.path("sourceQueue").asString()).isEqualTo(topology.queue("import").name());
    assertThat(imports.path("oldestAgeSeconds").isNumber()).isTrue();
  }

  @Test
  void peekingShowsMessagesWithoutConsumingThem(LocalAws localAws) {
    String dlq = topology.deadLetterQueue("user-signup").name();
    String url = url(localAws, dlq);
    List<String> bodies = List.of("{\"signup\":\"" + UUID.randomUUID() + "\"}", "{\"signup\":\"" + UUID.randomUUID() + "\"}");
    for (String body : bodies) {
      localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(body)
          .messageAttributes(Map.of("ParseError", MessageAttributeValue.builder().dataType("String").stringValue("Body is not JSON").build())));
    }

    JsonNode first = http.get("/api/dlqs/" + dlq + "/messages").json();
    JsonNode second = http.get("/api/dlqs/" + dlq + "/messages").json();

    assertThat(first.findValuesAsString("body")).containsAll(bodies);
    assertThat(second.findValuesAsString("body")).containsAll(bodies);
    JsonNode peeked = first.get(first.findValuesAsString("body").indexOf(bodies.get(0)));
    assertThat(peeked.path("firstFailureReason").asString()).isEqualTo("Body is not JSON");
    assertThat(peeked.path("sourceQueue").asString()).isEqualTo(topology.queue("user-signup").name());
    // Still there for anyone, at once: SQS itself hands them out again.
    List<String> received = new ArrayList<>();
    for (int i = 0; i < 5 && !received.containsAll(bodies); i++) {
      localAws.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0))
          .messages().forEach(message -> received.add(message.body()));
    }
    assertThat(received).containsAll(bodies);
    for (String id : first.findValuesAsString("messageId")) {
      assertThat(http.delete("/api/dlqs/" + dlq + "/messages/" + id).status()).isEqualTo(204);
    }
  }

  @Test
  void redrivesEveryMessageToItsSourceQueueAndTheConsumerHandlesEachOnce(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    String dlq = topology.deadLetterQueue("error").name();
    String url = url(localAws, dlq);
    List<EventEnvelope> errors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      errors.add(errorOccurred(service, Severity.MEDIUM, "E" + i, UUID.randomUUID().toString()));
    }
    for (EventEnvelope error : errors) {
      localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(eventBridgeEvent(error, "ErrorOccurred")));
    }
    // The same event dead-lettered twice (two failed deliveries): redriven, it must still count once.
    localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(eventBridgeEvent(errors.get(0), "ErrorOccurred")));

    HttpApi.Answer redrive = http.post("/api/dlqs/" + dlq + "/redrive", "{}", "Content-Type", "application/json");

    assertThat(redrive.status()).as(redrive.body()).isEqualTo(202);
    assertThat(redrive.json().path("taskHandle").asString()).isNotBlank();
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/errors?service=" + service).json().path("items").size() == 5);
    await().atMost(Duration.ofSeconds(10)).until(() -> depth(localAws, url) == 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> depth(localAws, url(localAws, topology.queue("error").name())) == 0);
    assertThat(http.get("/api/errors?service=" + service).json().path("items").findValuesAsString("eventId"))
        .containsExactlyInAnyOrderElementsOf(errors.stream().map(EventEnvelope::eventId).toList());
  }

  @Test
  void redrivesSelectedMessagesAndDeletesReviewedOnes(LocalAws localAws) {
    String dlq = topology.deadLetterQueue("rating").name();
    String url = url(localAws, dlq);
    String keep = "{\"review\":\"" + UUID.randomUUID() + "\"}";
    String drop = "{\"review\":\"" + UUID.randomUUID() + "\"}";
    String keepId = localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(keep)).messageId();
    String dropId = localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody(drop)).messageId();

    HttpApi.Answer redrive = http.post("/api/dlqs/" + dlq + "/redrive",
        "{\"messageIds\":[\"" + keepId + "\",\"no-such-id\"]}", "Content-Type", "application/json");
    HttpApi.Answer deleted = http.delete("/api/dlqs/" + dlq + "/messages/" + dropId);

    assertThat(redrive.json().path("moved").get(0).asString()).isEqualTo(keepId);
    assertThat(redrive.json().path("notFound").get(0).asString()).isEqualTo("no-such-id");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(http.delete("/api/dlqs/" + dlq + "/messages/" + dropId).status()).isEqualTo(404);
    String ratingQueue = url(localAws, topology.queue("rating").name());
    List<String> arrived = new ArrayList<>();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      for (Message message : localAws.sqs().receiveMessage(request -> request.queueUrl(ratingQueue).maxNumberOfMessages(10)).messages()) {
        arrived.add(message.body());
        localAws.sqs().deleteMessage(request -> request.queueUrl(ratingQueue).receiptHandle(message.receiptHandle()));
      }
      return arrived.contains(keep);
    });
    assertThat(arrived).doesNotContain(drop);
    assertThat(http.get("/api/dlqs/" + dlq + "/messages").json().findValuesAsString("body")).doesNotContain(keep, drop);
  }

  @Test
  void answersAnUnknownQueueWith404AndAMistypedRedriveWith415() {
    HttpApi.Answer unknown = http.get("/api/dlqs/dev-rating-queue/messages");
    HttpApi.Answer mistyped = http.post("/api/dlqs/" + topology.deadLetterQueue("rating").name() + "/redrive", "all", "Content-Type", "text/plain");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("detail").asString()).contains("not a dead-letter queue");
    assertThat(mistyped.status()).isEqualTo(415);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode queue : list) {
      if (queue.path("name").asString().equals(name)) {
        return queue;
      }
    }
    throw new AssertionError(name + " is not listed");
  }

  private static String url(LocalAws localAws, String name) {
    return localAws.sqs().getQueueUrl(request -> request.queueName(name)).queueUrl();
  }

  private static int depth(LocalAws localAws, String url) {
    var attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
