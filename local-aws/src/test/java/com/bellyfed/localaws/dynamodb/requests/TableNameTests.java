package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * TableName across operations. The data operations' TableName may be an ARN (1 to 1024 characters,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html); a name that is not
 * an ARN must still be 3 to 255 characters of [a-zA-Z0-9_.-], which AWS reports in its constraint
 * wording on its own (dynamodb-conformance: "bad table!@#", 256 characters). The table operations
 * (DeleteTable, DescribeTable, DescribeTimeToLive...) ask for a missing name with a sentence of their own.
 */
class TableNameTests {

  @ParameterizedTest
  @ValueSource(strings = {"DeleteTable", "DescribeTable", "DescribeTimeToLive", "UpdateTimeToLive", "CreateTable", "UpdateTable"})
  void tableOperationsAskForAMissingName(String operation) {
    assertValidation(operation, "{'TableName': null}", "The parameter 'TableName' is required but was not present in the request");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DeleteTable", "DescribeTable", "DescribeTimeToLive"})
  void tableOperationsRefuseShortName(String operation) {
    assertValidation(operation, "{'TableName': 'ab'}",
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 3");
  }

  @Test
  void reportsPatternAndLengthOfAShortName() {
    assertValidation("DescribeTable", "{'TableName': 'a;'}",
        "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 3");
  }

  @Test
  void tableOperationsRefuseEmptyNameAsTooShortForAnArn() {
    assertValidation("DeleteTable", "{'TableName': ''}",
        "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1");
  }

  @Test
  void dataOperationsRequireTheNameAmongTheOtherMembers() {
    assertValidation("PutItem", "{}",
        "2 validation errors detected: Value null at 'item' failed to satisfy constraint: Member must not be null; Value null"
            + " at 'tableName' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void dataOperationsRefuseEmptyNameAsTooShortForAnArn() {
    assertValidation("GetItem", "{'TableName': '', 'Key': {}}",
        "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater"
            + " than or equal to 1");
  }

  @Test
  void dataOperationsRefuseNameWithBadCharactersOnItsOwn() {
    assertValidation("PutItem", "{'TableName': 'bad table!@#', 'Item': {'pk': {'S': 'test'}}}",
        "1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: Member must satisfy"
            + " regular expression pattern: [a-zA-Z0-9_.-]+");
  }

  @Test
  void dataOperationsRefuseNameLongerThan255() {
    String name = Requests.chars('a', 256);
    assertValidation("PutItem", "{'TableName': '" + name + "', 'Item': {'pk': {'S': 'test'}}}",
        "1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length"
            + " less than or equal to 255");
  }

  @Test
  void dataOperationsRefuseArnLongerThan1024() {
    String arn = "arn:" + Requests.chars('a', 1021);
    assertValidation("GetItem", "{'TableName': '" + arn + "', 'Key': {}}",
        "1 validation error detected: Value '" + arn + "' at 'tableName' failed to satisfy constraint: Member must have length"
            + " less than or equal to 1024");
  }

  @Test
  void acceptsTableArnWhereTheNameRulesWouldNot() {
    assertAccepted("GetItem", "{'TableName': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc', 'Key': {}}");
    assertAccepted("DescribeTable", "{'TableName': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc'}");
  }

  @Test
  void acceptsNamesOfEveryAllowedCharacter() {
    assertAccepted("DescribeTable", "{'TableName': 'aZ09_.-'}");
    assertAccepted("DescribeTable", "{'TableName': '" + Requests.chars('n', 255) + "'}");
  }
}
