package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Requests.assertAccepted;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertSerialization;
import static com.bellyfed.localaws.dynamodb.requests.Requests.assertValidation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stage 1, a member of the wrong JSON type: AWS's SerializationException names what its reader
 * expected, by the member's type and where it sits (a structure's field, a list's member, a map's
 * value). The expected messages are those dynalite's test/helpers.js assertType records against AWS.
 */
class JsonTypesTests {

  private static final String CAST = JsonTypes.PARAMETERIZED_TYPE;

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "DescribeTable | {'TableName': true}           | TRUE_VALUE cannot be converted to String",
      "DescribeTable | {'TableName': false}          | FALSE_VALUE cannot be converted to String",
      "DescribeTable | {'TableName': 23}             | NUMBER_VALUE cannot be converted to String",
      "DescribeTable | {'TableName': 2147483648}     | NUMBER_VALUE cannot be converted to String",
      "DescribeTable | {'TableName': 34.56}          | DECIMAL_VALUE cannot be converted to String",
      "DescribeTable | {'TableName': []}             | Unrecognized collection type class java.lang.String",
      "DescribeTable | {'TableName': {}}             | Start of structure or map found where not expected",
      "GetItem       | {'ConsistentRead': '23'}      | Unexpected token received from parser",
      "GetItem       | {'ConsistentRead': 23}        | NUMBER_VALUE cannot be converted to Boolean",
      "GetItem       | {'ConsistentRead': 34.56}     | DECIMAL_VALUE cannot be converted to Boolean",
      "GetItem       | {'ConsistentRead': []}        | Unrecognized collection type class java.lang.Boolean",
      "GetItem       | {'ConsistentRead': {}}        | Start of structure or map found where not expected",
      "ListTables    | {'Limit': '23'}               | STRING_VALUE cannot be converted to Integer",
      "ListTables    | {'Limit': true}               | TRUE_VALUE cannot be converted to Integer",
      "ListTables    | {'Limit': false}              | FALSE_VALUE cannot be converted to Integer",
      "ListTables    | {'Limit': []}                 | Unrecognized collection type class java.lang.Integer",
      "ListTables    | {'Limit': {}}                 | Start of structure or map found where not expected",
      "CreateTable   | {'ProvisionedThroughput': {'ReadCapacityUnits': '23'}} | STRING_VALUE cannot be converted to Long",
      "CreateTable   | {'ProvisionedThroughput': {'WriteCapacityUnits': []}}  | Unrecognized collection type class java.lang.Long",
      "CreateTable   | {'KeySchema': '23'}           | Unexpected field type",
      "CreateTable   | {'KeySchema': 23}             | Unexpected field type",
      "CreateTable   | {'KeySchema': true}           | Unexpected field type",
      "CreateTable   | {'KeySchema': {}}             | Start of structure or map found where not expected",
      "CreateTable   | {'KeySchema': ['23']}         | Unexpected value type in payload",
      "CreateTable   | {'KeySchema': [[]]}           | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeySchemaElement",
      "CreateTable   | {'KeySchema': [{'KeyType': 5}]} | NUMBER_VALUE cannot be converted to String",
      "CreateTable   | {'ProvisionedThroughput': 23} | Unexpected field type",
      "CreateTable   | {'ProvisionedThroughput': []} | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput",
      "CreateTable   | {'GlobalSecondaryIndexes': [{'Projection': {'NonKeyAttributes': [1]}}]} | NUMBER_VALUE cannot be converted to String",
      "GetItem       | {'Key': '23'}                 | Unexpected field type",
      "GetItem       | {'Key': []}                   | Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>",
      "GetItem       | {'Key': {'a': '23'}}          | Unexpected value type in payload",
      "GetItem       | {'Key': {'a': []}}            | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
      "GetItem       | {'Key': {'a': {'S': 23}}}     | NUMBER_VALUE cannot be converted to String",
      "GetItem       | {'Key': {'a': {'B': true}}}   | only base-64-encoded strings are convertible to bytes",
      "GetItem       | {'Key': {'a': {'B': '23456'}}} | Base64 encoded length is expected a multiple of 4 bytes but found: 5",
      "GetItem       | {'Key': {'a': {'SS': 'a'}}}   | Unexpected field type",
      "GetItem       | {'Key': {'a': {'L': [{'M': {'b': {'BS': [1]}}}]}}} | only base-64-encoded strings are convertible to bytes",
      "GetItem       | {'ExpressionAttributeNames': []} | Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>",
      "GetItem       | {'ExpressionAttributeNames': {'#a': 1}} | NUMBER_VALUE cannot be converted to String",
      "GetItem       | {'AttributesToGet': [true]}   | TRUE_VALUE cannot be converted to String",
      "PutItem       | {'Expected': []}              | Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>",
      "PutItem       | {'Expected': {'a': 'x'}}      | Unexpected value type in payload",
      "PutItem       | {'Expected': {'a': {'Value': 'x'}}} | Unexpected field type",
      "PutItem       | {'Expected': {'a': {'Value': []}}}  | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
      "PutItem       | {'Expected': {'a': {'Value': {'N': 1}}}} | NUMBER_VALUE cannot be converted to String",
      "PutItem       | {'Expected': {'a': {'Exists': 'maybe'}}} | Unexpected token received from parser",
      "UpdateItem    | {'AttributeUpdates': {'a': {'Action': []}}} | Unrecognized collection type class java.lang.String",
      "Query         | {'KeyConditions': {'a': {'AttributeValueList': 'x'}}} | Unexpected field type",
      "Query         | {'KeyConditions': {'a': {'AttributeValueList': ['x']}}} | Unexpected value type in payload",
      "BatchWriteItem | {'RequestItems': []}         | Unrecognized collection type java.util.Map<java.lang.String, java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>",
      "BatchWriteItem | {'RequestItems': {'abc': {}}} | Start of structure or map found where not expected",
      "BatchWriteItem | {'RequestItems': {'abc': [{'PutRequest': []}]}} | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.PutRequest",
      "BatchGetItem  | {'RequestItems': {'abc': []}} | Unrecognized collection type class com.amazonaws.dynamodb.v20120810.KeysAndAttributes",
      "BatchGetItem  | {'RequestItems': {'abc': {'Keys': [[]]}}} | Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>",
      "TransactWriteItems | {'TransactItems': [{'Put': 'x'}]} | Unexpected field type",
      "TransactGetItems | {'TransactItems': {}}      | Start of structure or map found where not expected",
      "TagResource   | {'Tags': [{'Key': {}}]}       | Start of structure or map found where not expected",
  })
  void namesWhatTheReaderExpected(String operation, String body, String message) {
    assertSerialization(operation, body, message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"'23'", "true", "23", "-2147483648", "34.56"})
  void refusesScalarForListHeldByAMapWithJavasCastMessage(String scalar) {
    assertSerialization("BatchWriteItem", "{'RequestItems': {'abc': " + scalar + "}}", CAST);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"'23'", "true", "23", "34.56"})
  void refusesScalarForMapHeldByAListWithJavasCastMessage(String scalar) {
    assertSerialization("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [" + scalar + "]}}}", CAST);
  }

  @Test
  void reportsTheFirstWrongMemberInDocumentOrder() {
    assertSerialization("ListTables", "{'Limit': 'x', 'ExclusiveStartTableName': 5}", "STRING_VALUE cannot be converted to Integer");
    assertSerialization("ListTables", "{'ExclusiveStartTableName': 5, 'Limit': 'x'}", "NUMBER_VALUE cannot be converted to String");
  }

  @Test
  void ignoresUnknownMembersWhateverTheirType() {
    assertAccepted("ListTables", "{'Whatever': [1, {}], 'tablename': 5}");
  }

  @Test
  void treatsNullMembersAsAbsent() {
    assertAccepted("ListTables", "{'ExclusiveStartTableName': null, 'Limit': null}");
  }

  @Test
  void acceptsTheStringsAwsReadsAsBooleans() {
    assertAccepted("GetItem", "{'TableName': 'abc', 'Key': {}, 'ConsistentRead': 'yes'}");
    assertAccepted("GetItem", "{'TableName': 'abc', 'Key': {}, 'ConsistentRead': '0'}");
  }

  @Test
  void checksTypesBeforeTheTableOperationsAskForTheirName() {
    assertSerialization("DescribeTable", "{'TableName': 5}", "NUMBER_VALUE cannot be converted to String");
    assertValidation("DescribeTable", "{'Other': 5}", "The parameter 'TableName' is required but was not present in the request");
  }

  /**
   * A decimal stands for a whole number of as many digits as its exponent says: 1e2147483647 is
   * refused as its 2,147,483,648-digit literal would be (the JSON reader takes at most 1,000 digits),
   * never expanded; one whose whole part is 0 reads as 0.
   */
  @Test
  void refusesAWholeNumberWhoseExponentMakesItLongerThanAnyLiteral() {
    assertSerialization("Query", "{'TableName': 'abc', 'Limit': 1e2147483647}", "");
    assertSerialization("Scan", "{'TableName': 'abc', 'TotalSegments': 1e1001, 'Segment': 0}", "");
    assertSerialization("ListTables", "{'Limit': -1.5e100000}", "");
    assertValidation("Query", "{'TableName': 'abc', 'Limit': 1e-2147483647}",
        "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertAccepted("Scan", "{'TableName': 'abc', 'Limit': 1e999}");
  }
}
