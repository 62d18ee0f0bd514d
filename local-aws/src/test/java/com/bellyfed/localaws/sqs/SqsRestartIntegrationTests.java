package com.bellyfed.localaws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.provisioning.ProvisioningReport;
import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.QueueDefinition;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * local-aws started on a data directory keeps SQS as AWS does across a restart: what was sent and
 * not deleted is there afterwards, as it was. The AWS behaviours asserted are cited where they are.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqsRestartIntegrationTests {

  /**
   * Long enough that the restart ends well within it (the counts after it were read 1.6 s after the send on
   * a 2-core machine at load 13, with more calls in between than now), so the message is still delayed then.
   */
  private static final Duration DELAY = Duration.ofSeconds(10);

  @Test
  void keepsEveryMessageNotDeletedWithItsStateAcrossARestart(@TempDir Path dataDir) {
    LocalAws.Settings settings = LocalAws.Settings.defaults().withPort(0).withDataDir(dataDir);
    QueueDefinition rating = Topology.bellyfed(settings.environment()).queue("rating");
    String fifoName = "it-restart-orders.fifo";
    String purgedName = "it-restart-purged";

    Map<String, MessageAttributeValue> attributes = Map.of(
        "origin", MessageAttributeValue.builder().dataType("String").stringValue("restart-it").build(),
        "rating", MessageAttributeValue.builder().dataType("Number.int").stringValue("4").build(),
        "digest", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("\u0000bytes")).build());
    String delayedId;
    long delayedSentAt;
    String plainId;
    String twiceReceivedId;
    String inFlightId;
    String inFlightReceipt;
    List<String> fifoIds = new ArrayList<>();
    List<String> fifoSequenceNumbers = new ArrayList<>();

    try (LocalAws first = LocalAws.start(settings)) {
      SqsClient sqs = first.sqs();
      String ratingUrl = url(sqs, rating.name());

      inFlightId = sqs.sendMessage(r -> r.queueUrl(ratingUrl).messageBody("in flight")).messageId();
      inFlightReceipt = receiveOnly(sqs, ratingUrl, inFlightId).receiptHandle();

      String deletedId = sqs.sendMessage(r -> r.queueUrl(ratingUrl).messageBody("deleted")).messageId();
      Message deleted = receiveOnly(sqs, ratingUrl, deletedId);
      sqs.deleteMessage(r -> r.queueUrl(ratingUrl).receiptHandle(deleted.receiptHandle()));

      twiceReceivedId = sqs.sendMessage(r -> r.queueUrl(ratingUrl).messageBody("received twice")).messageId();
      for (int i = 1; i <= 2; i++) {
        Message received = receiveOnly(sqs, ratingUrl, twiceReceivedId);
        // Visible again at once, so that the next receive gets it again and counts it.
        sqs.changeMessageVisibility(r -> r.queueUrl(ratingUrl).receiptHandle(received.receiptHandle()).visibilityTimeout(0));
      }

      plainId = sqs.sendMessage(r -> r.queueUrl(ratingUrl).messageBody("plain {\"stars\":4}").messageAttributes(attributes)).messageId();

      // A provisioned queue changed at run time: provisioning puts the topology's value back at the next start.
      sqs.setQueueAttributes(r -> r.queueUrl(ratingUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")));

      String fifoUrl = sqs.createQueue(r -> r.queueName(fifoName).attributes(Map.of(
          QueueAttributeName.FIFO_QUEUE, "true",
          QueueAttributeName.VISIBILITY_TIMEOUT, "45",
          QueueAttributeName.MESSAGE_RETENTION_PERIOD, "7200"))).queueUrl();
      for (String[] message : new String[][] {{"g1", "first"}, {"g1", "second"}, {"g2", "other"}, {"g1", "third"}}) {
        var sent = sqs.sendMessage(r -> r.queueUrl(fifoUrl).messageGroupId(message[0]).messageDeduplicationId(message[1]).messageBody(message[1]));
        fifoIds.add(sent.messageId());
        fifoSequenceNumbers.add(sent.sequenceNumber());
      }

      String purgedUrl = sqs.createQueue(r -> r.queueName(purgedName)).queueUrl();
      sqs.sendMessage(r -> r.queueUrl(purgedUrl).messageBody("purged 1"));
      sqs.sendMessage(r -> r.queueUrl(purgedUrl).messageBody("purged 2"));
      sqs.purgeQueue(r -> r.queueUrl(purgedUrl));

      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-delay-queues.html:
      // a delayed message stays invisible for the delay period. Sent last, so that only the restart runs in its delay.
      delayedSentAt = System.currentTimeMillis();
      delayedId = sqs.sendMessage(r -> r.queueUrl(ratingUrl).messageBody("delayed").delaySeconds((int) DELAY.toSeconds())).messageId();
    }

    try (LocalAws second = LocalAws.start(settings)) {
      SqsClient sqs = second.sqs();
      String ratingUrl = url(sqs, rating.name());

      // Provisioning meets the queues the store brought back: the same URLs, nothing created again, and only
      // what was changed at run time set back.
      List<Change> queues = queueChanges(second.provisioningReport());
      assertThat(queues).as(second.provisioningReport().summary()).extracting(Change::action).doesNotContain(Action.CREATED);
      assertThat(queues).filteredOn(change -> change.action() == Action.UPDATED)
          .extracting(Change::name, Change::detail).containsExactly(org.assertj.core.groups.Tuple.tuple(rating.name(), "VisibilityTimeout"));
      assertThat(sqs.getQueueAttributes(r -> r.queueUrl(ratingUrl).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes())
          .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(rating.visibilityTimeout().toSeconds()));

      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html:
      // visible, in flight (not visible) and delayed are counted apart.
      assertThat(sqs.getQueueAttributes(r -> r.queueUrl(ratingUrl).attributeNames(QueueAttributeName.ALL)).attributes())
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "2")
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "1");

      List<Message> visible = receiveAll(sqs, ratingUrl, 2);
      assertThat(visible).extracting(Message::messageId).containsExactlyInAnyOrder(plainId, twiceReceivedId);
      Message plain = visible.stream().filter(m -> m.messageId().equals(plainId)).findFirst().orElseThrow();
      assertThat(plain.body()).isEqualTo("plain {\"stars\":4}");
      assertThat(plain.messageAttributes()).hasSameSizeAs(attributes);
      attributes.forEach((name, sent) -> assertThat(plain.messageAttributes().get(name))
          .as(name).extracting(MessageAttributeValue::dataType, MessageAttributeValue::stringValue, MessageAttributeValue::binaryValue)
          .containsExactly(sent.dataType(), sent.stringValue(), sent.binaryValue()));
      assertThat(plain.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1");
      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html:
      // ApproximateReceiveCount is the number of times a message has been received across all queues but not deleted.
      Message twice = visible.stream().filter(m -> m.messageId().equals(twiceReceivedId)).findFirst().orElseThrow();
      assertThat(twice.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "3");
      sqs.deleteMessage(r -> r.queueUrl(ratingUrl).receiptHandle(plain.receiptHandle()));

      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html:
      // once ReceiveCount exceeds maxReceiveCount (3 in the topology), the message moves to the dead-letter queue;
      // the receives before the restart count.
      assertThat(rating.redrive().maxReceiveCount()).isEqualTo(3);
      sqs.changeMessageVisibility(r -> r.queueUrl(ratingUrl).receiptHandle(twice.receiptHandle()).visibilityTimeout(0));
      assertThat(sqs.receiveMessage(r -> r.queueUrl(ratingUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()).isEmpty();
      String deadLetterUrl = url(sqs, rating.redrive().deadLetterQueue());
      assertThat(receiveAll(sqs, deadLetterUrl, 1)).extracting(Message::messageId).containsExactly(twiceReceivedId);

      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html:
      // a received message stays in flight until its visibility timeout ends, and is deleted with its receipt handle.
      sqs.deleteMessage(r -> r.queueUrl(ratingUrl).receiptHandle(inFlightReceipt));

      String fifoUrl = url(sqs, fifoName);
      assertThat(sqs.getQueueAttributes(r -> r.queueUrl(fifoUrl).attributeNames(QueueAttributeName.ALL)).attributes())
          .containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
          .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45")
          .containsEntry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "7200");
      // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html: a message sent
      // with a deduplication id already accepted within 5 minutes is accepted and not delivered again.
      String again = sqs.sendMessage(r -> r.queueUrl(fifoUrl).messageGroupId("g1").messageDeduplicationId("first").messageBody("first")).messageId();
      assertThat(again).isEqualTo(fifoIds.get(0));
      List<Message> fifo = receiveAll(sqs, fifoUrl, 4);
      // Within a group, in the order sent (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html).
      assertThat(fifo.stream().filter(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID).equals("g1")).map(Message::body))
          .containsExactly("first", "second", "third");
      assertThat(fifo).extracting(Message::messageId).containsExactlyInAnyOrderElementsOf(fifoIds);
      assertThat(fifo).extracting(m -> m.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER))
          .containsExactlyInAnyOrderElementsOf(fifoSequenceNumbers);
      assertThat(fifo).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
          .containsExactlyInAnyOrder("first", "second", "other", "third");

      String purgedUrl = url(sqs, purgedName);
      assertThat(sqs.receiveMessage(r -> r.queueUrl(purgedUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages())
          .as("PurgeQueue deletes the messages in a queue for good").isEmpty();

      Message delayed = await().atMost(DELAY.plusSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> sqs.receiveMessage(r -> r.queueUrl(ratingUrl).maxNumberOfMessages(10).attributeNamesWithStrings("All")).messages(),
              messages -> !messages.isEmpty())
          .get(0);
      assertThat(System.currentTimeMillis()).as("not delivered before its delay ended").isGreaterThanOrEqualTo(delayedSentAt + DELAY.toMillis() - 1_000);
      assertThat(delayed.messageId()).isEqualTo(delayedId);
      assertThat(delayed.body()).isEqualTo("delayed");
      assertThat(sqs.getQueueAttributes(r -> r.queueUrl(ratingUrl).attributeNames(QueueAttributeName.ALL)).attributes())
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
          .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0");
    }
  }

  private static String url(SqsClient sqs, String queueName) {
    return sqs.getQueueUrl(r -> r.queueName(queueName)).queueUrl();
  }

  /** Receives the one visible message, which must be {@code messageId}, and keeps it in flight for an hour. */
  private static Message receiveOnly(SqsClient sqs, String queueUrl, String messageId) {
    Message received = receiveAll(sqs, queueUrl, 1).get(0);
    assertThat(received.messageId()).isEqualTo(messageId);
    return received;
  }

  /** Receives until {@code expected} messages came, in flight for an hour, then checks that no more are visible. */
  private static List<Message> receiveAll(SqsClient sqs, String queueUrl, int expected) {
    List<Message> received = new ArrayList<>();
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      received.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(3600)
          .attributeNamesWithStrings("All").messageAttributeNames("All")).messages());
      return received.size() >= expected;
    });
    assertThat(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()).as("no more than %d", expected).isEmpty();
    assertThat(received).hasSize(expected);
    return received;
  }

  private static List<Change> queueChanges(ProvisioningReport report) {
    assertThat(report).as("provisioning report").isNotNull();
    return report.changes().stream().filter(change -> change.kind().equals("queue")).collect(Collectors.toList());
  }
}
