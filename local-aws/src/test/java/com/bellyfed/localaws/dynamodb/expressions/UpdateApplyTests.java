package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.item;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applying update expressions to items, and what ReturnValues UPDATED_OLD and UPDATED_NEW return
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html#DDB-UpdateItem-request-ReturnValues).
 */
class UpdateApplyTests {

  private static final Map<String, Value> ITEM = item("{pk: {S: 'p'}, tally: {N: '1'}, label: {S: 'x'}, "
      + "letters: {L: [{N: '1'}, {N: '2'}, {N: '3'}]}, info: {M: {a: {N: '1'}}}, tags: {SS: ['a', 'b']}, f: {N: '0.1'}}");

  private static Map<String, Value> apply(String request) {
    return update(request).apply(ITEM);
  }

  @Test
  void setsTopLevelAndNestedAttributesAndListElements() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET a = :a, info.b = :b, #l[0] = :z', ExpressionAttributeNames: {'#l': 'letters'}, "
        + "ExpressionAttributeValues: {':a': {S: 'A'}, ':b': {N: '2'}, ':z': {N: '0'}}}");
    assertThat(updated.get("a")).isEqualTo(Requests.value("{S: 'A'}"));
    assertThat(updated.get("info")).isEqualTo(Requests.value("{M: {a: {N: '1'}, b: {N: '2'}}}"));
    assertThat(updated.get("letters")).isEqualTo(Requests.value("{L: [{N: '0'}, {N: '2'}, {N: '3'}]}"));
  }

  @Test
  void leavesTheGivenItemUntouched() {
    Map<String, Value> before = Map.copyOf(ITEM);
    apply("{UpdateExpression: 'SET info.b = :b REMOVE letters[0]', ExpressionAttributeValues: {':b': {N: '2'}}}");
    assertThat(ITEM).isEqualTo(before);
  }

  @Test
  void appendsWhenAnIndexIsPastTheEndOfTheList() {
    assertThat(apply("{UpdateExpression: 'SET letters[10] = :v', ExpressionAttributeValues: {':v': {N: '4'}}}").get("letters"))
        .isEqualTo(Requests.value("{L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '4'}]}"));
    assertThat(update("{UpdateExpression: 'SET l[0] = :v', ExpressionAttributeValues: {':v': {S: 'first'}}}").apply(item("{l: {L: []}}")))
        .isEqualTo(item("{l: {L: [{S: 'first'}]}}"));
  }

  @Test
  void readsEveryOperandFromTheItemAsItWas() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET a = tally, tally = :ten', ExpressionAttributeValues: {':ten': {N: '10'}}}");
    assertThat(updated.get("a")).isEqualTo(Value.n(1));
    assertThat(updated.get("tally")).isEqualTo(Value.n(10));
  }

  @Test
  void addsAndSubtractsDecimalsExactly() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET f = f + :f, tally = tally - :one', ExpressionAttributeValues: {':f': {N: '0.2'}, ':one': {N: '1'}}}");
    assertThat(updated.get("f")).isEqualTo(Value.n("0.3"));
    assertThat(updated.get("tally")).isEqualTo(Value.n(0));
  }

  @Test
  void keepsThirtyEightDigitsAndRefusesOverflow() {
    Map<String, Value> big = item("{n: {N: '99999999999999999999999999999999999999'}, huge: {N: '9.9999999999999999999999999999999999999E+125'}}");
    assertThat(update("{UpdateExpression: 'SET m = n - :one', ExpressionAttributeValues: {':one': {N: '1'}}}").apply(big).get("m"))
        .isEqualTo(Value.n("99999999999999999999999999999999999998"));
    assertValidation(() -> update("{UpdateExpression: 'SET huge = huge + huge'}").apply(big))
        .hasMessage("Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @Test
  void fallsBackWithIfNotExists() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET tally = if_not_exists(tally, :zero) + :one, fresh = if_not_exists(fresh, :zero)', "
        + "ExpressionAttributeValues: {':zero': {N: '0'}, ':one': {N: '1'}}}");
    assertThat(updated.get("tally")).isEqualTo(Value.n(2));
    assertThat(updated.get("fresh")).isEqualTo(Value.n(0));
  }

  @Test
  void appendsListsInArgumentOrder() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET letters = list_append(letters, :tail), alt = list_append(if_not_exists(alt, :empty), :tail), "
        + "front = list_append(:head, letters)', ExpressionAttributeValues: {':tail': {L: [{N: '9'}]}, ':empty': {L: []}, ':head': {L: [{N: '0'}]}}}");
    assertThat(updated.get("letters")).isEqualTo(Requests.value("{L: [{N: '1'}, {N: '2'}, {N: '3'}, {N: '9'}]}"));
    assertThat(updated.get("alt")).isEqualTo(Requests.value("{L: [{N: '9'}]}"));
    assertThat(updated.get("front")).isEqualTo(Requests.value("{L: [{N: '0'}, {N: '1'}, {N: '2'}, {N: '3'}]}"));
  }

  @Test
  void removesAttributesNestedAttributesAndListElementsByTheirOriginalIndexes() {
    Map<String, Value> updated = apply("{UpdateExpression: 'REMOVE #n, info.a, letters[0], letters[2], absent, info.absent', "
        + "ExpressionAttributeNames: {'#n': 'label'}}");
    assertThat(updated).doesNotContainKeys("label", "absent");
    assertThat(updated.get("letters")).isEqualTo(Requests.value("{L: [{N: '2'}]}"));
    assertThat(updated.get("info")).isEqualTo(Requests.value("{M: {}}"));
  }

  @Test
  void replacesAndRemovesListElementsTogetherByTheirOriginalIndexes() {
    Map<String, Value> updated = apply("{UpdateExpression: 'SET letters[2] = :v REMOVE letters[0]', ExpressionAttributeValues: {':v': {S: 'three'}}}");
    assertThat(updated.get("letters")).isEqualTo(Requests.value("{L: [{N: '2'}, {S: 'three'}]}"));
  }

  @Test
  void addsToNumbersAndSetsCreatingThemWhenMissing() {
    Map<String, Value> updated = apply("{UpdateExpression: 'ADD #c :five, newCount :five, tags :more, nums :ns', ExpressionAttributeNames: {'#c': 'tally'}, "
        + "ExpressionAttributeValues: {':five': {N: '5'}, ':more': {SS: ['b', 'c']}, ':ns': {NS: ['1']}}}");
    assertThat(updated.get("tally")).isEqualTo(Value.n(6));
    assertThat(updated.get("newCount")).isEqualTo(Value.n(5));
    assertThat(updated.get("tags")).isEqualTo(Requests.value("{SS: ['a', 'b', 'c']}"));
    assertThat(updated.get("nums")).isEqualTo(Requests.value("{NS: ['1']}"));
  }

  @Test
  void deletesFromSetsAndRemovesAnEmptiedSet() {
    assertThat(apply("{UpdateExpression: 'DELETE tags :a', ExpressionAttributeValues: {':a': {SS: ['a', 'z']}}}").get("tags"))
        .isEqualTo(Requests.value("{SS: ['b']}"));
    assertThat(apply("{UpdateExpression: 'DELETE tags :ab, absent :ab', ExpressionAttributeValues: {':ab': {SS: ['a', 'b']}}}"))
        .doesNotContainKeys("tags", "absent");
  }

  /** dynalite's "should update nested attributes", verified against AWS: list appends land in index order. */
  @Test
  void appliesNestedSetsAndAddsAsAwsDoes() {
    Map<String, Value> before = item("{a: {S: 'key'}, b: {M: {a: {N: '1'}, b: {N: '2'}, c: {N: '3'}}}, c: {L: [{N: '1'}, {N: '3'}]}}");
    Update update = update("{UpdateExpression: 'set b.c=((c[1])+(b.a)),b.a = a,c[1] = a, c[4] = b.a - b.b, c[2] = b.c add c[8] :b, c[6] :a', "
        + "ExpressionAttributeValues: {':a': {N: '2'}, ':b': {SS: ['a']}}}");
    Map<String, Value> after = update.apply(before);
    assertThat(after).isEqualTo(item("{a: {S: 'key'}, b: {M: {a: {S: 'key'}, b: {N: '2'}, c: {N: '4'}}}, "
        + "c: {L: [{N: '1'}, {S: 'key'}, {N: '3'}, {N: '-1'}, {N: '2'}, {SS: ['a']}]}}"));
    assertThat(update.updatedAttributes(after)).isEqualTo(item("{b: {M: {c: {N: '4'}, a: {S: 'key'}}}, c: {L: [{S: 'key'}, {N: '3'}, {N: '2'}]}}"));
  }

  @Test
  void returnsOnlyTheTouchedPathsForUpdatedOldAndNew() {
    Update update = update("{UpdateExpression: 'SET info.a = :v, z = :v REMOVE label', ExpressionAttributeValues: {':v': {N: '7'}}}");
    assertThat(update.updatedAttributes(ITEM)).isEqualTo(item("{info: {M: {a: {N: '1'}}}, label: {S: 'x'}}"));
    assertThat(update.updatedAttributes(update.apply(ITEM))).isEqualTo(item("{info: {M: {a: {N: '7'}}}, z: {N: '7'}}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"set c = b", "set e = list_append(b, c)", "set e = b + :one", "set e = if_not_exists(x, y)"})
  void refusesOperandsThatAreNotInTheItem(String expression) {
    String values = expression.contains(":one") ? ", ExpressionAttributeValues: {':one': {N: '1'}}" : "";
    assertValidation(() -> update("{UpdateExpression: '" + expression + "'" + values + "}").apply(item("{a: {S: 'k'}}")))
        .hasMessage("The provided expression refers to an attribute that does not exist in the item");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "delete d :a|{SS: ['1']}", "delete b :a|{NS: ['1']}", "delete b.a :a|{NS: ['1']}", "delete b.a :a|{BS: ['YQ==']}",
      "delete c :a|{NS: ['1']}", "add b :a|{NS: ['1']}", "add d :a|{N: '1'}", "set e = a + :a|{N: '1'}", "set e = b - :a|{N: '1'}",
      "set e = list_append(d, if_not_exists(f, :a))|{L: []}"})
  void refusesOperandsOfTheWrongTypeInTheItem(String testCase) {
    String[] parts = testCase.split("\\|");
    Map<String, Value> existing = item("{a: {S: 'k'}, b: {M: {a: {SS: ['1']}}}, c: {N: '1'}, d: {NS: ['1']}}");
    assertValidation(() -> update("{UpdateExpression: '" + parts[0] + "', ExpressionAttributeValues: {':a': " + parts[1] + "}}").apply(existing))
        .hasMessage("An operand in the update expression has an incorrect data type");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "set b.a = :a, #1 = :a", "set b[1] = :a, #1 = :a", "set y.a = :a, #1 = :a", "set y[1] = :a, #1 = :a", "set c[1] = :a, #1 = :a",
      "set d.#1 = :a", "remove b.a set #1 = :a", "remove b[1] set #1 = :a", "remove y.a set #1 = :a", "remove y[1] set #1 = :a",
      "remove c[1] set #1 = :a", "remove d.#1 set #1 = :a", "delete b.a :a set #1 = :a", "delete b[1] :a set #1 = :a",
      "delete y.a :a set #1 = :a", "delete y[1] :a set #1 = :a", "delete c[1] :a set #1 = :a", "delete d.#1 :a",
      "add b.a :a set #1 = :a", "add b[1] :a set #1 = :a", "add y.a :a set #1 = :a", "add y[1] :a set #1 = :a",
      "add c[1] :a set #1 = :a", "add d.#1 :a", "set d[5].x = :a, #1 = :a"})
  void refusesPathsWhoseParentIsMissingOrOfTheWrongType(String expression) {
    Map<String, Value> existing = item("{a: {S: 'k'}, b: {S: 'k'}, c: {M: {'1': {S: 'a'}}}, d: {L: [{S: 'a'}, {S: 'b'}]}}");
    assertValidation(() -> update("{UpdateExpression: '" + expression + "', ExpressionAttributeNames: {'#1': '1'}, "
        + "ExpressionAttributeValues: {':a': {SS: ['a']}}}").apply(existing))
        .hasMessage("The document path provided in the update expression is invalid for update");
  }

  @Test
  void refusesNestedPathsOnANewItem() {
    assertValidation(() -> update("{UpdateExpression: 'SET #a.#b.#c = :v', ExpressionAttributeNames: {'#a': 'missing', '#b': 'nested', '#c': 'deep'}, "
        + "ExpressionAttributeValues: {':v': {S: 'test'}}}").apply(item("{pk: {S: 'k'}}")))
        .hasMessage("The document path provided in the update expression is invalid for update");
  }

  @Test
  void computesValuesBeforeCheckingPaths() {
    assertValidation(() -> update("{UpdateExpression: 'SET x.y = :v, z = nowhere', ExpressionAttributeValues: {':v': {N: '1'}}}").apply(ITEM))
        .hasMessage("The provided expression refers to an attribute that does not exist in the item");
  }
}
