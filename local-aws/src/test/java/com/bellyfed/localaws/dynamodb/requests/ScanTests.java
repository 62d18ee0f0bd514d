package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * Scan (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html); messages as
 * dynalite's test/scan.js and the dynamodb-conformance suites record them from AWS.
 */
class ScanTests {

  @Test
  void reportsSegmentsOutOfRange() {
    assertValidation("Scan", "{'TableName': 'abc', 'Segment': -1, 'TotalSegments': 1000001}",
        "2 validation errors detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value"
            + " less than or equal to 1000000; Value '-1' at 'segment' failed to satisfy constraint: Member must have value"
            + " greater than or equal to 0");
    assertValidation("Scan", "{'TableName': 'abc', 'Segment': 1000000, 'TotalSegments': 0}",
        "2 validation errors detected: Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater"
            + " than or equal to 1; Value '1000000' at 'segment' failed to satisfy constraint: Member must have value less than"
            + " or equal to 999999");
  }

  @Test
  void requiresTotalSegmentsWithSegmentZero() {
    assertValidation("Scan", "{'TableName': 'abc', 'Segment': 0}",
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
  }

  @Test
  void requiresSegmentWithTotalSegments() {
    assertValidation("Scan", "{'TableName': 'abc', 'TotalSegments': 1}",
        "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
  }

  @Test
  void refusesSegmentNotBelowTotalSegments() {
    assertValidation("Scan", "{'TableName': 'abc', 'Segment': 1, 'TotalSegments': 1}",
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not less than"
            + " TotalSegments: 1");
  }

  @Test
  void checksTheStartKeyBeforeTheSegments() {
    assertValidation("Scan", "{'TableName': 'abc', 'Segment': 1, 'ExclusiveStartKey': {'a': {'NULL': false}}}",
        "The provided starting key is invalid: One or more parameter values were invalid: Null attribute value types must have"
            + " the value of true");
  }

  @Test
  void refusesLimitBelowOne() {
    assertValidation("Scan", "{'TableName': 'abc', 'Limit': 0}",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
  }

  @Test
  void acceptsParallelScan() {
    assertAccepted("Scan", "{'TableName': 'abc', 'Segment': 3, 'TotalSegments': 4, 'ConsistentRead': true,"
        + " 'ScanFilter': {'a': {'ComparisonOperator': 'NULL'}}}");
  }
}
