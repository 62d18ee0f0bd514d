package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * BatchGetItem (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html);
 * messages as dynalite's test/batchGetItem.js and the dynamodb-conformance suites record them from AWS.
 */
class BatchGetItemTests {

  private static final String MAP_KEYS = "Map keys must satisfy constraint: [Member must have length less than or equal to 255,"
      + " Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";

  @Test
  void requiresRequestItems() {
    assertValidation("BatchGetItem", "{'ReturnConsumedCapacity': 'hi'}",
        "2 validation errors detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null; Value"
            + " 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES,"
            + " TOTAL, NONE]");
  }

  @Test
  void refusesEmptyRequestItemsWithItsOwnSentence() {
    assertValidation("BatchGetItem", "{'RequestItems': {}, 'ReturnConsumedCapacity': 'hi'}",
        "The requestItems parameter is required for BatchGetItem");
  }

  @Test
  void quotesTheRequestItemsAsJsonForABadTableName() {
    assertValidation("BatchGetItem", "{'RequestItems': {'bad!name': {'Keys': [{'pk': {'S': 'a'}}]}}}",
        "1 validation error detected: Value '{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' failed to"
            + " satisfy constraint: " + MAP_KEYS);
  }

  // The Keys length is answered in the validation framework's wording (nubo-db/dynamodb-conformance and
  // paritysuite/dynamodb-conformance, AWS 2026), ahead of the classic constraints: which of the two AWS
  // reports first is not on record.
  @Test
  void reportsKeysLengthBeforeTableName() {
    assertValidation("BatchGetItem", "{'RequestItems': {'a': {'Keys': []}}}",
        "1 validation error detected: Value at 'RequestItems.a.member.Keys' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1");
  }

  @Test
  void refusesMoreThanHundredKeysForOneTable() {
    assertValidation("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [" + Requests.repeat("{'a': {'S': '#'}}", 101) + "]}}}",
        "1 validation error detected: Value at 'RequestItems.abc.member.Keys' failed to satisfy constraint: Member must have"
            + " length less than or equal to 100");
  }

  @Test
  void refusesMoreThanHundredKeysAcrossTables() {
    assertValidation("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [" + Requests.repeat("{'a': {'S': '#'}}", 100)
        + "]}, 'abd': {'Keys': [{'a': {'S': '100'}}]}}}", "Too many items requested for the BatchGetItem call");
  }

  @Test
  void refusesTheSameKeyTwiceForATable() {
    assertValidation("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [{'a': {'S': 'x'}, 'b': {'N': '1'}},"
        + " {'b': {'N': '1.0'}, 'a': {'S': 'x'}}]}}}", "Provided list of item keys contains duplicates");
  }

  @Test
  void checksKeyValues() {
    assertValidation("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [{'a': {'SS': ['a', 'a']}}]}}}",
        "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
  }

  @Test
  void acceptsSameKeyForTwoTables() {
    assertAccepted("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [{'a': {'S': 'x'}}], 'ConsistentRead': true},"
        + " 'abd': {'Keys': [{'a': {'S': 'x'}}], 'ProjectionExpression': 'a'}}}");
  }
}
