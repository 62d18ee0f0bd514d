package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import java.util.Set;

/**
 * Key attributes hold scalars, so an expression may not reach into one with a nested path
 * ({@code a.b}, {@code a[0]}): the table's keys are checked first, then the global secondary indexes'
 * and the local ones' sort keys, each answered with AWS's sentence (dynalite test/getItem.js,
 * test/query.js, test/scan.js and test/updateItem.js, observed on AWS).
 */
final class KeyPaths {

  private static final String SENTENCE =
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";

  private KeyPaths() {}

  /** {@code nested}: the top-level names an expression of the request reads or writes through a nested path. */
  static void check(Set<String> nested, TableMeta meta) {
    if (nested.isEmpty()) {
      return;
    }
    KeySchema table = meta.keySchema();
    check(nested, table.partitionName(), "Key: ");
    if (table.hasSortKey()) {
      check(nested, table.sortName(), "Key: ");
    }
    for (IndexMeta index : meta.globalIndexes()) {
      check(nested, index.keySchema().partitionName(), "IndexKey: ");
      if (index.keySchema().hasSortKey()) {
        check(nested, index.keySchema().sortName(), "IndexKey: ");
      }
    }
    for (IndexMeta index : meta.localIndexes()) {
      check(nested, index.keySchema().sortName(), "IndexKey: ");
    }
  }

  private static void check(Set<String> nested, String attribute, String kind) {
    if (nested.contains(attribute)) {
      throw DynamoDbException.validation(SENTENCE + kind + attribute);
    }
  }
}
