package com.bellyfed.localaws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine under contention, through the edge with real SDK clients: per-item locks must make
 * conditional writes, counters and transactions exact, and let batch writers and transactions both
 * progress (no database-wide lock). Every test is bounded in count and time.
 */
@LocalAwsTest
class EngineConcurrencyIntegrationTests {

  private static final int THREADS = 8;
  private static final String TABLE = "engine-concurrency-" + UUID.randomUUID().toString().substring(0, 8);

  private static ExecutorService pool;

  @BeforeAll
  static void createTable(DynamoDbClient dynamoDb) {
    pool = Executors.newFixedThreadPool(THREADS);
    dynamoDb.createTable(request -> request
        .tableName(TABLE)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S))
        .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH)));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(TABLE));
  }

  @AfterAll
  static void dropTable(DynamoDbClient dynamoDb) {
    pool.shutdownNow();
    dynamoDb.deleteTable(request -> request.tableName(TABLE));
  }

  @Test
  void exactlyOneOfManyRacingConditionalPutsWins(DynamoDbClient dynamoDb) throws Exception {
    for (int round = 0; round < 20; round++) {
      String pk = "race-" + round;
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger won = new AtomicInteger();
      AtomicInteger lost = new AtomicInteger();
      List<Future<?>> racers = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String writer = "writer-" + i;
        racers.add(pool.submit(() -> {
          start.await();
          try {
            dynamoDb.putItem(request -> request.tableName(TABLE)
                .item(Map.of("pk", s(pk), "writer", s(writer)))
                .conditionExpression("attribute_not_exists(pk)"));
            won.incrementAndGet();
          } catch (ConditionalCheckFailedException expected) {
            lost.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> racer : racers) {
        racer.get(30, TimeUnit.SECONDS);
      }
      assertThat(won).as("winners of round %d", round).hasValue(1);
      assertThat(lost).hasValue(THREADS - 1);
    }
  }

  @Test
  void concurrentAddsSumExactly(DynamoDbClient dynamoDb) throws Exception {
    String pk = "counter-" + UUID.randomUUID();
    int perThread = 250;
    List<Future<?>> adders = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      adders.add(pool.submit(() -> {
        for (int n = 0; n < perThread; n++) {
          dynamoDb.updateItem(request -> request.tableName(TABLE).key(Map.of("pk", s(pk)))
              .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n(1))));
        }
        return null;
      }));
    }
    for (Future<?> adder : adders) {
      adder.get(60, TimeUnit.SECONDS);
    }
    Map<String, AttributeValue> counter =
        dynamoDb.getItem(request -> request.tableName(TABLE).key(Map.of("pk", s(pk))).consistentRead(true)).item();
    assertThat(counter.get("hits").n()).isEqualTo(Integer.toString(THREADS * perThread));
  }

  @Test
  void transfersBetweenAccountsKeepTheTotalUnderLoad(DynamoDbClient dynamoDb) throws Exception {
    int accounts = 6;
    long initial = 1_000;
    String prefix = "account-" + UUID.randomUUID() + "-";
    for (int i = 0; i < accounts; i++) {
      String pk = prefix + i;
      dynamoDb.putItem(request -> request.tableName(TABLE).item(Map.of("pk", s(pk), "balance", n(initial))));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    AtomicLong committed = new AtomicLong();
    AtomicLong cancelled = new AtomicLong();
    List<Future<?>> movers = new ArrayList<>();
    for (int t = 0; t < THREADS - 2; t++) {
      movers.add(pool.submit(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
          int from = random.nextInt(accounts);
          int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
          long amount = 1 + random.nextInt(50);
          try {
            dynamoDb.transactWriteItems(request -> request.transactItems(
                TransactWriteItem.builder().update(update -> update.tableName(TABLE)
                    .key(Map.of("pk", s(prefix + from)))
                    .updateExpression("SET balance = balance - :amount")
                    .conditionExpression("balance >= :amount")
                    .expressionAttributeValues(Map.of(":amount", n(amount)))).build(),
                TransactWriteItem.builder().update(update -> update.tableName(TABLE)
                    .key(Map.of("pk", s(prefix + to)))
                    .updateExpression("SET balance = balance + :amount")
                    .expressionAttributeValues(Map.of(":amount", n(amount)))).build()));
            committed.incrementAndGet();
          } catch (TransactionCanceledException insufficient) {
            cancelled.incrementAndGet();
          }
        }
        return null;
      }));
    }
    // Readers sum the accounts with TransactGetItems while transfers run: a consistent view never sees money in flight.
    List<Future<Long>> readers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      readers.add(pool.submit((Callable<Long>) () -> {
        long reads = 0;
        while (System.nanoTime() < deadline) {
          var items = dynamoDb.transactGetItems(request -> request.transactItems(
              java.util.stream.IntStream.range(0, accounts)
                  .mapToObj(i -> software.amazon.awssdk.services.dynamodb.model.TransactGetItem.builder()
                      .get(get -> get.tableName(TABLE).key(Map.of("pk", s(prefix + i)))).build())
                  .toList())).responses();
          long sum = items.stream().mapToLong(item -> Long.parseLong(item.item().get("balance").n())).sum();
          assertThat(sum).isEqualTo(accounts * initial);
          reads++;
        }
        return reads;
      }));
    }
    for (Future<?> mover : movers) {
      mover.get(60, TimeUnit.SECONDS);
    }
    for (Future<Long> reader : readers) {
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    }
    long total = 0;
    for (int i = 0; i < accounts; i++) {
      String pk = prefix + i;
      long balance = Long.parseLong(dynamoDb.getItem(request -> request.tableName(TABLE).key(Map.of("pk", s(pk)))
          .consistentRead(true)).item().get("balance").n());
      assertThat(balance).isNotNegative();
      total += balance;
    }
    assertThat(committed.get()).isPositive();
    assertThat(total).isEqualTo(accounts * initial);
  }

  @Test
  void batchWritersAndTransactionWritersBothProgress(DynamoDbClient dynamoDb) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    String prefix = "mixed-" + UUID.randomUUID() + "-";
    AtomicLong batched = new AtomicLong();
    AtomicLong transacted = new AtomicLong();
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      writers.add(pool.submit(() -> {
        int n = 0;
        while (System.nanoTime() < deadline) {
          List<WriteRequest> writes = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            String pk = prefix + "batch-" + thread + "-" + n++;
            writes.add(WriteRequest.builder().putRequest(put -> put.item(Map.of("pk", s(pk)))).build());
          }
          dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(TABLE, writes)));
          batched.addAndGet(25);
        }
        return null;
      }));
      writers.add(pool.submit(() -> {
        int n = 0;
        while (System.nanoTime() < deadline) {
          List<TransactWriteItem> actions = new ArrayList<>();
          for (int i = 0; i < 25; i++) {
            String pk = prefix + "tx-" + thread + "-" + n++;
            actions.add(TransactWriteItem.builder().put(put -> put.tableName(TABLE).item(Map.of("pk", s(pk)))
                .conditionExpression("attribute_not_exists(pk)")).build());
          }
          dynamoDb.transactWriteItems(request -> request.transactItems(actions));
          transacted.addAndGet(25);
        }
        return null;
      }));
    }
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    assertThat(batched.get()).as("items batch-written").isGreaterThan(250);
    assertThat(transacted.get()).as("items written in transactions").isGreaterThan(250);
    // Each side got at least a fifth of what the other did: neither starved.
    assertThat(batched.get() * 5).isGreaterThan(transacted.get());
    assertThat(transacted.get() * 5).isGreaterThan(batched.get());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
