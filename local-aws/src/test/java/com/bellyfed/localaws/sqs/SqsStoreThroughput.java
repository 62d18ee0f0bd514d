package com.bellyfed.localaws.sqs;

import com.bellyfed.localaws.LocalAws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Not a test: SQS throughput of local-aws in memory and with a data directory, side by side, on one
 * machine (docs/decisions.md, decision 58). Each round: SendMessage, then SendMessageBatch of 10, then
 * ReceiveMessage of 10 with a DeleteMessageBatch and with one DeleteMessage each, by {@code threads}
 * clients for {@code seconds} each. Run with the test class path:
 * {@code java -cp ... com.bellyfed.localaws.sqs.SqsStoreThroughput [threads] [seconds]}.
 */
public final class SqsStoreThroughput {

  private SqsStoreThroughput() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dataDir = Files.createTempDirectory("sqs-throughput");
    round("warm-up (memory)", null, threads, 3);
    round("in memory", null, threads, seconds);
    round("data dir", dataDir, threads, seconds);
    round("in memory", null, threads, seconds);
    round("data dir", dataDir, threads, seconds);
    System.out.printf("store: %,d bytes in %s%n", Files.size(dataDir.resolve("sqs/queues.mv.db")), dataDir);
  }

  private static void round(String label, Path dataDir, int threads, int seconds) throws Exception {
    try (LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(dataDir))) {
      SqsClient sqs = localAws.sqs();
      String url = sqs.createQueue(r -> r.queueName("throughput-" + System.nanoTime())).queueUrl();
      String body = "{\"reviewId\":\"" + "x".repeat(400) + "\"}";
      double send = run(threads, seconds, () -> {
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body));
        return 1;
      });
      double sendBatch = run(threads, seconds, () -> {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(body).build());
        }
        return sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries)).successful().size();
      });
      double receiveDeleteBatch = run(threads, seconds, () -> {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        if (messages.isEmpty()) {
          return 0;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
          entries.add(DeleteMessageBatchRequestEntry.builder().id("d" + i).receiptHandle(messages.get(i).receiptHandle()).build());
        }
        sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
        return messages.size();
      });
      double receiveDelete = run(threads, seconds, () -> {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        for (Message message : messages) {
          sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
        return messages.size();
      });
      System.out.printf("%-18s SendMessage %,8.0f/s  SendMessageBatch(10) %,8.0f msg/s  Receive(10)+DeleteBatch %,8.0f msg/s"
          + "  Receive(10)+DeleteMessage %,8.0f msg/s%n", label, send, sendBatch, receiveDeleteBatch, receiveDelete);
    }
  }

  interface Step {
    int call() throws Exception;
  }

  private static double run(int threads, int seconds, Step step) throws InterruptedException {
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            done.add(step.call());
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    long started = System.nanoTime();
    for (Thread worker : workers) {
      worker.join();
    }
    return done.sum() / ((System.nanoTime() - started) / 1e9);
  }
}
