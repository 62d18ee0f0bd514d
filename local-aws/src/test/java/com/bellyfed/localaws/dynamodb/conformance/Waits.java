package com.bellyfed.localaws.dynamodb.conformance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * How long the suite waits for what AWS does asynchronously (table and index status, GSI reads, tag
 * changes). AWS takes minutes for some of it (a GSI added to a table backfills for 8 to 17 minutes), an
 * in-process engine moments; the bounds are generous because a wait only lasts as long as it must.
 */
final class Waits {

  private Waits() {}

  /** Table and index status changes: CreateTable, UpdateTable, DeleteTable. */
  static ConditionFactory forTableChange() {
    return await().pollInterval(Duration.ofMillis(ConformanceTarget.remote() ? 5_000 : 100))
        .atMost(ConformanceTarget.remote() ? Duration.ofMinutes(40) : Duration.ofSeconds(30));
  }

  /** Eventually consistent reads (GSIs) and tag changes, which AWS applies within seconds. */
  static ConditionFactory forConsistency() {
    return await().pollInterval(Duration.ofMillis(ConformanceTarget.remote() ? 1_000 : 50))
        .atMost(ConformanceTarget.remote() ? Duration.ofMinutes(2) : Duration.ofSeconds(10));
  }

  /**
   * Waits until DescribeTable no longer finds {@code table}: the SDK's waiter would do, but polls every
   * 20 seconds, far too slowly for an in-process engine.
   */
  static void untilTableGone(DynamoDbClient dynamoDb, String table) {
    forTableChange().until(() -> {
      try {
        dynamoDb.describeTable(request -> request.tableName(table));
        return false;
      } catch (ResourceNotFoundException gone) {
        return true;
      }
    });
  }
}
