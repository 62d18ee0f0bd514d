package com.bellyfed.events.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsTest;
import io.awspring.cloud.sqs.listener.DefaultListenerContainerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The oldest-message age of a consumed queue, read from a real queue with a clock the test moves. */
@LocalAwsTest
class QueueAgesIntegrationTests {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

  @Test
  void anEmptyQueueIsZeroAndAWaitingMessageAgesUntilTheConsumerReceivesNewerOnes(LocalAws localAws) {
    String name = "test-queue-age-" + UUID.randomUUID().toString().substring(0, 8);
    String url = localAws.sqs().createQueue(request -> request.queueName(name)).queueUrl();
    try (QueueAges ages = new QueueAges(localAws.sqs(), new DefaultListenerContainerRegistry(), registry, clock, Duration.ofSeconds(15))) {
      ages.watch(name);
      ages.refresh();
      assertThat(age(name)).as("nothing waits").isZero();
      assertThat(waiting(name)).isZero();

      localAws.sqs().sendMessage(request -> request.queueUrl(url).messageBody("{}"));
      clock.advance(Duration.ofSeconds(300));
      ages.refresh();
      assertThat(age(name)).as("waiting since the queue was last seen empty").isEqualTo(300);
      assertThat(waiting(name)).isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      ages.refresh();
      assertThat(age(name)).isEqualTo(301);

      // The consumer received a message sent 10 s ago: what still waits is no older than that.
      ages.received(url, Message.builder().attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP,
          Long.toString(clock.instant().minusSeconds(10).toEpochMilli()))).build());
      ages.refresh();
      assertThat(age(name)).isEqualTo(10);

      localAws.sqs().purgeQueue(request -> request.queueUrl(url));
      ages.refresh();
      assertThat(age(name)).as("emptied").isZero();
    }
  }

  /**
   * The gauges exist as soon as a queue is watched, before any AWS call; a queue whose URL cannot be found on the
   * first round loses them. GetQueueUrl of a missing queue fails with QueueDoesNotExist:
   * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html
   */
  @Test
  void aQueueWithoutAUrlLosesItsGaugesOnTheFirstRound(LocalAws localAws) {
    String name = "test-queue-age-missing-" + UUID.randomUUID().toString().substring(0, 8);
    try (QueueAges ages = new QueueAges(localAws.sqs(), new DefaultListenerContainerRegistry(), registry, clock, Duration.ofSeconds(15))) {
      ages.watch(name);
      assertThat(registry.find("bellyfed.queue.oldest.age").tag("queue", name).gauge()).as("registered at once").isNotNull();

      ages.refresh();
      assertThat(registry.find("bellyfed.queue.oldest.age").tag("queue", name).gauge()).isNull();
      assertThat(registry.find("bellyfed.queue.messages").tag("queue", name).gauge()).isNull();
    }
  }

  private double age(String queue) {
    return registry.get("bellyfed.queue.oldest.age").tag("queue", queue).gauge().value();
  }

  private double waiting(String queue) {
    return registry.get("bellyfed.queue.messages").tag("queue", queue).gauge().value();
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
