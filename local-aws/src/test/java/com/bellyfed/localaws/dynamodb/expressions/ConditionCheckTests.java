package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.json;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.withText;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.node.ObjectNode;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks AWS makes on condition and filter expressions before reading any item, with their
 * messages and their precedence
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters).
 * The cases are those dynalite's suite verified against AWS.
 */
class ConditionCheckTests {

  private static void assertFilterRejected(String expression, String values, String message) {
    ObjectNode request = (ObjectNode) withText("FilterExpression", expression);
    if (!values.isEmpty()) {
      request.set("ExpressionAttributeValues", json(values));
    }
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, request)).hasMessage("Invalid FilterExpression: " + message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a=a and a > ((views))", "(a)between(((b.c)).d)and(c)", "a > whatever((:things), ((a)))",
      "a=a AND ((a=a AND a=a)) AND a=a", "a=a OR ((a=a OR a=a)) OR a=a", "a=a AND ((a=a AND (a=a AND a=a)))",
      "a=a OR ((a=a OR (a=a OR a=a)))"})
  void refusesRedundantParenthesesBeforeAnyOtherProblem(String expression) {
    assertFilterRejected(expression, "", "The expression has redundant parentheses;");
  }

  @Test
  void acceptsParenthesesThatGroupSomething() {
    ExpressionCompiler.compile(Context.PUT_ITEM, json("{ConditionExpression: '(attribute_not_exists(pk)) AND (attribute_not_exists(#s))', "
        + "ExpressionAttributeNames: {'#s': 'status'}}"));
    ExpressionCompiler.compile(Context.PUT_ITEM, json("{ConditionExpression: '(attribute_not_exists(pk) AND (attribute_not_exists(#s)))', "
        + "ExpressionAttributeNames: {'#s': 'status'}}"));
    ExpressionCompiler.compile(Context.SCAN, json("{FilterExpression: '((a=:v) OR (b=:v))', ExpressionAttributeValues: {':v': {N: '1'}}}"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a=a and whatever((:things)) > a | whatever",
      "attRIbute_exIsts((views), #a) | attRIbute_exIsts",
      "ATTRIBUTE_EXISTS(a) | ATTRIBUTE_EXISTS"})
  void refusesUnknownFunctionsWhateverTheirCase(String expression, String function) {
    assertFilterRejected(expression, "", "Invalid function name; function: " + function);
  }

  @Test
  void refusesUpdateFunctionsInConditions() {
    assertFilterRejected("if_not_exists(a, :v) = :v", "{':v': {N: '1'}}",
        "The function is not allowed in a condition expression; function: if_not_exists");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a=a and attribute_exists((views), (#a)) > b | attribute_exists",
      "attribute_not_exists(things) > b | attribute_not_exists",
      "attribute_type(things, :a) > b | attribute_type",
      "begins_with(things, a) > b | begins_with",
      "contains(:things, c) > b | contains",
      "size(contains(a, b)) > a | contains",
      "size(things) | size",
      "a between b and attribute_exists(things) | attribute_exists",
      "a in (b, attribute_exists(things)) | attribute_exists",
      "NOT size(a) | size",
      "(size(a)) AND b = c | size"})
  void refusesFunctionsUsedWhereTheyMayNotBe(String expression, String function) {
    assertFilterRejected(expression, "", "The function is not allowed to be used this way in an expression; function: " + function);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"attribute_exists(views, #a) | views", ":a < abOrT | abOrT", "#a = :v AND Status = :v | Status"})
  void refusesReservedWordsAsBareNamesBeforeUndefinedPlaceholders(String expression, String word) {
    assertFilterRejected(expression, "", "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "attribute_exists(#Pictures.RearView, :a) and a=a | #Pictures",
      "begins_with(Pictures.#RearView) | #RearView",
      "(#P between :lo and :hi) and (#PC in (:cat1, :cat2)) | #P",
      "#4g > a | #4g",
      "#_ > a | #_",
      "(a)between(b.c[45].#d)and(:a) | #d"})
  void refusesUndefinedAttributeNames(String expression, String name) {
    assertFilterRejected(expression, "", "An expression attribute name used in the document path is not defined; attribute name: " + name);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"begins_with(:hello, #a, #b) | :hello", ":a < :b | :a", ":_ > a | :_"})
  void refusesUndefinedAttributeValues(String expression, String value) {
    assertFilterRejected(expression, "", "An expression attribute value used in expression is not defined; attribute value: " + value);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "attribute_exists(things, a) and a=a | attribute_exists | 2",
      "attribute_not_exists(things, b) | attribute_not_exists | 2",
      "attribute_type(things) | attribute_type | 1",
      "begins_with(things) | begins_with | 1",
      "begins_with(things, size(a), b) | begins_with | 3",
      "contains(things) | contains | 1",
      "size(things, a) > b | size | 2"})
  void refusesFunctionsWithTheWrongNumberOfOperands(String expression, String function, int count) {
    assertFilterRejected(expression, "",
        "Incorrect number of operands for operator or function; operator or function: " + function + ", number of operands: " + count);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "attribute_type(a, size(a)) and a=a and a=:a | attribute_type | {N: '1'}",
      "attribute_type(a, :a) | attribute_type | {N: '1'}",
      "attribute_type(a, :a) | attribute_type | {B: 'YQ=='}",
      "attribute_type(a, :a) | attribute_type | {BOOL: true}",
      "attribute_type(a, :a) | attribute_type | {NULL: true}",
      "attribute_type(a, :a) | attribute_type | {L: []}",
      "attribute_type(a, :a) | attribute_type | {M: {}}",
      "attribute_type(a, :a) | attribute_type | {SS: ['1']}",
      "attribute_type(a, :a) | attribute_type | {NS: ['1']}",
      "attribute_type(a, :a) | attribute_type | {BS: ['YQ==']}",
      "begins_with(a, size(a)) and a=:a | begins_with | {N: '1'}",
      "begins_with(a, :a) | begins_with | {N: '1'}",
      "begins_with(a, :a) | begins_with | {BOOL: true}",
      "begins_with(a, :a) | begins_with | {NULL: true}",
      "begins_with(a, :a) | begins_with | {L: []}",
      "begins_with(a, :a) | begins_with | {M: {}}",
      "begins_with(a, :a) | begins_with | {SS: ['1']}",
      "begins_with(a, :a) | begins_with | {NS: ['1']}",
      "begins_with(a, :a) | begins_with | {BS: ['YQ==']}",
      "begins_with(:a, a) | begins_with | {N: '1'}",
      "begins_with(:a, a) | begins_with | {BOOL: true}",
      "size(size(a)) > :a | size | {N: '1'}",
      "attribute_not_exists(size(:a)) | size | {N: '1'}",
      "size(:a) > a | size | {BOOL: true}",
      "size(:a) > a | size | {NULL: true}",
      "a < :a | < | {BOOL: true}",
      "a >= :a | >= | {L: []}",
      "size(a) > :a | > | {SS: ['x']}"})
  void refusesOperandsOfTheWrongType(String expression, String function, String value) {
    String type = json(value).propertyNames().iterator().next();
    assertFilterRejected(expression, "{':a': " + value + "}",
        "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
  }

  @Test
  void refusesAnAttributeTypeThatIsNoType() {
    assertFilterRejected("attribute_type(a, :a)", "{':a': {S: '1'}}",
        "Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  }

  @Test
  void namesEveryTypeWhenAttributeTypeIsGivenAPath() {
    assertFilterRejected("attribute_type(a, b)", "",
        "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"attribute_exists(:a) and a=a | attribute_exists", "attribute_not_exists(size(:a)) | attribute_not_exists"})
  void refusesValuesWhereAFunctionNeedsAPath(String expression, String function) {
    assertFilterRejected(expression, "{':a': {S: '1'}}", "Operator or function requires a document path; operator or function: " + function);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a = a AND #a = b AND :views > a | = | [a]",
      "#a <> a | <> | [a]",
      "a > #a | > | [a]",
      "((a=a) OR (a=a)) | = | [a]",
      "contains(ab.bc[1].a, ab.bc[1].#a) | contains | [ab, bc, [1], a]",
      "attribute_type(ab.bc[1].#a, ab.bc[1].a) | attribute_type | [ab, bc, [1], a]",
      "begins_with(ab.bc[1].a, ab.bc[1].#a) | begins_with | [ab, bc, [1], a]"})
  void refusesTheSamePathOnBothSides(String expression, String operator, String path) {
    ObjectNode request = (ObjectNode) withText("FilterExpression", expression);
    request.set("ExpressionAttributeNames", json("{'#a': 'a'}"));
    assertValidation(() -> ExpressionCompiler.compile(Context.SCAN, request)).hasMessage("Invalid FilterExpression: "
        + "The first operand must be distinct from the remaining operands for this operator or function; operator: "
        + operator + ", first operand: " + path);
  }

  @Test
  void acceptsTheSameValueOnBothSides() {
    ExpressionCompiler.compile(Context.SCAN, json("{FilterExpression: ':a > :a', ExpressionAttributeValues: {':a': {N: '1'}}}"));
  }

  @Test
  void refusesBetweenBoundsOfDifferentTypes() {
    assertFilterRejected("a between :b and :a", "{':a': {S: 'a'}, ':b': {N: '1'}}",
        "The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}");
  }

  @Test
  void refusesBetweenBoundsInTheWrongOrder() {
    assertFilterRejected("a between :b and :a", "{':a': {S: 'a'}, ':b': {S: 'b'}}",
        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}");
    assertFilterRejected("a between :hi and :lo", "{':hi': {N: '10'}, ':lo': {N: '9.5'}}",
        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            + "lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:9.5}");
  }

  /** The IN list takes at most 100 operands (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
  @Test
  void refusesMoreThanAHundredInOperands() {
    StringBuilder values = new StringBuilder("{");
    String list = String.join(", ", IntStream.range(0, 101).mapToObj(i -> ":v" + i).toList());
    IntStream.range(0, 101).forEach(i -> values.append(i == 0 ? "" : ", ").append("':v").append(i).append("': {N: '").append(i).append("'}"));
    assertFilterRejected("a IN (" + list + ")", values.append('}').toString(),
        "The IN operator is provided with too many operands; number of operands: 101");
    ExpressionCompiler.compile(Context.SCAN, json("{FilterExpression: 'a IN (" + String.join(", ", IntStream.range(0, 100).mapToObj(i -> ":v" + i).toList())
        + ")', ExpressionAttributeValues: " + values.toString().replace(", ':v100': {N: '100'}", "") + "}"));
  }

  /** Document paths nest at most 32 levels (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html). */
  @Test
  void refusesPathsNestedDeeperThan32Levels() {
    assertFilterRejected("attribute_exists(a" + ".b".repeat(32) + ")", "", "The document path has too many nesting levels; nesting levels: 33");
    ExpressionCompiler.compile(Context.SCAN, withText("FilterExpression", "attribute_exists(a" + ".b".repeat(31) + ")"));
  }

  @Test
  void checksConditionsLeftToRightForPlaceholdersOperandsAndTypes() {
    // The first condition's undefined value is reported although a later one has the wrong operand count.
    assertFilterRejected("a = :x AND size(b, c) > :n", "{':n': {N: '1'}}",
        "An expression attribute value used in expression is not defined; attribute value: :x");
    // Within one condition, a wrong operand count comes before a repeated path.
    assertFilterRejected("contains(a, a, b)", "", "Incorrect number of operands for operator or function; operator or function: contains, number of operands: 3");
  }

  @Test
  void acceptsKeywordsInAnyCase() {
    ExpressionCompiler.compile(Context.SCAN, json("{FilterExpression: 'n between :lo and :hi Or s in (:a) aNd nOt c = :a', "
        + "ExpressionAttributeValues: {':lo': {N: '1'}, ':hi': {N: '2'}, ':a': {S: 'x'}}}"));
  }
}
