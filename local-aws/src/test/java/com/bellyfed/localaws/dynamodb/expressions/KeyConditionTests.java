package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.compile;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.KeyCondition.Operator;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KeyConditionExpression and KeyConditions: equality on the partition key, at most one condition on
 * the sort key, checked first for their form and then against the key schema
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.KeyConditions.html).
 * Messages are those dynalite's suite verified against AWS.
 */
class KeyConditionTests {

  private static final KeySchema HASH = new KeySchema("a", Type.S, null, null);
  private static final KeySchema RANGE = new KeySchema("a", Type.S, "b", Type.S);
  private static final KeySchema NUMERIC_RANGE = new KeySchema("pk", Type.S, "sk", Type.N);

  private static KeyCondition key(String request, KeySchema schema) {
    return compile(Context.QUERY, request).keyCondition(schema);
  }

  @Test
  void readsEqualityOnThePartitionKeyAlone() {
    KeyCondition condition = key("{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'x'}}}", HASH);
    assertThat(condition.partitionValue()).isEqualTo(value("{S: 'x'}"));
    assertThat(condition.sort()).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sk = :v | EQ", "sk < :v | LT", "sk <= :v | LE", "sk > :v | GT", "sk >= :v | GE",
      ":v < sk | GT", ":v <= sk | GE", ":v > sk | LT", ":v >= sk | LE", ":v = sk | EQ"})
  void readsEachComparisonOnTheSortKeyMirroringAValueWrittenFirst(String sortCondition, Operator operator) {
    KeyCondition condition = key("{KeyConditionExpression: 'pk = :p AND " + sortCondition + "', "
        + "ExpressionAttributeValues: {':p': {S: 'x'}, ':v': {N: '5'}}}", NUMERIC_RANGE);
    assertThat(condition.sort()).isEqualTo(new KeyCondition.SortCondition(operator, value("{N: '5'}"), null));
  }

  @Test
  void readsBetweenAndBeginsWith() {
    KeyCondition between = key("{KeyConditionExpression: '#p = :p AND #s BETWEEN :lo AND :hi', ExpressionAttributeNames: {'#p': 'pk', '#s': 'sk'}, "
        + "ExpressionAttributeValues: {':p': {S: 'x'}, ':lo': {N: '1'}, ':hi': {N: '9'}}}", NUMERIC_RANGE);
    assertThat(between.sort()).isEqualTo(new KeyCondition.SortCondition(Operator.BETWEEN, value("{N: '1'}"), value("{N: '9'}")));
    KeyCondition prefix = key("{KeyConditionExpression: 'begins_with(b, :b) AND a = :a', "
        + "ExpressionAttributeValues: {':a': {S: 'x'}, ':b': {S: 'pre'}}}", RANGE);
    assertThat(prefix.sort()).isEqualTo(new KeyCondition.SortCondition(Operator.BEGINS_WITH, value("{S: 'pre'}"), null));
  }

  @Test
  void acceptsParenthesesAroundConditions() {
    String values = "ExpressionAttributeValues: {':a': {S: 'x'}, ':b': {S: 'y'}}";
    assertThat(key("{KeyConditionExpression: '(a = :a) AND (b = :b)', " + values + "}", RANGE).sort()).isNotNull();
    assertThat(key("{KeyConditionExpression: '(a = :a AND (b = :b))', " + values + "}", RANGE).sort()).isNotNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a > b and size(b) > c or a > c | OR",
      "a in (b, size(c), d) | IN",
      "attribute_exists(a) | attribute_exists",
      "attribute_not_exists(a) | attribute_not_exists",
      "contains(a.d, b) | contains",
      "not a > b | NOT",
      "a <> b | <>"})
  void refusesOperatorsOtherThanComparisonsBetweenAndBeginsWith(String expression, String operator) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "'}", "Invalid operator used in KeyConditionExpression: " + operator);
  }

  @Test
  void refusesAttributeTypeOnlyOnceItsTypeArgumentIsValid() {
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: {':a': {S: 'S'}}}",
        "Invalid operator used in KeyConditionExpression: attribute_type");
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'attribute_type(a, :a)', ExpressionAttributeValues: {':a': {N: '1'}}}",
        "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {":a between size(b) and size(a) and b > :b | BETWEEN", "begins_with(:a, b) and a > :b | begins_with"})
  void refusesAValueWhereTheKeyMustComeFirst(String expression, String operator) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "', ExpressionAttributeValues: {':a': {S: '1'}, ':b': {S: '1'}}}",
        "Invalid condition in KeyConditionExpression: " + operator + " operator must have the key attribute as its first operand");
  }

  @ParameterizedTest
  @ValueSource(strings = {"size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)"})
  void refusesFunctionsAsOperands(String expression) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "'}", "KeyConditionExpressions cannot contain nested operations");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b > a.b", "b between c[1] and d", "a between b and size(a)", "begins_with(a, b)"})
  void refusesTwoAttributesInOneCondition(String expression) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "'}",
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
  }

  @ParameterizedTest
  @ValueSource(strings = {"b.d > a AND c.d > e.f", "a.d > c", "b[0] > a"})
  void refusesNestedAttributes(String expression) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "'}", "KeyConditionExpressions cannot have conditions on nested attributes");
  }

  @ParameterizedTest
  @ValueSource(strings = {":b > :a AND a < :b", ":a > b AND :a < :b"})
  void refusesAConditionWithoutAnAttribute(String expression) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "', ExpressionAttributeValues: {':a': {N: '1'}, ':b': {N: '1'}}}",
        "Invalid condition in KeyConditionExpression: No key attribute specified");
  }

  // Worded as an expression error (paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/queryKeyConditionOperands.test.ts, AWS 2026; dynalite's is unprefixed).
  @ParameterizedTest
  @ValueSource(strings = {"b > :a AND b < :a and c = :a and d = :a", "(a > :a and b > :a) and (b > :a and c > :a)"})
  void refusesTwoConditionsOnOneAttribute(String expression) {
    assertRejected(Context.QUERY, "{KeyConditionExpression: '" + expression + "', ExpressionAttributeValues: {':a': {N: '1'}}}",
        "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
  }

  // More conditions than two are counted against the schema read (same source), not refused before it
  // as dynalite's record has it.
  @ParameterizedTest
  @ValueSource(strings = {":a = a and b = :a and :a = c", "(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)"})
  void refusesMoreThanTwoConditionsAgainstTheSchema(String expression) {
    String request = "{KeyConditionExpression: '" + expression + "', ExpressionAttributeValues: {':a': {S: 'a'}}}";
    int conditions = expression.startsWith("(") ? 6 : 3;
    assertValidation(() -> key(request, RANGE))
        .hasMessage("The number of query conditions (" + conditions + ") exceeds the number of key attributes defined in the schema (2)");
    assertValidation(() -> key(request, HASH))
        .hasMessage("The number of query conditions (" + conditions + ") exceeds the number of key attributes defined in the schema (1)");
  }

  @Test
  void refusesKeyConditionsOfTheWrongLength() {
    assertRejected(Context.QUERY, "{KeyConditions: {}}", "Conditions can be of length 1 or 2 only");
    assertRejected(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'NULL'}, b: {ComparisonOperator: 'NULL'}, c: {ComparisonOperator: 'NULL'}}}",
        "Conditions can be of length 1 or 2 only");
  }

  @Test
  void requiresKeyConditionsOrAnExpression() {
    assertRejected(Context.QUERY, "{FilterExpression: 'a = :a', ExpressionAttributeValues: {':a': {S: 'a'}}}",
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }

  @Test
  void refusesBetweenBoundsInTheWrongOrderOrOfDifferentTypes() {
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'a between :b and :a', ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {N: '1'}}}",
        "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
    assertRejected(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'BETWEEN', AttributeValueList: [{S: 'b'}, {S: 'a'}]}}}",
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
  }

  // ---- against the schema of the table or index read

  @Test
  void requiresThePartitionKey() {
    assertValidation(() -> key("{KeyConditionExpression: 'b = :a', ExpressionAttributeValues: {':a': {S: 'x'}}}", RANGE))
        .hasMessage("Query condition missed key schema element: a");
  }

  @Test
  void requiresTheSortKeyWhenTwoConditionsAreGiven() {
    assertValidation(() -> key("{KeyConditionExpression: 'a = :a and c = :b', ExpressionAttributeValues: {':a': {S: 'b'}, ':b': {N: '1'}}}", RANGE))
        .hasMessage("Query condition missed key schema element: b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a > :a", "a < :a", ":a <= a", ":a >= a", "begins_with(a, :a)", "a between :a and :a", "a = :a AND b = :a", "y = :a and z = :a"})
  void refusesAnythingButEqualityOnThePartitionKey(String expression) {
    assertValidation(() -> key("{KeyConditionExpression: '" + expression + "', ExpressionAttributeValues: {':a': {S: '1'}}}", HASH))
        .hasMessage("Query key condition not supported");
  }

  @Test
  void refusesValuesOfAnotherTypeThanTheKeys() {
    assertValidation(() -> key("{KeyConditionExpression: ':a > a', ExpressionAttributeValues: {':a': {N: '1'}}}", HASH))
        .hasMessage("One or more parameter values were invalid: Condition parameter type does not match schema type");
    assertValidation(() -> key("{KeyConditionExpression: 'a = :a', ExpressionAttributeValues: {':a': {SS: ['1']}}}", HASH))
        .hasMessage("One or more parameter values were invalid: Condition parameter type does not match schema type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN"})
  void refusesLegacyOperatorsThatNoIndexServes(String operator) {
    String values = operator.endsWith("NULL") ? "" : ", AttributeValueList: [{S: 'a'}]";
    assertValidation(() -> key("{KeyConditions: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'b'}]}, "
        + "b: {ComparisonOperator: '" + operator + "'" + values + "}}}", RANGE))
        .hasMessage("Attempted conditional constraint is not an indexable operation");
  }

  @Test
  void readsLegacyKeyConditions() {
    KeyCondition condition = key("{KeyConditions: {b: {ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{S: 'p'}]}, "
        + "a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'x'}]}}}", RANGE);
    assertThat(condition.partitionValue()).isEqualTo(value("{S: 'x'}"));
    assertThat(condition.sort()).isEqualTo(new KeyCondition.SortCondition(Operator.BEGINS_WITH, value("{S: 'p'}"), null));
  }

  @Test
  void refusesLegacyKeyConditionsWithValuesTheOperatorDoesNotTake() {
    assertRejected(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'LT', AttributeValueList: [{BOOL: true}]}}}",
        "One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type");
    assertRejected(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'BEGINS_WITH', AttributeValueList: [{N: '1'}]}}}",
        "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
    assertRejected(Context.QUERY, "{KeyConditions: {a: {ComparisonOperator: 'EQ'}}}",
        "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator");
  }
}
