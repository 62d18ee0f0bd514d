package com.bellyfed.localaws.dynamodb;

import com.bellyfed.localaws.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The child JVM of {@link DynamoDbCrashIntegrationTests}: local-aws on a data directory, and writers
 * that print each write once DynamoDB acknowledged it, until the parent kills this process.
 * Transactions of {@value #TRANSACTION_SIZE} items, batches of 25, and counters added to.
 */
public final class CrashingDynamoDbWriter {

  static final String TABLE = "crash";
  static final int TRANSACTION_SIZE = 10;

  private CrashingDynamoDbWriter() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    String round = args[1];
    LocalAws localAws = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(dataDir));
    DynamoDbClient dynamoDb = localAws.dynamoDb();
    try {
      dynamoDb.createTable(request -> request.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(definition -> definition.attributeName("pk").attributeType(ScalarAttributeType.S))
          .keySchema(key -> key.attributeName("pk").keyType(KeyType.HASH)));
    } catch (ResourceInUseException fromAnEarlierRound) {
      // The table survived the previous kill, as it must.
    }
    System.out.println("ready");
    System.out.flush();
    AtomicLong sequence = new AtomicLong();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int kind = w;
      Thread writer = new Thread(() -> {
        while (true) {
          long n = sequence.incrementAndGet();
          String id = round + "-" + n;
          if (kind == 0) {
            List<TransactWriteItem> actions = new ArrayList<>();
            for (int i = 0; i < TRANSACTION_SIZE; i++) {
              String pk = "tx-" + id + "-" + i;
              actions.add(TransactWriteItem.builder().put(put -> put.tableName(TABLE)
                  .item(Map.of("pk", AttributeValue.fromS(pk), "tx", AttributeValue.fromS(id)))).build());
            }
            dynamoDb.transactWriteItems(request -> request.transactItems(actions));
            acknowledge("tx " + id);
          } else if (kind == 1) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
              String pk = "batch-" + id + "-" + i;
              writes.add(WriteRequest.builder().putRequest(put -> put.item(Map.of("pk", AttributeValue.fromS(pk)))).build());
            }
            dynamoDb.batchWriteItem(request -> request.requestItems(Map.of(TABLE, writes)));
            acknowledge("batch " + id);
          } else {
            dynamoDb.updateItem(request -> request.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("counter")))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            acknowledge("add " + id);
          }
        }
      }, "crash-writer-" + w);
      writer.start();
      writers.add(writer);
    }
    for (Thread writer : writers) {
      writer.join();
    }
  }

  private static synchronized void acknowledge(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
