package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;

/**
 * ListTables (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTables.html);
 * messages as dynalite's test/listTables.js records them from AWS.
 */
class ListTablesTests {

  @Test
  void acceptsEmptyRequest() {
    assertAccepted("ListTables", "{}");
  }

  @Test
  void refusesEmptyStartName() {
    assertValidation("ListTables", "{'ExclusiveStartTableName': ''}",
        "2 validation errors detected: Value '' at 'exclusiveStartTableName' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'exclusiveStartTableName' failed to satisfy constraint:"
            + " Member must have length greater than or equal to 3");
  }

  @Test
  void refusesLongStartName() {
    String name = Requests.chars('a', 256);
    assertValidation("ListTables", "{'ExclusiveStartTableName': '" + name + "'}",
        "1 validation error detected: Value '" + name + "' at 'exclusiveStartTableName' failed to satisfy constraint: Member"
            + " must have length less than or equal to 255");
  }

  @Test
  void refusesLimitBelowOne() {
    assertValidation("ListTables", "{'Limit': 0}",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or"
            + " equal to 1");
  }

  @Test
  void refusesLimitAboveHundred() {
    assertValidation("ListTables", "{'Limit': 101}",
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or"
            + " equal to 100");
  }

  @Test
  void acceptsLimitsAtTheBounds() {
    assertAccepted("ListTables", "{'Limit': 1, 'ExclusiveStartTableName': 'abc'}");
    assertAccepted("ListTables", "{'Limit': 100}");
  }
}
