package com.bellyfed.benchmarks.dynamodb;

import com.bellyfed.benchmarks.localaws.LoadTools;
import com.bellyfed.benchmarks.localaws.Throughput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The load shapes of the engine's targets, each a closed loop of client threads: TransactWriteItems
 * of 98 conditional puts and 2 ADDs (the analytics write), BatchWriteItem of 25 puts (the importer),
 * and GetItem of random existing keys (the query service).
 */
public final class EngineLoads {

  public static final int TRANSACTION_PUTS = 98;
  public static final int BATCH_SIZE = 25;

  private EngineLoads() {}

  /** Units are items written; each writer ADDs to two counters of its own, so writers contend only on the engine. */
  public static Throughput transactions(DynamoDbClient dynamoDb, String table, int threads, Duration duration) throws InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return LoadTools.closedLoop("bench-tx", threads, duration, (thread, seq) -> {
      List<TransactWriteItem> actions = new ArrayList<>(TRANSACTION_PUTS + 2);
      for (int i = 0; i < TRANSACTION_PUTS; i++) {
        String pk = "tx-" + run + "-" + thread + "-" + seq + "-" + i;
        actions.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(BenchItems.item(pk, seq))
            .conditionExpression("attribute_not_exists(pk)")).build());
      }
      for (int counter = 0; counter < 2; counter++) {
        String pk = "counter-" + run + "-" + thread + "-" + counter;
        actions.add(TransactWriteItem.builder().update(update -> update.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))
            .updateExpression("ADD events :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))).build());
      }
      dynamoDb.transactWriteItems(request -> request.transactItems(actions));
      return TRANSACTION_PUTS + 2;
    });
  }

  public static Throughput batches(DynamoDbClient dynamoDb, String table, int threads, Duration duration) throws InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return LoadTools.closedLoop("bench-batch", threads, duration, (thread, seq) -> {
      List<WriteRequest> writes = new ArrayList<>(BATCH_SIZE);
      for (int i = 0; i < BATCH_SIZE; i++) {
        String pk = "batch-" + run + "-" + thread + "-" + seq + "-" + i;
        writes.add(WriteRequest.builder().putRequest(put -> put.item(BenchItems.item(pk, seq))).build());
      }
      var response = dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, writes)));
      if (response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()) {
        throw new IllegalStateException("unprocessed items: " + response.unprocessedItems().get(table).size());
      }
      return BATCH_SIZE;
    });
  }

  /** Writes {@code count} keys {@code get-0..} for the read phases. */
  public static void seed(DynamoDbClient dynamoDb, String table, int count) {
    for (int start = 0; start < count; start += BATCH_SIZE) {
      List<WriteRequest> keyed = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + BATCH_SIZE); i++) {
        String pk = "get-" + i;
        keyed.add(WriteRequest.builder().putRequest(put -> put.item(BenchItems.item(pk, 0))).build());
      }
      dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, keyed)));
    }
  }

  public static Throughput gets(DynamoDbClient dynamoDb, String table, int keys, int threads, Duration duration) throws InterruptedException {
    return LoadTools.closedLoop("bench-get", threads, duration, (thread, seq) -> {
      String pk = "get-" + ThreadLocalRandom.current().nextInt(keys);
      if (!dynamoDb.getItem(request -> request.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk)))).hasItem()) {
        throw new IllegalStateException("missing " + pk);
      }
      return 1;
    });
  }
}
