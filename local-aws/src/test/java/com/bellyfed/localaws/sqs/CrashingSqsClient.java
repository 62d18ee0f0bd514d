package com.bellyfed.localaws.sqs;

import com.bellyfed.localaws.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * The child JVM of {@link SqsCrashIntegrationTests}: local-aws on a data directory, two senders
 * (SendMessage, and SendMessageBatch of 10) and a consumer that receives and deletes, each printing
 * what SQS acknowledged ({@code sent ID BODY}, {@code received ID COUNT}, {@code deleted ID}), and
 * {@code deleting ID} before each delete, until the parent kills this process.
 */
public final class CrashingSqsClient {

  static final String QUEUE = "crash";

  private CrashingSqsClient() {}

  public static void main(String[] args) throws Exception {
    LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(Path.of(args[0])));
    SqsClient sqs = localAws.sqs();
    // A short visibility timeout, so that what the consumer received and did not delete is visible again soon.
    String url = sqs.createQueue(r -> r.queueName(QUEUE).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "2"))).queueUrl();
    AtomicLong sequence = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(() -> {
      while (true) {
        String body = "single-" + sequence.incrementAndGet();
        String id = sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
        acknowledge("sent " + id + " " + body);
      }
    }));
    threads.add(new Thread(() -> {
      while (true) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody("batch-" + sequence.incrementAndGet()).build());
        }
        List<SendMessageBatchResultEntry> sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries)).successful();
        for (SendMessageBatchResultEntry entry : sent) {
          String body = entries.get(Integer.parseInt(entry.id().substring(1))).messageBody();
          acknowledge("sent " + entry.messageId() + " " + body);
        }
      }
    }));
    threads.add(new Thread(() -> {
      long received = 0;
      while (true) {
        for (Message message : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).attributeNamesWithStrings("All")).messages()) {
          acknowledge("received " + message.messageId() + " " + message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
          // Every third one is left in flight, to come back after the restart.
          if (++received % 3 != 0) {
            // Said before the call: a kill between the call's answer and the line after it leaves the parent
            // knowing that this message may be deleted.
            acknowledge("deleting " + message.messageId());
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
            acknowledge("deleted " + message.messageId());
          }
        }
      }
    }));
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  private static synchronized void acknowledge(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
