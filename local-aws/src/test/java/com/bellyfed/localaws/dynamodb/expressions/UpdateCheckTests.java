package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.json;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.update;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.withText;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Type;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks AWS makes on update expressions before reading the item
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters).
 * Messages and precedence are those dynalite's suite verified against AWS.
 */
class UpdateCheckTests {

  private static final String NAMES = "ExpressionAttributeNames: {'#a': 'a', '#b': 'b'}";
  private static final String SOME_VALUES = "ExpressionAttributeValues: {':a': {S: 'a'}, ':b': {S: 'a'}}";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {" set #c = :c set abOrt = true  | abOrt", " remove Absolute  | Absolute"})
  void refusesReservedWordsFirst(String expression, String word) {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: '" + expression + "', " + SOME_VALUES + ", " + NAMES + "}",
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @Test
  void refusesUnknownFunctions() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'set #c = if_not_exist(:c) set c = d', " + SOME_VALUES + ", " + NAMES + "}",
        "Invalid UpdateExpression: Invalid function name; function: if_not_exist");
  }

  @Test
  void refusesConditionFunctionsInUpdates() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET x = size(:a)', ExpressionAttributeValues: {':a': {S: 'a'}}}",
        "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set a = #c set c = :d | SET", "remove #d set a = b remove e | REMOVE",
      "add #d :e set a = b add e :f | ADD", "delete #d :e set a = b delete #e :f | DELETE", "ADD x :one SET a = :a ADD y :one | ADD"})
  void refusesAClauseUsedTwice(String expression, String clause) {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: '" + expression + "', " + SOME_VALUES + ", " + NAMES + "}",
        "Invalid UpdateExpression: The \"" + clause + "\" section can only be used once in an update expression;");
  }

  @Test
  void refusesUndefinedNamesBeforeUndefinedValues() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET a = :undefined, #c = :a', " + SOME_VALUES + ", " + NAMES + "}",
        "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #c");
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET #a = if_not_exists(:c)', " + SOME_VALUES + ", " + NAMES + "}",
        "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :c");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a) | [c, [1], a] | [c]",
      "set #c[3].#d = a, #c[3] = a | [c, [3], [3]] | [c, [3]]",
      "SET #c = :v, #c = :v | [c] | [c]"})
  void refusesPathsThatOverlapBeforePathsThatConflict(String expression, String one, String two) {
    ObjectNode request = (ObjectNode) withText("UpdateExpression", expression);
    request.set("ExpressionAttributeNames", json("{'#c': 'c', '#d': '[3]'}"));
    if (expression.contains(":v")) {
      request.set("ExpressionAttributeValues", json("{':v': {N: '1'}}"));
    }
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, request)).hasMessage("Invalid UpdateExpression: "
        + "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set #c[3].#d = a, #c.#d[3] = if_not_exists(a) | [c, [3], [3]] | [c, [3], [3]]",
      "remove a.#c set a[1] = #d | [a, c] | [a, [1]]"})
  void refusesPathsThatConflict(String expression, String one, String two) {
    ObjectNode request = (ObjectNode) withText("UpdateExpression", expression);
    request.set("ExpressionAttributeNames", json("{'#b': 'b', '#c': 'c', '#d': '[3]'}"));
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, request)).hasMessageStartingWith("Invalid UpdateExpression: "
        + "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set b = list_append(:a, a), c = if_not_exists(a) add a.b :a | {S: 'a'} | ADD | STRING",
      "delete a.b :a | {S: 'a'} | DELETE | STRING",
      "add a.b :a | {NULL: true} | ADD | NULL",
      "delete a.b :a | {NULL: true} | DELETE | NULL",
      "add a.b :a | {BOOL: false} | ADD | BOOLEAN",
      "delete a.b :a | {BOOL: false} | DELETE | BOOLEAN",
      "add a.b :a | {B: 'YQ=='} | ADD | BINARY",
      "delete a.b :a | {B: 'YQ=='} | DELETE | BINARY",
      "add a.b :a | {M: {a: {L: [{N: '1'}]}}} | ADD | MAP",
      "delete a.b :a | {M: {a: {L: [{N: '1'}]}}} | DELETE | MAP",
      "add a.b :a | {L: [{N: '1'}]} | ADD | LIST",
      "delete a.b :a | {L: [{N: '1'}]} | DELETE | LIST",
      "delete a.b :a | {N: '1'} | DELETE | NUMBER"})
  void refusesAddAndDeleteOperandsOfTheWrongType(String expression, String value, String clause, String type) {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: '" + expression + "', ExpressionAttributeValues: {':a': " + value + "}}",
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: " + clause + ", operand type: " + type
            + ", typeSet: ALLOWED_FOR_ADD_OPERAND");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"set a = if_not_exists(c) | if_not_exists | 1", "set a = list_append(c) | list_append | 1",
      "set a = list_append(b, c, a) | list_append | 3"})
  void refusesFunctionsWithTheWrongNumberOfOperands(String expression, String function, int count) {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: '" + expression + "'}",
        "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: " + function
            + ", number of operands: " + count);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"set a = if_not_exists(:a, c)", "set a = if_not_exists(if_not_exists(a, b), c)"})
  void refusesIfNotExistsWithoutAPath(String expression) {
    String values = expression.contains(":a") ? ", ExpressionAttributeValues: {':a': {S: 'a'}}" : "";
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: '" + expression + "'" + values + "}",
        "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "set a = list_append(:a, a) | list_append | S", "set a = list_append(a, :b) | list_append | N",
      "set a = list_append(:c, a) | list_append | B", "set a = list_append(:d, a) | list_append | BOOL",
      "set a = list_append(:e, a) | list_append | NULL", "set a = list_append(:f, a) | list_append | SS",
      "set a = list_append(:g, a) | list_append | NS", "set a = list_append(:h, a) | list_append | BS",
      "set a = list_append(:i, a) | list_append | M", "set a = a + :a | + | S", "set a = :a + :c | + | S", "set a = :c + a | + | B",
      "set a = a + :d | + | BOOL", "set a = a + :e | + | NULL", "set a = a + :f | + | SS", "set a = a + :g | + | NS",
      "set a = a + :h | + | BS", "set a = a + :i | + | M", "set a = a + :j | + | L", "set a = a - :a | - | S",
      "set a = :c - a | - | B", "set a = a - :j | - | L", "set a = (a - :d) | - | BOOL"})
  void refusesOperandsOfTheWrongType(String expression, String function, String type) {
    ObjectNode request = (ObjectNode) withText("UpdateExpression", expression);
    ObjectNode all = (ObjectNode) json("{':a': {S: 'a'}, ':b': {N: '1'}, ':c': {B: 'YQ=='}, ':d': {BOOL: false}, ':e': {NULL: true},"
        + "':f': {SS: ['a']}, ':g': {NS: ['1']}, ':h': {BS: ['YQ==']}, ':i': {M: {}}, ':j': {L: []}}");
    all.retain(java.util.stream.Stream.of(":a", ":b", ":c", ":d", ":e", ":f", ":g", ":h", ":i", ":j").filter(expression::contains).toList());
    request.set("ExpressionAttributeValues", all);
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, request)).hasMessage(
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: " + function + ", operand type: " + type);
  }

  @Test
  void refusesTooManyOperators() {
    StringBuilder expression = new StringBuilder("SET ");
    for (int i = 0; i < 301; i++) {
      expression.append(i == 0 ? "" : ",").append("a").append(i).append("=b+c");
    }
    assertValidation(() -> ExpressionCompiler.compile(Context.UPDATE_ITEM, withText("UpdateExpression", expression.toString())))
        .hasMessage("Invalid UpdateExpression: The expression contains too many operators; operator count: 301");
  }

  @Test
  void acceptsEveryClauseInAnyOrderAndCase() {
    Update update = update("{UpdateExpression: 'ADD #e :e,#d :d DELETE #c :c REMOVE #b SET #f = :f', "
        + "ExpressionAttributeValues: {':c': {SS: ['a', 'b']}, ':d': {N: '5'}, ':e': {SS: ['a', 'b']}, ':f': {L: [{S: 'a'}, {N: '1'}]}}, "
        + "ExpressionAttributeNames: {'#b': 'b', '#c': 'c', '#d': 'd', '#e': 'e', '#f': 'f'}}");
    assertThat(update.topLevelNames()).containsExactly("e", "d", "c", "b", "f");
    update("{UpdateExpression: 'set a = :v remove b add c :v delete d :s', ExpressionAttributeValues: {':v': {N: '1'}, ':s': {NS: ['1']}}}");
  }

  @Test
  void acceptsParenthesesAroundOperandsAndValues() {
    update("{UpdateExpression: 'set b.c=((c[1])+(b.a)), d = (e - :n), f = (g)', ExpressionAttributeValues: {':n': {N: '1'}}}");
  }

  @Test
  void reportsTheTypesItWritesAndTheNamesItReachesInto() {
    Update update = update("{UpdateExpression: 'SET c = a + :n, d = list_append(l, m), e = if_not_exists(e, :s), f = g, h.i = :n ADD j :n DELETE k :ss', "
        + "ExpressionAttributeValues: {':n': {N: '1'}, ':s': {S: 'x'}, ':ss': {SS: ['x']}}}");
    assertThat(update.topLevelTypes()).containsEntry("c", Type.N).containsEntry("d", Type.L).containsEntry("e", Type.S)
        .containsEntry("j", Type.N).containsEntry("k", Type.SS).doesNotContainKeys("f", "h");
    assertThat(update("{UpdateExpression: 'set e = list_append(a, b), f = d[1]'}").nestedNames()).containsExactly("d");
  }

  @Test
  void knowsWhenItOnlyRemovesOrDeletes() {
    assertThat(update("{UpdateExpression: 'REMOVE a DELETE b :s', ExpressionAttributeValues: {':s': {SS: ['x']}}}").onlyRemovesOrDeletes()).isTrue();
    assertThat(update("{UpdateExpression: 'REMOVE a ADD b :s', ExpressionAttributeValues: {':s': {SS: ['x']}}}").onlyRemovesOrDeletes()).isFalse();
  }
}
