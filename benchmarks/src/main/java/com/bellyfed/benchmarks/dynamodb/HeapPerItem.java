package com.bellyfed.benchmarks.dynamodb;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine's heap per stored item: used heap after full collections, before and after writing
 * {@code count} items through the edge, over the count; beside the item's DynamoDB size.
 */
public record HeapPerItem(long items, long heapBytes, int dynamoDbSize, double loadSeconds) {

  public double bytesPerItem() {
    return (double) heapBytes / items;
  }

  public double ratio() {
    return bytesPerItem() / dynamoDbSize;
  }

  public static HeapPerItem measure(DynamoDbClient dynamoDb, String table, int count, int writers) throws InterruptedException {
    long before = usedAfterGc();
    long began = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        List<WriteRequest> writes = new ArrayList<>(EngineLoads.BATCH_SIZE);
        for (int i = writer; i < count; i += writers) {
          String pk = "mem-" + i;
          long n = i;
          writes.add(WriteRequest.builder().putRequest(put -> put.item(BenchItems.item(pk, n))).build());
          if (writes.size() == EngineLoads.BATCH_SIZE) {
            List<WriteRequest> batch = List.copyOf(writes);
            dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, batch)));
            writes.clear();
          }
        }
        if (!writes.isEmpty()) {
          dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(table, writes)));
        }
      }, "bench-memory-" + w);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long after = usedAfterGc();
    return new HeapPerItem(count, after - before, BenchItems.dynamoDbSize("mem-" + (count / 2), count / 2), seconds);
  }

  static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
