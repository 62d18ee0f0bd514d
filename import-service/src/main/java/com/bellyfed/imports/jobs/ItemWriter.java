package com.bellyfed.imports.jobs;

import com.bellyfed.data.reviews.ReviewItems;
import com.bellyfed.events.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.bellyfed.kit.resilience.Attempts;
import com.bellyfed.kit.resilience.Declared;
import com.bellyfed.kit.resilience.TryAgain;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items with BatchWriteItem, 25 per call and {@code writers} calls in flight per chunk.
 * Unprocessed items and throttling or 5xx errors are retried with exponential backoff and full
 * jitter; puts are idempotent, so a retried or redelivered chunk writes the same items again.
 */
@Component
class ItemWriter implements DisposableBean {

  static final int BATCH = 25;

  /** The attribute naming who wrote an item that must be written once: the import chunk's id. */
  static final String WRITER = ReviewItems.IMPORT_CHUNK;

  private final DynamoDbClient dynamoDb;
  private final Topology topology;
  private final ImportSettings settings;
  private final Retry retry;
  private final MeterRegistry registry;
  private final ExecutorService calls;

  ItemWriter(DynamoDbClient dynamoDb, Topology topology, ImportSettings settings, RetryRegistry retries, MeterRegistry registry) {
    this.dynamoDb = dynamoDb;
    this.topology = topology;
    this.settings = settings;
    this.retry = Declared.retry(retries, "batchwrite");
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
  void write(String table, List<Map<String, AttributeValue>> items) {
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
    join(workers);
  }

  /**
   * Writes items that must each be written once, whatever happens in between: every item carries
   * {@code writer} in {@link #WRITER} and is put on condition that its key is new or that the same
   * writer put it before (an earlier delivery of the same chunk). Items already there from anyone
   * else are left as they are. TransactWriteItems, because BatchWriteItem takes no conditions and
   * does not say what it replaced.
   *
   * @param table the logical table name
   * @param keyAttribute an attribute of the table's key, absent exactly when the item is
   * @return the items that are in the table as {@code writer} wrote them, in order
   */
  List<Map<String, AttributeValue>> writeOnce(String table, List<Map<String, AttributeValue>> items, String keyAttribute, String writer) {
    String tableName = topology.table(table).name();
    List<List<Map<String, AttributeValue>>> batches = new ArrayList<>();
    for (int start = 0; start < items.size(); start += BATCH) {
      batches.add(items.subList(start, Math.min(items.size(), start + BATCH)).stream().map(item -> {
        Map<String, AttributeValue> tagged = new LinkedHashMap<>(item);
        tagged.put(WRITER, AttributeValue.fromS(writer));
        return tagged;
      }).toList());
    }
    List<List<Map<String, AttributeValue>>> written = new ArrayList<>(Collections.nCopies(batches.size(), List.of()));
    AtomicInteger next = new AtomicInteger();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int worker = 0; worker < Math.min(settings.writers(), batches.size()); worker++) {
      workers.add(CompletableFuture.runAsync(() -> {
        for (int index; (index = next.getAndIncrement()) < batches.size(); ) {
          written.set(index, writeOnceBatch(tableName, batches.get(index), keyAttribute, writer));
        }
      }, calls));
    }
    join(workers);
    return written.stream().flatMap(List::stream).toList();
  }

  private List<Map<String, AttributeValue>> writeOnceBatch(
      String tableName, List<Map<String, AttributeValue>> batch, String keyAttribute, String writer) {
    List<List<Map<String, AttributeValue>>> pending = new ArrayList<>(List.of(batch));
    return Attempts.call(retry, attempt -> {
      while (true) {
        List<Map<String, AttributeValue>> items = pending.get(0);
        if (items.isEmpty()) {
          return items;
        }
        List<TransactWriteItem> puts = items.stream().map(item -> TransactWriteItem.builder().put(put -> put.tableName(tableName).item(item)
            .conditionExpression("attribute_not_exists(#key) OR #writer = :writer")
            .expressionAttributeNames(Map.of("#key", keyAttribute, "#writer", WRITER))
            .expressionAttributeValues(Map.of(":writer", AttributeValue.fromS(writer)))).build()).toList();
        try {
          dynamoDb.transactWriteItems(request -> request.transactItems(puts));
          return items;
        } catch (TransactionCanceledException cancelled) {
          // The items whose condition failed were there before: drop them and write the rest at once
          // (that is no retry). Any other reason (a conflict with another transaction, throttling)
          // cancels the lot for a retry.
          List<CancellationReason> reasons = cancelled.cancellationReasons();
          List<Map<String, AttributeValue>> remaining = new ArrayList<>(items.size());
          boolean retriable = false;
          for (int i = 0; i < items.size(); i++) {
            String code = i < reasons.size() && reasons.get(i).code() != null ? reasons.get(i).code() : "None";
            switch (code) {
              case "ConditionalCheckFailed" -> registry.counter("bellyfed.imports.reviews.existing").increment();
              case "None" -> remaining.add(items.get(i));
              case "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded" -> {
                retriable = true;
                remaining.add(items.get(i));
              }
              default -> throw cancelled;
            }
          }
          if (remaining.size() == items.size() && !retriable) {
            throw cancelled;
          }
          pending.set(0, remaining);
          if (retriable) {
            countRetry(attempt, "transaction");
            throw new TryAgain(cancelled);
          }
        } catch (SdkException e) {
          throw retryOrThrow(e, attempt);
        }
      }
    });
  }

  private static void join(List<CompletableFuture<Void>> workers) {
    try {
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  private void writeBatch(String tableName, List<WriteRequest> batch) {
    List<List<WriteRequest>> pending = new ArrayList<>(List.of(batch));
    Attempts.run(retry, attempt -> {
      try {
        List<WriteRequest> requests = pending.get(0);
        BatchWriteItemResponse response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(tableName, requests)));
        List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(tableName, List.of());
        if (unprocessed.isEmpty()) {
          return;
        }
        registry.counter("bellyfed.imports.unprocessed.items").increment(unprocessed.size());
        pending.set(0, unprocessed);
        throw new TryAgain(new IllegalStateException(unprocessed.size() + " items stayed unprocessed after " + attempt + " attempts"));
      } catch (SdkException e) {
        throw retryOrThrow(e, attempt);
      }
    });
  }

  /** What retrying cannot fix is thrown as it is; anything else asks for another attempt, counted by reason. */
  private RuntimeException retryOrThrow(SdkException e, int attempt) {
    boolean transientFailure = e instanceof AwsServiceException service
        ? service.isThrottlingException() || service.statusCode() >= 500
        : e instanceof SdkClientException;
    if (!transientFailure) {
      return e;
    }
    countRetry(attempt, e instanceof AwsServiceException service ? (service.isThrottlingException() ? "throttling" : "server") : "client");
    return new TryAgain(e);
  }

  /** Counts a retry by reason, unless the attempt was the last one the retry allows. */
  private void countRetry(int attempt, String reason) {
    if (attempt < retry.getRetryConfig().getMaxAttempts()) {
      registry.counter("bellyfed.imports.write.retries", "reason", reason).increment();
    }
  }

  @Override
  public void destroy() {
    calls.shutdownNow();
  }
}
