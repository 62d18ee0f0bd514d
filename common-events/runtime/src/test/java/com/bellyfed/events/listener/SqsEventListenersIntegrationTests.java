package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.envelope.EventEnvelope;
import com.bellyfed.events.publishing.EventFactory;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.awspring.cloud.sqs.annotation.SqsListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@LocalAwsTest
@SpringBootTest(
    classes = SqsEventListenersIntegrationTests.ListenerApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"spring.application.name=listener-app", "bellyfed.events.consumer.first-backoff=1s"})
class SqsEventListenersIntegrationTests {

  static String queueUrl;
  static String deadLetterUrl;

  @Autowired ReviewCounter counter;
  @Autowired EventFactory events;

  /** A private queue pair, created before the listener container starts and looks the queue up. */
  @BeforeAll
  static void queues(LocalAws localAws) {
    SqsClient sqs = localAws.sqs();
    String name = "listener-" + UUID.randomUUID().toString().substring(0, 8);
    deadLetterUrl = sqs.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
    String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    queueUrl = sqs.createQueue(request -> request.queueName(name + "-queue").attributes(Map.of(
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":3}"))).queueUrl();
    System.setProperty("test.listener.queue", name + "-queue");
  }

  @Test
  void anSqsListenerHandlesEachEventOnceAndAcknowledgesDuplicates(LocalAws localAws) {
    EventEnvelope review = review("good");

    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(eventBridgeEvent(review)));
    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(eventBridgeEvent(review)));

    await().atMost(Duration.ofSeconds(20)).until(() -> counter.deliveries.get() >= 2);
    assertThat(counter.handled.get(review.eventId())).hasValue(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> messagesIn(localAws, queueUrl) == 0);
  }

  @Test
  void aFailingHandlerLeavesTheMessageUnacknowledgedUntilSqsMovesItToTheDeadLetterQueue(LocalAws localAws) {
    EventEnvelope poison = review("poison");

    localAws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(eventBridgeEvent(poison)));

    await().atMost(Duration.ofSeconds(40)).until(() -> messagesIn(localAws, deadLetterUrl) == 1);
    assertThat(counter.failures).filteredOn(poison.eventId()::equals).hasSize(3);
    assertThat(counter.handled).doesNotContainKey(poison.eventId());
  }

  private EventEnvelope review(String kind) {
    return events.create("restaurant.review.created", Map.of("reviewId", UUID.randomUUID().toString(), "restaurantId", kind, "rating", 4));
  }

  private static int messagesIn(LocalAws localAws, String url) {
    Map<QueueAttributeName, String> attributes = localAws.sqs().getQueueAttributes(request -> request.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static String eventBridgeEvent(EventEnvelope envelope) {
    return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"ReviewCreated\",\"source\":\"bellyfed.restaurant\","
        + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":" + new com.bellyfed.events.envelope.EnvelopeJson().write(envelope) + "}";
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(ReviewCounter.class)
  static class ListenerApp {}

  /** A consumer as a service writes one: an @SqsListener method handing over to SqsEventListeners. */
  @Component
  static class ReviewCounter {

    final AtomicInteger deliveries = new AtomicInteger();
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final SqsEventListeners listeners;

    ReviewCounter(SqsEventListeners listeners) {
      this.listeners = listeners;
    }

    @SqsListener("${test.listener.queue}")
    void receive(Message<String> message) {
      deliveries.incrementAndGet();
      listeners.handle("review-counter", message, this::on);
    }

    void on(EventEnvelope review) {
      if (review.data().path("restaurantId").asText().equals("poison")) {
        failures.add(review.eventId());
        throw new IllegalStateException("cannot count poison");
      }
      handled.computeIfAbsent(review.eventId(), id -> new AtomicInteger()).incrementAndGet();
    }
  }
}
