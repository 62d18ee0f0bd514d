package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertConditionFails;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidationStartsWith;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.b;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bool;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bs;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ns;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.nul;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ss;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * ConditionExpression, evaluated by conditional writes against one fixture item:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html.
 * Every rule is shown by a write that passes and one that fails with ConditionalCheckFailedException.
 * Error texts are AWS's as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class ConditionExpressionConformanceIntegrationTests {

  private static String table;
  private static Map<String, AttributeValue> fixtureKey;
  private static Map<String, AttributeValue> fixture;

  @BeforeAll
  static void createFixture(Tables tables, DynamoDbClient dynamoDb) {
    table = tables.create("condition", false);
    fixture = item(
        "pk", s(unique()),
        "s", s("hello"),
        "n", n("42"),
        "bin", b("hi there"),
        "high", b((byte) 0x80),
        "emoji", s("\uD83D\uDE00"),
        "yes", bool(true),
        "nothing", nul(),
        "ss", ss("a", "b"),
        "ns", ns("1", "2", "3"),
        "bs", bs("x", "y"),
        "l", l(s("a"), n("2"), l(s("nested"))),
        "m", m("k", s("v"), "n", n("1")));
    fixtureKey = item("pk", fixture.get("pk"));
    dynamoDb.putItem(request -> request.tableName(table).item(fixture));
  }

  /** A write that changes only {@code touched}, which no condition reads. */
  private static void conditionalWrite(DynamoDbClient dynamoDb, String condition, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> allValues = new HashMap<>(values);
    allValues.put(":touched", s(unique()));
    dynamoDb.updateItem(request -> request
        .tableName(table)
        .key(fixtureKey)
        .updateExpression("SET touched = :touched")
        .conditionExpression(condition)
        .expressionAttributeValues(allValues));
  }

  private static Arguments row(String condition, boolean holds, Object... valueNamesAndValues) {
    return Arguments.of(condition + (holds ? " holds" : " fails"), condition, item(valueNamesAndValues), holds);
  }

  private static void check(DynamoDbClient dynamoDb, String condition, Map<String, AttributeValue> values, boolean holds) {
    if (holds) {
      conditionalWrite(dynamoDb, condition, values);
    } else {
      assertConditionFails(() -> conditionalWrite(dynamoDb, condition, values));
    }
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        row("n = :v", true, ":v", n("42")),
        row("n = :v", false, ":v", n("41")),
        row("n <> :v", true, ":v", n("41")),
        row("n <> :v", false, ":v", n("42")),
        row("n < :v", true, ":v", n("43")),
        row("n < :v", false, ":v", n("42")),
        row("n <= :v", true, ":v", n("42")),
        row("n <= :v", false, ":v", n("41")),
        row("n > :v", true, ":v", n("41")),
        row("n > :v", false, ":v", n("42")),
        row("n >= :v", true, ":v", n("42")),
        row("n >= :v", false, ":v", n("43")),
        // Numbers compare by value, not as text ("42" < "9" as text).
        row("n > :v", true, ":v", n("9")),
        row("n = :v", true, ":v", n("42.000")),
        row("s < :v", true, ":v", s("help")),
        row("s > :v", false, ":v", s("help")),
        // A value of another type is never equal ("If the data types are different, the comparison is false").
        row("n = :v", false, ":v", s("42")),
        row("n <> :v", true, ":v", s("42")),
        // A missing attribute compares false, except with <>.
        row("absent = :v", false, ":v", s("x")),
        row("absent <> :v", true, ":v", s("x")),
        // Sets compare as sets, whatever the order of their elements.
        row("ns = :v", true, ":v", ns("3", "1", "2")),
        row("m = :v", true, ":v", m("n", n("1"), "k", s("v"))));
  }

  // "Comparison operator and function reference: a = b, a <> b, a < b, a <= b, a > b, a >= b"
  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisons")
  void comparators(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> orderings() {
    return Stream.of(
        // "a" (0x61) is greater than "A" (0x41)
        row("s > :v", true, ":v", s("Hello")),
        // "¿" (0xC2BF) is greater than "z" (0x7A)
        row("s < :v", true, ":v", s("\u00BF")),
        // UTF-8 order, not UTF-16: U+1F600 (F0 9F 98 80) sorts after U+FF61 (EF BD A1).
        row("emoji > :v", true, ":v", s("\uFF61")),
        row("emoji < :v", false, ":v", s("\uFF61")),
        // Binary compares unsigned: 0x80 is greater than 0x7F.
        row("high > :v", true, ":v", b((byte) 0x7F)),
        row("high < :v", false, ":v", b((byte) 0x7F)));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // "DynamoDB collates and compares strings using the bytes of the underlying UTF-8 string encoding"
  // and "DynamoDB treats each byte of the binary data as unsigned".
  @ParameterizedTest(name = "{0}")
  @MethodSource("orderings")
  void stringsCompareAsUtf8BytesAndBinariesAsUnsignedBytes(
      String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> betweenAndIn() {
    return Stream.of(
        row("n BETWEEN :lo AND :hi", true, ":lo", n("40"), ":hi", n("42")),
        row("n BETWEEN :lo AND :hi", true, ":lo", n("42"), ":hi", n("42")),
        row("n BETWEEN :lo AND :hi", false, ":lo", n("43"), ":hi", n("50")),
        row("s between :lo and :hi", true, ":lo", s("a"), ":hi", s("i")),
        row("absent BETWEEN :lo AND :hi", false, ":lo", n("1"), ":hi", n("2")),
        row("s IN (:a, :b)", true, ":a", s("x"), ":b", s("hello")),
        row("s IN (:a, :b)", false, ":a", s("x"), ":b", s("y")),
        row("n IN (:a, :b)", true, ":a", s("42"), ":b", n("42")),
        row("absent IN (:a)", false, ":a", s("x")));
  }

  // "a BETWEEN b AND c - true if a is greater than or equal to b, and less than or equal to c."
  // "a IN (b, c, d) - true if a is equal to any value in the list".
  @ParameterizedTest(name = "{0}")
  @MethodSource("betweenAndIn")
  void betweenAndInOperators(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> logic() {
    return Stream.of(
        row("n = :n AND s = :s", true, ":n", n("42"), ":s", s("hello")),
        row("n = :n AND s = :s", false, ":n", n("42"), ":s", s("nope")),
        row("n = :n OR s = :s", true, ":n", n("0"), ":s", s("hello")),
        row("n = :n OR s = :s", false, ":n", n("0"), ":s", s("nope")),
        row("NOT n = :n", true, ":n", n("0")),
        row("NOT n = :n", false, ":n", n("42")),
        row("n = :n aNd s = :s", true, ":n", n("42"), ":s", s("hello")),
        // AND binds tighter than OR: true OR (false AND false).
        row("n = :n OR s = :x AND yes = :no", true, ":n", n("42"), ":x", s("nope"), ":no", bool(false)),
        // NOT binds tighter than AND: (NOT true) AND false, not NOT (true AND false).
        row("NOT n = :n AND s = :x", false, ":n", n("42"), ":x", s("nope")),
        // Parentheses change the grouping: (true OR false) AND false.
        row("(n = :n OR s = :x) AND yes = :no", false, ":n", n("42"), ":x", s("nope"), ":no", bool(false)),
        row("n = :n OR (s = :x AND yes = :no)", true, ":n", n("42"), ":x", s("nope"), ":no", bool(false)),
        row("NOT (n = :n AND s = :x)", true, ":n", n("42"), ":x", s("nope")));
  }

  // "Logical evaluations: AND, OR, NOT" and "Precedence in conditions: ... Parentheses, NOT, AND, OR"
  // (from highest to lowest).
  @ParameterizedTest(name = "{0}")
  @MethodSource("logic")
  void logicalOperatorsAndPrecedence(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> existence() {
    return Stream.of(
        row("attribute_exists(s)", true),
        row("attribute_exists(absent)", false),
        row("attribute_not_exists(absent)", true),
        row("attribute_not_exists(s)", false),
        row("attribute_exists(m.k)", true),
        row("attribute_exists(m.absent)", false),
        row("attribute_exists(l[2][0])", true),
        row("attribute_exists(l[5])", false),
        // An attribute whose value is NULL exists.
        row("attribute_exists(nothing)", true));
  }

  // "attribute_exists(path) - True if the item contains the attribute specified by path";
  // "attribute_not_exists(path) - True if the attribute specified by path does not exist in the item".
  @ParameterizedTest(name = "{0}")
  @MethodSource("existence")
  void attributeExistsAndNotExists(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> types() {
    return Stream.of(
        row("attribute_type(s, :t)", true, ":t", s("S")),
        row("attribute_type(n, :t)", true, ":t", s("N")),
        row("attribute_type(bin, :t)", true, ":t", s("B")),
        row("attribute_type(yes, :t)", true, ":t", s("BOOL")),
        row("attribute_type(nothing, :t)", true, ":t", s("NULL")),
        row("attribute_type(ss, :t)", true, ":t", s("SS")),
        row("attribute_type(ns, :t)", true, ":t", s("NS")),
        row("attribute_type(bs, :t)", true, ":t", s("BS")),
        row("attribute_type(l, :t)", true, ":t", s("L")),
        row("attribute_type(m, :t)", true, ":t", s("M")),
        row("attribute_type(s, :t)", false, ":t", s("N")),
        row("attribute_type(ss, :t)", false, ":t", s("L")),
        row("attribute_type(absent, :t)", false, ":t", s("S")));
  }

  // "attribute_type(path, type) - True if the attribute at the specified path is of a particular
  // data type. The type parameter must be one of the following: S, SS, N, NS, B, BS, BOOL, NULL, L, M".
  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void attributeTypeOfEveryType(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  static Stream<Arguments> functions() {
    return Stream.of(
        row("begins_with(s, :v)", true, ":v", s("hel")),
        row("begins_with(s, :v)", false, ":v", s("help")),
        row("begins_with(bin, :v)", true, ":v", b("hi")),
        row("begins_with(bin, :v)", false, ":v", b("ho")),
        row("contains(s, :v)", true, ":v", s("ell")),
        row("contains(s, :v)", false, ":v", s("xyz")),
        row("contains(ss, :v)", true, ":v", s("a")),
        row("contains(ss, :v)", false, ":v", s("z")),
        row("contains(ns, :v)", true, ":v", n("2")),
        row("contains(ns, :v)", false, ":v", n("9")),
        row("contains(bs, :v)", true, ":v", b("x")),
        row("contains(l, :v)", true, ":v", s("a")),
        row("contains(l, :v)", false, ":v", s("nested")),
        row("size(s) = :v", true, ":v", n("5")),
        row("size(s) = :v", false, ":v", n("4")),
        row("size(bin) = :v", true, ":v", n("8")),
        row("size(ss) = :v", true, ":v", n("2")),
        row("size(ns) > :v", true, ":v", n("2")),
        row("size(l) = :v", true, ":v", n("3")),
        row("size(m) = :v", true, ":v", n("2")),
        row("size(m) > :v", false, ":v", n("2")),
        row("size(absent) = :v", false, ":v", n("0")),
        // size of a number is not defined: the condition is false, not an error.
        row("size(n) = :v", false, ":v", n("2")));
  }

  // "begins_with(path, substr)", "contains(path, operand) - True if the attribute specified by
  // path is: a String that contains a particular substring; a Set that contains a particular element
  // within the set; a List that contains a particular element within the list", and "size(path)":
  // length of a string, bytes of a binary, elements of a set, list or map.
  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void beginsWithContainsAndSize(String name, String condition, Map<String, AttributeValue> values, boolean holds, DynamoDbClient dynamoDb) {
    check(dynamoDb, condition, values, holds);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html
  // "ReturnValuesOnConditionCheckFailure ... ALL_OLD, the attributes of the item that failed the
  // condition are returned."
  @Test
  void returnsTheItemInTheExceptionWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "v", s("current"));
    dynamoDb.putItem(request -> request.tableName(table).item(item));

    assertThatThrownBy(() -> dynamoDb.putItem(request -> request
            .tableName(table)
            .item(item("pk", item.get("pk"), "v", s("next")))
            .conditionExpression("v = :expected")
            .expressionAttributeValues(Map.of(":expected", s("other")))
            .returnValuesOnConditionCheckFailure("ALL_OLD")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(((ConditionalCheckFailedException) thrown).item()).isEqualTo(item));
  }

  @Test
  void returnsNoItemInTheExceptionByDefault(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "v", s("current"));
    dynamoDb.putItem(request -> request.tableName(table).item(item));

    assertThatThrownBy(() -> dynamoDb.deleteItem(request -> request
            .tableName(table)
            .key(item("pk", item.get("pk")))
            .conditionExpression("v = :expected")
            .expressionAttributeValues(Map.of(":expected", s("other")))))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(((ConditionalCheckFailedException) thrown).hasItem()).isFalse());
  }

  @Test
  void returnsTheItemOnAFailedUpdateAndDeleteWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> item = item("pk", s(unique()), "v", s("current"));
    dynamoDb.putItem(request -> request.tableName(table).item(item));

    assertThatThrownBy(() -> dynamoDb.updateItem(request -> request
            .tableName(table)
            .key(item("pk", item.get("pk")))
            .updateExpression("SET v = :next")
            .conditionExpression("attribute_not_exists(v)")
            .expressionAttributeValues(Map.of(":next", s("next")))
            .returnValuesOnConditionCheckFailure("ALL_OLD")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(((ConditionalCheckFailedException) thrown).item()).isEqualTo(item));
    assertThatThrownBy(() -> dynamoDb.deleteItem(request -> request
            .tableName(table)
            .key(item("pk", item.get("pk")))
            .conditionExpression("attribute_not_exists(v)")
            .returnValuesOnConditionCheckFailure("ALL_OLD")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(((ConditionalCheckFailedException) thrown).item()).isEqualTo(item));
  }

  // A missing item has no attributes to return.
  @Test
  void returnsNoItemWhenTheItemIsMissing(DynamoDbClient dynamoDb) {
    assertThatThrownBy(() -> dynamoDb.putItem(request -> request
            .tableName(table)
            .item(item("pk", s(unique())))
            .conditionExpression("attribute_exists(pk)")
            .returnValuesOnConditionCheckFailure("ALL_OLD")))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .satisfies(thrown -> assertThat(((ConditionalCheckFailedException) thrown).hasItem()).isFalse());
  }

  // A failed condition writes nothing.
  @Test
  void aFailedConditionLeavesTheItemUnchanged(DynamoDbClient dynamoDb) {
    assertConditionFails(() -> conditionalWrite(dynamoDb, "n = :v", Map.of(":v", n("0"))));

    assertThat(dynamoDb.getItem(request -> request.tableName(table).key(fixtureKey).consistentRead(true)).item())
        .containsAllEntriesOf(fixture);
  }

  // --- Errors in conditions (ValidationException, not a failed condition)

  // "The type parameter must be one of the following".
  @Test
  void rejectsAnUnknownAttributeType(DynamoDbClient dynamoDb) {
    assertValidationStartsWith(
        () -> conditionalWrite(dynamoDb, "attribute_type(s, :t)", Map.of(":t", s("STRING"))),
        "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {");
  }

  @Test
  void rejectsBetweenWithTheBoundsReversed(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "n BETWEEN :lo AND :hi", Map.of(":lo", n("5"), ":hi", n("1"))),
        "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower"
            + " bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
  }

  // "begins_with(path, substr) ... substr must be a String" (or Binary).
  @Test
  void rejectsBeginsWithANumber(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "begins_with(s, :v)", Map.of(":v", n("1"))),
        "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function:"
            + " begins_with, operand type: N");
  }

  // size() returns a number to compare; it is not a condition by itself.
  @Test
  void rejectsSizeUsedAsACondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "size(s)", Map.of()),
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size");
  }

  // "Function names are case sensitive."
  @Test
  void rejectsFunctionNamesInAnotherCase(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "ATTRIBUTE_EXISTS(s)", Map.of()),
        "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
  }

  // "attribute_exists(path)": the operand is a document path.
  @Test
  void rejectsAttributeExistsOfAValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "attribute_exists(:v)", Map.of(":v", s("x"))),
        "Invalid ConditionExpression: Operator or function requires a document path; operator or function:"
            + " attribute_exists");
  }

  @Test
  void rejectsComparingAnAttributeWithItself(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "s = s", Map.of()),
        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator"
            + " or function; operator: =, first operand: [s]");
  }

  @Test
  void rejectsRedundantParentheses(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "n = :n AND ((s = :s AND yes = :t))",
            Map.of(":n", n("42"), ":s", s("hello"), ":t", bool(true))),
        "Invalid ConditionExpression: The expression has redundant parentheses;");
  }

  @Test
  void rejectsAnEmptyCondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> conditionalWrite(dynamoDb, "", Map.of()),
        "Invalid ConditionExpression: The expression can not be empty;");
  }
}
