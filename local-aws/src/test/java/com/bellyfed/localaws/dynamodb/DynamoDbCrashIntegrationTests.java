package com.bellyfed.localaws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.testing.KilledChild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code kill -9} local-aws in the middle of DynamoDB writes, start it again on the same data
 * directory, and find every acknowledged write, and no transaction in part.
 */
@Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DynamoDbCrashIntegrationTests {

  private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 600;

  @TempDir Path dataDir;

  /** The child's standard output and error. */
  @TempDir Path childFiles;

  @Test
  void everyAcknowledgedWriteSurvivesKillMinus9AndNoTransactionIsHalfApplied() throws Exception {
    long counterAcknowledged = 0;
    List<String> transactions = new ArrayList<>();
    List<String> batches = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      try (KilledChild child = KilledChild.start(CrashingDynamoDbWriter.class, childFiles, dataDir.toString(), Integer.toString(round))) {
        int acknowledged = 0;
        String line;
        while ((line = child.readLine()) != null && acknowledged < ACKNOWLEDGEMENTS_BEFORE_KILL) {
          if (line.startsWith("tx ")) {
            transactions.add(line.substring(3));
            acknowledged++;
          } else if (line.startsWith("batch ")) {
            batches.add(line.substring(6));
            acknowledged++;
          } else if (line.startsWith("add ")) {
            counterAcknowledged++;
            acknowledged++;
          }
        }
        assertThat(acknowledged).as("acknowledged writes before the kill; child stderr:%n%s", child.errors())
            .isEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
        child.kill();
      }
    }

    try (LocalAws restarted = LocalAws.start(LocalAws.Settings.defaults().withPort(0).withProvision(false).withDataDir(dataDir))) {
      DynamoDbClient dynamoDb = restarted.dynamoDb();
      Map<String, Integer> itemsPerTransaction = new HashMap<>();
      Set<String> batchKeys = new HashSet<>();
      long counter = 0;
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        var page = dynamoDb.scan(request -> request.tableName(CrashingDynamoDbWriter.TABLE).exclusiveStartKey(from));
        for (Map<String, AttributeValue> item : page.items()) {
          String pk = item.get("pk").s();
          if (item.containsKey("tx")) {
            itemsPerTransaction.merge(item.get("tx").s(), 1, Integer::sum);
          } else if (pk.startsWith("batch-")) {
            batchKeys.add(pk);
          } else if (pk.equals("counter")) {
            counter = Long.parseLong(item.get("hits").n());
          }
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);

      assertThat(itemsPerTransaction.keySet()).containsAll(transactions);
      assertThat(itemsPerTransaction.values()).as("items of each transaction found")
          .allMatch(count -> count == CrashingDynamoDbWriter.TRANSACTION_SIZE);
      // Every item of every acknowledged batch is among those the scan read back (a GetItem per item took ~9 s).
      List<String> acknowledgedBatchKeys = new ArrayList<>();
      for (String batch : batches) {
        for (int i = 0; i < 25; i++) {
          acknowledgedBatchKeys.add("batch-" + batch + "-" + i);
        }
      }
      assertThat(batchKeys).as("items of acknowledged batches found").containsAll(acknowledgedBatchKeys);
      assertThat(batchKeys.size()).isGreaterThanOrEqualTo(batches.size() * 25);
      assertThat(counter).as("counter adds kept").isGreaterThanOrEqualTo(counterAcknowledged);
    }
  }
}
