package com.bellyfed.imports.jobs;

import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 per call and {@code writers} calls in flight per chunk.
 * Unprocessed items and throttling or 5xx errors are retried with exponential backoff and full
 * jitter; puts are idempotent, so a retried or redelivered chunk writes the same items again.
 */
@Component
class ItemWriter implements DisposableBean {

  static final int BATCH = 25;

  private final DynamoDbClient dynamoDb;
  private final Topology topology;
  private final ImportSettings settings;
  private final MeterRegistry registry;
  private final ExecutorService calls;

  ItemWriter(DynamoDbClient dynamoDb, Topology topology, ImportSettings settings, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.topology = topology;
    this.settings = settings;
    this.registry = registry;
    AtomicInteger threads = new AtomicInteger();
    this.calls = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "import-batch-write-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Writes every item, or throws once one batch ran out of attempts.
   *
   * @param table the logical table name
   */
  void write(String table, List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
    String tableName = topology.table(table).name();
    List<List<WriteRequest>> batches = new ArrayList<>();
    for (int start = 0; start < items.size(); start += BATCH) {
      batches.add(items.subList(start, Math.min(items.size(), start + BATCH)).stream()
          .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
          .toList());
    }
    // A chunk's batches go out at most `writers` at a time: each worker takes the next batch.
    AtomicInteger next = new AtomicInteger();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int worker = 0; worker < Math.min(settings.writers(), batches.size()); worker++) {
      workers.add(CompletableFuture.runAsync(() -> {
        for (int index; (index = next.getAndIncrement()) < batches.size(); ) {
          writeBatch(tableName, batches.get(index));
        }
      }, calls));
    }
    try {
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  private void writeBatch(String tableName, List<WriteRequest> batch) {
    List<WriteRequest> pending = batch;
    for (int attempt = 1; ; attempt++) {
      try {
        List<WriteRequest> requests = pending;
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(tableName, requests)));
        List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(tableName, List.of());
        if (unprocessed.isEmpty()) {
          return;
        }
        registry.counter("bellyfed.imports.unprocessed.items").increment(unprocessed.size());
        pending = unprocessed;
        if (attempt >= settings.writeAttempts()) {
          throw new IllegalStateException(unprocessed.size() + " items stayed unprocessed after " + attempt + " attempts");
        }
      } catch (AwsServiceException e) {
        if (!(e.isThrottlingException() || e.statusCode() >= 500) || attempt >= settings.writeAttempts()) {
          throw e;
        }
        registry.counter("bellyfed.imports.write.retries", "reason", e.isThrottlingException() ? "throttling" : "server").increment();
      } catch (SdkClientException e) {
        if (attempt >= settings.writeAttempts()) {
          throw e;
        }
        registry.counter("bellyfed.imports.write.retries", "reason", "client").increment();
      }
      backOff(attempt);
    }
  }

  private void backOff(int attempt) {
    long cap = settings.writeBackoff().toMillis() << Math.min(attempt - 1, 6);
    try {
      TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while backing off", e);
    }
  }

  @Override
  public void destroy() {
    calls.shutdownNow();
  }
}
