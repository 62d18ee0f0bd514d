package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues, reserved words and expression syntax:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html. Error texts
 * are AWS's as dynalite's test suite (run against AWS) records them; the syntax errors' {@code token}
 * and {@code near} parts follow AWS's parser, which quotes the offending token and the text from the
 * token before it to the token after it.
 */
@ConformanceTest
class ExpressionPlaceholdersConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("placeholders", false);
  }

  private static void put(DynamoDbClient dynamoDb, String condition, Map<String, String> names, Map<String, AttributeValue> values) {
    dynamoDb.putItem(request -> {
      request.tableName(table).item(item("pk", s(unique()))).conditionExpression(condition);
      if (names != null) {
        request.expressionAttributeNames(names);
      }
      if (values != null) {
        request.expressionAttributeValues(values);
      }
    });
  }

  private static void update(DynamoDbClient dynamoDb, String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    dynamoDb.updateItem(request -> {
      request.tableName(table).key(item("pk", s(unique()))).updateExpression(expression);
      if (names != null) {
        request.expressionAttributeNames(names);
      }
      if (values != null) {
        request.expressionAttributeValues(values);
      }
    });
  }

  // "An expression attribute name must begin with a pound sign (#)" and every one used must be given.
  @Test
  void rejectsAnUndefinedNamePlaceholder(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(#missing)", Map.of("#other", "a"), null),
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined;"
            + " attribute name: #missing");
  }

  // "An expression attribute value must begin with a colon (:)" and every one used must be given.
  @Test
  void rejectsAnUndefinedValuePlaceholder(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "a <> :missing", null, Map.of(":other", s("x"))),
        "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute"
            + " value: :missing");
  }

  @Test
  void rejectsAnUnusedName(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(#a)", Map.of("#a", "a", "#unused", "b"), null),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
  }

  @Test
  void rejectsAnUnusedValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "a <> :v", null, Map.of(":v", s("x"), ":unused", s("y"))),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
  }

  // Placeholders are shared by all expressions of a request: one used by any of them is used.
  @Test
  void acceptsPlaceholdersUsedByDifferentExpressions(DynamoDbClient dynamoDb) {
    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(item("pk", s(unique())))
        .updateExpression("SET #a = :a")
        .conditionExpression("attribute_not_exists(#b) AND #a <> :b")
        .expressionAttributeNames(Map.of("#a", "a", "#b", "b"))
        .expressionAttributeValues(Map.of(":a", s("1"), ":b", s("2"))));
  }

  @Test
  void rejectsEmptyExpressionAttributeNames(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(a)", Map.of(), null),
        "ExpressionAttributeNames must not be empty");
  }

  @Test
  void rejectsEmptyExpressionAttributeValues(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(a)", null, Map.of()),
        "ExpressionAttributeValues must not be empty");
  }

  @Test
  void rejectsANameKeyWithoutPoundSign(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(a)", Map.of("a", "a"), null),
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
  }

  @Test
  void rejectsAValueKeyWithoutColon(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(a)", null, Map.of("v", s("x"))),
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
  }

  // Values in ExpressionAttributeValues are AttributeValues with the same rules as item values.
  @Test
  void rejectsAnInvalidValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "a <> :v", null, Map.of(":v", AttributeValue.builder().ss(List.of()).build())),
        "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set "
            + " may not be empty for key :v");
  }

  // Placeholders belong to expressions; with only legacy parameters they have nothing to stand in for.
  @Test
  void rejectsNamesWithoutAnExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request
            .tableName(table)
            .item(item("pk", s(unique())))
            .expressionAttributeNames(Map.of("#a", "a"))),
        "ExpressionAttributeNames can only be specified when using expressions");
  }

  @Test
  void rejectsValuesWithoutAnExpressionOnPutItem(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.putItem(request -> request
            .tableName(table)
            .item(item("pk", s(unique())))
            .expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))
            .expressionAttributeValues(Map.of(":v", s("x")))),
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
  }

  @Test
  void rejectsValuesWithoutAnExpressionOnUpdateItem(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request
            .tableName(table)
            .key(item("pk", s(unique())))
            .expressionAttributeValues(Map.of(":v", s("x")))),
        "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and"
            + " ConditionExpression are null");
  }

  // "If an attribute name ... contains a reserved word, you must use an expression attribute name".
  @Test
  void rejectsAReservedWordInACondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, "attribute_not_exists(status)", null, null),
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
  }

  // Reserved words are not case-sensitive; AWS quotes the word as written.
  @Test
  void rejectsAReservedWordInAnyCase(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, "SET Comment = :v", null, Map.of(":v", s("x"))),
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Comment");
  }

  @Test
  void acceptsAReservedWordThroughAPlaceholder(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(key)
        .updateExpression("SET #status = :v")
        .conditionExpression("attribute_not_exists(#status)")
        .expressionAttributeNames(Map.of("#status", "status"))
        .expressionAttributeValues(Map.of(":v", s("open"))));

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item())
        .containsEntry("status", s("open"));
  }

  // "Attribute names containing special characters": a placeholder stands for one attribute name,
  // dots and all; "a.b" written in the expression is a path into map a.
  @Test
  void aPlaceholderNamesAnAttributeWithADot(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(key)
        .updateExpression("SET #dotted = :v, #hyphen = :v")
        .expressionAttributeNames(Map.of("#dotted", "Safety.Warning", "#hyphen", "product-id"))
        .expressionAttributeValues(Map.of(":v", s("x"))));

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item())
        .containsEntry("Safety.Warning", s("x"))
        .containsEntry("product-id", s("x"));
  }

  // Values stand for any type, binaries included.
  @Test
  void aValuePlaceholderCarriesABinary(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));
    AttributeValue binary = AttributeValue.builder().b(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})).build();

    dynamoDb.updateItem(request -> request
        .tableName(table).key(key).updateExpression("SET bin = :b").expressionAttributeValues(Map.of(":b", binary)));

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item())
        .containsEntry("bin", binary);
  }

  // A syntax error names the offending token and the text around it (token "<EOF>" at the end).
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "SET a = :v, | <EOF> | ,",
    "SET _123 = :v | _ | SET _123",
    "SET a = :v REMOVE | <EOF> | REMOVE",
  })
  void reportsUpdateExpressionSyntaxErrorsWithTokenAndContext(String expression, String token, String near, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, expression, null, Map.of(":v", s("x"))),
        "Invalid UpdateExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "a = = :v | = | = = :v",
    "attribute_exists(a | <EOF> | a",
    "a IN () | ) | ()",
    "product-id = :v | - | product-id",
  })
  void reportsConditionExpressionSyntaxErrorsWithTokenAndContext(String condition, String token, String near, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, condition, null, Map.of(":v", s("x"))),
        "Invalid ConditionExpression: Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  @Test
  void reportsProjectionExpressionSyntaxErrorsWithTokenAndContext(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.getItem(request -> request.tableName(table).key(item("pk", s("a"))).projectionExpression("a,,b")),
        "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"");
  }
}
