package com.bellyfed.analytics;

import static com.bellyfed.analytics.AnalyticsFixtures.analyticsEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.catalog.AnalyticsEvent.Category;
import com.bellyfed.events.catalog.AnalyticsEvent.Status;
import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.listener.ListenerPause;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A DynamoDB outage while events arrive: the analytics and the archive listener share one circuit
 * and both stop polling while it is open, so that the events wait in their queues; once DynamoDB is
 * back every event is stored once by both, counted once, and none reaches a dead-letter queue.
 */
@AnalyticsIntegrationTest
class DynamoDbOutageIntegrationTests {

  private static final int EVENTS = 40;
  // The listener container ids of the analytics and archive listeners.
  private static final List<String> LISTENERS = List.of("analytics", "archive");

  @LocalServerPort int port;
  /** Every API here is an admin's: the tests call it as one, with a real access token. */
  private SignedInApi http;
  @Autowired Topology topology;
  @Autowired ListenerPause pause;
  @Autowired MessageListenerContainerRegistry containers;
  @Autowired @Qualifier("analyticsDynamoDbCircuitBreaker") CircuitBreaker circuit;

  @BeforeEach
  void signIn(LocalAws localAws) {
    http = SignedInApi.admin(port, localAws);
  }

  @Test
  void bothListenersPauseThroughADynamoDbOutageAndThenStoreEveryEventOnceWithNoneInADeadLetterQueue(LocalAws localAws) {
    String service = AnalyticsFixtures.uniqueService();
    String correlationId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    List<EventEnvelope> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      events.add(withCorrelation(analyticsEvent(service, Category.SYSTEM_EVENT, Status.SUCCESS, 7, now.plusMillis(i)), correlationId));
    }
    Map<String, Long> pausesBefore = new java.util.HashMap<>();
    LISTENERS.forEach(id -> pausesBefore.put(id, pause.pauses(id)));

    localAws.faults().inject(Fault.down(AwsService.DYNAMODB));
    try {
      AnalyticsFixtures.publishAnalytics(localAws, topology, events);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        for (String id : LISTENERS) {
          assertThat(pause.pauses(id)).as(id + " paused").isGreaterThan(pausesBefore.get(id));
          assertThat(containers.getContainerById(id).isRunning()).as(id + " polling").isFalse();
        }
      });
      // Through a failed probe: the circuit half-opens, both listeners poll again, the probe fails
      // and both pause once more. Each such round used to cost every message it received a receive.
      await().atMost(Duration.ofSeconds(40)).until(() -> LISTENERS.stream().allMatch(id -> pause.pauses(id) >= pausesBefore.get(id) + 2));
    } finally {
      localAws.faults().clear();
    }

    String query = "?service=" + service + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60);
    await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong() >= EVENTS
        && http.get("/api/events?correlationId=" + correlationId).json().path("count").asInt() >= EVENTS);
    await().atMost(Duration.ofSeconds(20)).until(() -> circuit.getState() == CircuitBreaker.State.CLOSED
        && LISTENERS.stream().allMatch(id -> containers.getContainerById(id).isRunning())
        && messagesIn(localAws, topology.queue("analytics").name()) == 0 && messagesIn(localAws, topology.queue("archive").name()) == 0);

    assertThat(http.get("/api/analytics/summary" + query).json().path("total").path("count").asLong()).isEqualTo(EVENTS);
    assertThat(http.get("/api/analytics/events" + query + "&limit=100").json().path("items").findValuesAsString("eventId"))
        .containsExactlyInAnyOrderElementsOf(events.stream().map(EventEnvelope::eventId).toList());
    assertThat(http.get("/api/events?correlationId=" + correlationId).json().path("events").findValuesAsString("eventId"))
        .containsExactlyInAnyOrderElementsOf(events.stream().map(EventEnvelope::eventId).toList());
    for (EventEnvelope event : events) {
      assertThat(localAws.dynamoDb().getItem(request -> request.tableName(topology.table("analytics-events").name())
          .key(Map.of("eventId", AttributeValue.fromS(event.eventId())))).hasItem()).isTrue();
    }
    assertThat(deadLettered(localAws, "analytics", service)).as("analytics events of the outage in the DLQ").isEmpty();
    assertThat(deadLettered(localAws, "archive", correlationId)).as("archived events of the outage in the DLQ").isEmpty();
  }

  private static EventEnvelope withCorrelation(EventEnvelope event, String correlationId) {
    return new EventEnvelope(event.eventId(), event.eventType(), event.eventVersion(), event.source(), event.timestamp(), correlationId,
        event.causationId(), event.sequenceNumber(), event.userId(), event.data(), event.metadata());
  }

  /** The receive counts of the messages in the flow's DLQ whose body contains {@code marker}, read without consuming them. */
  private List<String> deadLettered(LocalAws localAws, String flow, String marker) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(topology.deadLetterQueue(flow).name())).queueUrl();
    Set<String> seen = new HashSet<>();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      for (Message message : localAws.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
          .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages()) {
        if (seen.add(message.messageId()) && message.body().contains(marker)) {
          found.add(message.messageId() + " received " + message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        }
      }
    }
    return found;
  }

  private static int messagesIn(LocalAws localAws, String queueName) {
    String url = localAws.sqs().getQueueUrl(request -> request.queueName(queueName)).queueUrl();
    var attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings();
    return Integer.parseInt(attributes.get("ApproximateNumberOfMessages")) + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
  }
}
