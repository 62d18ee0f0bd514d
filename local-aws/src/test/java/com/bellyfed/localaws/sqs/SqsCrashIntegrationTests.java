package com.bellyfed.localaws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.testing.KilledChild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * {@code kill -9} local-aws while clients send, receive and delete SQS messages, start it again on
 * the same data directory, and find every message whose SendMessage was acknowledged and whose
 * DeleteMessage was not, with its body, none whose DeleteMessage was, and the receives counted. AWS
 * stores a message redundantly before SendMessage answers
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-architecture.html).
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqsCrashIntegrationTests {

  private static final int SENT_BEFORE_KILL = 1_500;

  @TempDir Path dataDir;

  /** The child's standard output and error. */
  @TempDir Path childFiles;


  @Test
  void everyAcknowledgedSendDeleteAndReceiveSurvivesKillMinus9() throws Exception {
    Map<String, String> sent = new HashMap<>();
    Set<String> deleted = new HashSet<>();
    Set<String> deleting = new HashSet<>();
    Map<String, Integer> receiveCounts = new HashMap<>();
    List<String> logged = new ArrayList<>();
    try (KilledChild child = KilledChild.start(CrashingSqsClient.class, childFiles, dataDir.toString())) {
      String line;
      boolean killed = false;
      // After the kill, what the child printed before it died is still to be read: its deletes too.
      while ((line = child.readLine()) != null) {
        String[] words = line.split(" ");
        switch (words.length == 3 || words.length == 2 && words[0].startsWith("delet") ? words[0] : "") {
          case "sent" -> sent.put(words[1], words[2]);
          case "received" -> receiveCounts.merge(words[1], Integer.parseInt(words[2]), Math::max);
          case "deleting" -> deleting.add(words[1]);
          case "deleted" -> deleted.add(words[1]);
          default -> logged.add(line);
        }
        if (!killed && sent.size() >= SENT_BEFORE_KILL) {
          child.kill();
          killed = true;
        }
      }
      assertThat(killed).as("killed after %d acknowledged sends; child stderr:%n%s", SENT_BEFORE_KILL, child.errors()).isTrue();
    }
    assertThat(deleted).as("the consumer deleted some").isNotEmpty();
    assertThat(logged).as("the child's log").noneMatch(line -> line.contains("ERROR"));

    try (LocalAws restarted = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(dataDir))) {
      SqsClient sqs = restarted.sqs();
      String url = sqs.getQueueUrl(r -> r.queueName(CrashingSqsClient.QUEUE)).queueUrl();
      Map<String, Message> found = new HashMap<>();
      List<String> receivedAgain = new ArrayList<>();
      Set<String> expected = new HashSet<>(sent.keySet());
      expected.removeAll(deleted);
      // A delete the kill cut off, before or after local-aws answered it: the message may be there or not.
      expected.removeAll(deleting);
      // In flight before the kill means visible again 2 s after the receive; a message sent but not yet acknowledged
      // when the child died may be there too, and is not asserted either way.
      // Each poll receives until a receive comes back empty: one receive of 10 per poll would take the poll
      // interval per 10 messages, well over a thousand of them.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        List<Message> page;
        do {
          page = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(3600)
              .attributeNamesWithStrings("All")).messages();
          for (Message message : page) {
            if (found.put(message.messageId(), message) != null) {
              receivedAgain.add(message.messageId());
            }
          }
        } while (!page.isEmpty());
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found.keySet());
        assertThat(missing).as("acknowledged, not deleted, not found: %s", missing.stream().map(sent::get).toList()).isEmpty();
      });
      assertThat(receivedAgain).as("received twice within an hour's visibility timeout").isEmpty();
      assertThat(found.keySet()).as("no acknowledged delete undone").doesNotContainAnyElementsOf(deleted);
      expected.forEach(id -> assertThat(found.get(id).body()).isEqualTo(sent.get(id)));
      // A receive is answered before it is written (QueueStoreListener): the last one before the kill may be
      // forgotten, no earlier one. The receive here counts one more.
      receiveCounts.forEach((id, count) -> {
        if (found.containsKey(id)) {
          assertThat(Integer.parseInt(found.get(id).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
              .as("receives of %s before the kill counted", id).isGreaterThanOrEqualTo(count);
        }
      });
    }
  }
}
