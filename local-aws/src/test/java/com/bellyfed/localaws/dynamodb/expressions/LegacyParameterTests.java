package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertValidation;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.compile;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.item;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The legacy parameters SDKs and tools still send: Expected, QueryFilter and ScanFilter with
 * ConditionalOperator, and AttributeUpdates
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Expected.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.Conditions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.ConditionalOperator.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributeUpdates.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Condition.html).
 * Messages are those dynalite's suite verified against AWS.
 */
class LegacyParameterTests {

  private static final String INVALID = "One or more parameter values were invalid: ";

  // ---- Expected

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{a: {}} | Value must be provided when Exists is null for Attribute: a",
      "{a: {Exists: true}} | Value must be provided when Exists is true for Attribute: a",
      "{a: {Exists: false, Value: {S: 'a'}}} | Value cannot be used when Exists is false for Attribute: a",
      "{a: {ComparisonOperator: 'LT'}} | Value or AttributeValueList must be used with ComparisonOperator: LT for Attribute: a",
      "{a: {Exists: true, ComparisonOperator: 'LT'}} | Exists and ComparisonOperator cannot be used together for Attribute: a",
      "{a: {AttributeValueList: [{S: 'a'}], Value: {S: 'a'}, ComparisonOperator: 'LT'}} | Value and AttributeValueList cannot be used together for Attribute: a",
      "{a: {AttributeValueList: [{S: 'a'}]}} | AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
      "{a: {Exists: true, AttributeValueList: [{S: 'a'}]}} | AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
      "{a: {AttributeValueList: [], ComparisonOperator: 'EQ'}} | Invalid number of argument(s) for the EQ ComparisonOperator",
      "{a: {AttributeValueList: [{S: 'a'}], ComparisonOperator: 'NULL'}} | Invalid number of argument(s) for the NULL ComparisonOperator",
      "{a: {AttributeValueList: [], ComparisonOperator: 'IN'}} | Invalid number of argument(s) for the IN ComparisonOperator",
      "{a: {AttributeValueList: [{N: '1'}, {N: '10'}, {N: '12'}], ComparisonOperator: 'BETWEEN'}} | Invalid number of argument(s) for the BETWEEN ComparisonOperator",
      "{a: {Value: {S: 'a'}, ComparisonOperator: 'NULL'}} | Invalid number of argument(s) for the NULL ComparisonOperator",
      "{a: {Value: {S: 'a'}, ComparisonOperator: 'BETWEEN'}} | Invalid number of argument(s) for the BETWEEN ComparisonOperator",
      "{a: {AttributeValueList: [{S: 'b'}, {N: '1'}], ComparisonOperator: 'IN'}} | AttributeValues inside AttributeValueList must be of same type"})
  void refusesMalformedExpectedConditions(String expected, String message) {
    assertRejected(Context.PUT_ITEM, "{Expected: " + expected + "}", INVALID + message);
  }

  @Test
  void refusesExpectedBetweenBoundsInTheWrongOrder() {
    assertRejected(Context.DELETE_ITEM, "{Expected: {a: {AttributeValueList: [{N: '2'}, {N: '1'}], ComparisonOperator: 'BETWEEN'}}}",
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
  }

  @Test
  void evaluatesExpectedValuesAndExistence() {
    Map<String, Value> stored = item("{a: {S: 'x'}, active: {BOOL: false}}");
    assertThat(Requests.condition("{Expected: {a: {Value: {S: 'x'}}}}").test(stored)).isTrue();
    assertThat(Requests.condition("{Expected: {active: {Value: {BOOL: false}, Exists: true}}}").test(stored)).isTrue();
    assertThat(Requests.condition("{Expected: {a: {Exists: false}}}").test(stored)).isFalse();
    assertThat(Requests.condition("{Expected: {b: {Exists: 'false'}}}").test(stored)).isTrue();
    assertThat(Requests.condition("{Expected: {a: {ComparisonOperator: 'NOT_NULL'}}}").test(null)).isFalse();
    assertThat(Requests.condition("{Expected: {a: {ComparisonOperator: 'BEGINS_WITH', Value: {S: 'x'}}}}").test(stored)).isTrue();
  }

  @Test
  void combinesExpectedConditionsWithAndUnlessOr() {
    Map<String, Value> stored = item("{a: {S: 'x'}, b: {N: '1'}}");
    String conditions = "{a: {Value: {S: 'x'}}, b: {Value: {N: '2'}}}";
    assertThat(Requests.condition("{Expected: " + conditions + "}").test(stored)).isFalse();
    assertThat(Requests.condition("{Expected: " + conditions + ", ConditionalOperator: 'AND'}").test(stored)).isFalse();
    assertThat(Requests.condition("{Expected: " + conditions + ", ConditionalOperator: 'OR'}").test(stored)).isTrue();
  }

  // ---- QueryFilter, ScanFilter

  @ParameterizedTest
  @ValueSource(strings = {
      "{a: {ComparisonOperator: 'EQ'}, b: {ComparisonOperator: 'NULL'}}", "{a: {ComparisonOperator: 'EQ', AttributeValueList: []}}",
      "{a: {ComparisonOperator: 'NE'}}", "{a: {ComparisonOperator: 'LE'}}", "{a: {ComparisonOperator: 'LT'}}",
      "{a: {ComparisonOperator: 'GE'}}", "{a: {ComparisonOperator: 'GT'}}", "{a: {ComparisonOperator: 'CONTAINS'}}",
      "{a: {ComparisonOperator: 'NOT_CONTAINS'}}", "{a: {ComparisonOperator: 'BEGINS_WITH'}}", "{a: {ComparisonOperator: 'IN'}}",
      "{a: {ComparisonOperator: 'BETWEEN'}}", "{a: {ComparisonOperator: 'NULL', AttributeValueList: [{S: 'a'}]}}",
      "{a: {ComparisonOperator: 'NOT_NULL', AttributeValueList: [{S: 'a'}]}}", "{a: {ComparisonOperator: 'EQ', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'CONTAINS', AttributeValueList: [{S: 'a'}, {S: 'a'}]}}",
      "{a: {ComparisonOperator: 'BETWEEN', AttributeValueList: [{S: 'a'}, {S: 'a'}, {S: 'a'}]}}"})
  void refusesFilterConditionsWithTheWrongNumberOfValues(String filter) {
    String operator = Requests.json(filter).get("a").get("ComparisonOperator").stringValue(null);
    assertRejected(Context.SCAN, "{ScanFilter: " + filter + "}", INVALID + "Invalid number of argument(s) for the " + operator + " ComparisonOperator");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "LT | {BOOL: true}", "LE | {NULL: true}", "GT | {SS: ['a']}", "GE | {NS: ['1']}", "IN | {BS: ['abcd']}", "LT | {M: {}}", "IN | {L: []}",
      "CONTAINS | {SS: ['a']}", "NOT_CONTAINS | {M: {}}", "BEGINS_WITH | {N: '1'}", "BEGINS_WITH | {BOOL: true}", "EQ | {L: []}", "NE | {M: {}}"})
  void refusesValueTypesTheOperatorDoesNotTake(String operator, String value) {
    String type = Requests.json(value).propertyNames().iterator().next();
    assertRejected(Context.QUERY, "{QueryFilter: {a: {ComparisonOperator: '" + operator + "', AttributeValueList: [" + value + "]}}, KeyConditions: {}}",
        INVALID + "ComparisonOperator " + operator + " is not valid for " + type + " AttributeValue type");
  }

  @Test
  void refusesBetweenOfSetsBeforeComparingThem() {
    assertRejected(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: 'BETWEEN', AttributeValueList: [{SS: ['a']}, {SS: ['a']}]}}}",
        INVALID + "ComparisonOperator BETWEEN is not valid for SS AttributeValue type");
  }

  @Test
  void checksEveryValueBeforeTheNumberOfValues() {
    assertRejected(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, {SS: []}, {}]}}}",
        INVALID + "An string set  may not be empty");
    assertRejected(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}, {N: '1e126'}]}}}",
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @Test
  void checksTheQueryFilterBeforeDuplicateAttributesToGet() {
    assertRejected(Context.QUERY, "{QueryFilter: {a: {ComparisonOperator: 'EQ'}}, AttributesToGet: ['a', 'a'], KeyConditions: {}}",
        INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator");
    assertRejected(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: 'EQ'}}, AttributesToGet: ['a', 'a']}",
        INVALID + "Duplicate value in attribute name: a");
  }

  @Test
  void refusesAMissingOrUnknownComparisonOperator() {
    assertValidation(() -> compile(Context.SCAN, "{ScanFilter: {a: {AttributeValueList: [{S: 'x'}]}}}"))
        .hasMessage("1 validation error detected: Value null at 'scanFilter.a.member.comparisonOperator' failed to satisfy constraint: "
            + "Member must not be null");
    assertValidation(() -> compile(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: 'LIKE'}}}"))
        .hasMessageContaining("Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "EQ | {S: 'abdef'} | s",
      "NE | {S: 'abdef'} | n,b,ss,list,missing",
      "LT | {S: 'b'} | s",
      "GE | {N: '1234'} | n",
      "GT | {B: 'YWE='} | b",
      "NOT_NULL | | s,n,b,ss,list",
      "NULL | | missing",
      "CONTAINS | {S: 'bde'} | s,ss",
      "NOT_CONTAINS | {S: 'bde'} | n,b,list,missing",
      "CONTAINS | {N: '3'} | list",
      "BEGINS_WITH | {S: 'abd'} | s",
      "BEGINS_WITH | {B: 'YQ=='} | b",
      "IN | {S: 'x'}, {S: 'abdef'} | s",
      "BETWEEN | {N: '1000'}, {N: '2000'} | n"})
  void evaluatesEachComparisonOperator(String operator, String values, String matching) {
    Map<String, Map<String, Value>> items = Map.of(
        "s", item("{a: {S: 'abdef'}}"), "n", item("{a: {N: '1234'}}"), "b", item("{a: {B: 'YWJk'}}"),
        "ss", item("{a: {SS: ['abd', 'bde']}}"), "list", item("{a: {L: [{N: '3'}, {S: 'x'}]}}"), "missing", item("{}"));
    Condition filter = compile(Context.SCAN, "{ScanFilter: {a: {ComparisonOperator: '" + operator + "'"
        + (values == null ? "" : ", AttributeValueList: [" + values + "]") + "}}}").filter();
    for (Map.Entry<String, Map<String, Value>> entry : items.entrySet()) {
      assertThat(filter.test(entry.getValue())).as(entry.getKey()).isEqualTo(java.util.List.of(matching.split(",")).contains(entry.getKey()));
    }
  }

  @Test
  void combinesFilterConditionsWithAndUnlessOr() {
    String filter = "{a: {ComparisonOperator: 'EQ', AttributeValueList: [{N: '1'}]}, b: {ComparisonOperator: 'NOT_NULL'}}";
    Map<String, Value> onlyA = item("{a: {N: '1'}}");
    assertThat(compile(Context.SCAN, "{ScanFilter: " + filter + "}").filter().test(onlyA)).isFalse();
    assertThat(compile(Context.SCAN, "{ScanFilter: " + filter + ", ConditionalOperator: 'OR'}").filter().test(onlyA)).isTrue();
    assertThat(compile(Context.QUERY, "{QueryFilter: " + filter + ", ConditionalOperator: 'OR', KeyConditions: {k: {ComparisonOperator: 'EQ', "
        + "AttributeValueList: [{S: 'k'}]}}}").filter().topLevelNames()).containsExactly("a", "b");
  }

  // ---- AttributeUpdates

  @Test
  void refusesAnAttributeUpdateWithoutAValueUnlessItDeletes() {
    assertRejected(Context.UPDATE_ITEM, "{AttributeUpdates: {a: {x: 'whatever'}}}", INVALID + "Only DELETE action is allowed when no attribute value is specified");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{S: '1'}", "{N: '1'}", "{B: 'Yg=='}", "{NULL: true}", "{BOOL: true}", "{M: {}}", "{L: []}"})
  void refusesDeletingWithAValueThatIsNotASet(String value) {
    assertRejected(Context.UPDATE_ITEM, "{AttributeUpdates: {a: {Action: 'DELETE', Value: " + value + "}}}",
        INVALID + "DELETE action with value is not supported for the type " + Requests.json(value).propertyNames().iterator().next());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{S: '1'}", "{B: 'Yg=='}", "{NULL: true}", "{BOOL: true}", "{M: {}}"})
  void refusesAddingValuesThatAreNotNumbersSetsOrLists(String value) {
    assertRejected(Context.UPDATE_ITEM, "{AttributeUpdates: {a: {Action: 'ADD', Value: " + value + "}}}",
        INVALID + "ADD action is not supported for the type " + Requests.json(value).propertyNames().iterator().next());
  }

  @Test
  void appliesPutAddAndDelete() {
    Update update = update("{AttributeUpdates: {b: {Action: 'DELETE'}, c: {Action: 'DELETE', Value: {SS: ['a', 'b']}}, "
        + "d: {Action: 'ADD', Value: {N: '5'}}, e: {Action: 'ADD', Value: {SS: ['a', 'b']}}, f: {Action: 'ADD', Value: {L: [{S: 'a'}, {N: '1'}]}}, "
        + "g: {Value: {S: 'put'}}, n: {Action: 'ADD', Value: {N: '3'}}, l: {Action: 'ADD', Value: {L: [{S: 'b'}]}}, s: {Action: 'DELETE', Value: {NS: ['1', '4']}}}}");
    Map<String, Value> updated = update.apply(item("{k: {S: 'k'}, b: {S: 'x'}, n: {N: '1'}, l: {L: [{S: 'a'}]}, s: {NS: ['1', '2', '3']}}"));
    assertThat(updated).isEqualTo(item("{k: {S: 'k'}, n: {N: '4'}, l: {L: [{S: 'a'}, {S: 'b'}]}, s: {NS: ['2', '3']}, "
        + "d: {N: '5'}, e: {SS: ['a', 'b']}, f: {L: [{S: 'a'}, {N: '1'}]}, g: {S: 'put'}}"));
    assertThat(update.updatedAttributes(updated).keySet()).containsExactlyInAnyOrder("n", "l", "s", "d", "e", "f", "g");
    assertThat(update.topLevelNames()).containsExactly("b", "c", "d", "e", "f", "g", "n", "l", "s");
    assertThat(update.topLevelTypes()).containsEntry("d", Type.N).containsEntry("g", Type.S).doesNotContainKey("b");
    assertThat(update.onlyRemovesOrDeletes()).isFalse();
  }

  @Test
  void removesASetEmptiedByDelete() {
    assertThat(update("{AttributeUpdates: {s: {Action: 'DELETE', Value: {NS: ['2', '3']}}}}").apply(item("{s: {NS: ['2', '3']}}"))).isEmpty();
    assertThat(update("{AttributeUpdates: {s: {Action: 'DELETE'}}}").onlyRemovesOrDeletes()).isTrue();
    assertThat(update("{AttributeUpdates: {}}").onlyRemovesOrDeletes()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{b: {Action: 'DELETE', Value: {NS: ['1']}}}", "{b: {Action: 'DELETE', Value: {BS: ['YQ==']}}}", "{c: {Action: 'DELETE', Value: {NS: ['1']}}}",
      "{b: {Action: 'ADD', Value: {NS: ['1']}}}", "{d: {Action: 'ADD', Value: {N: '1'}}}"})
  void refusesAddingOrDeletingAcrossTypes(String updates) {
    Map<String, Value> stored = item("{b: {SS: ['1']}, c: {N: '1'}, d: {NS: ['1']}}");
    assertValidation(() -> update("{AttributeUpdates: " + updates + "}").apply(stored)).hasMessage("Type mismatch for attribute to update");
  }
}
