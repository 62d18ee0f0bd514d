package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.filter;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.item;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.model.Value;
import tools.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How conditions evaluate against items
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes).
 */
class ConditionEvaluationTests {

  private static final Map<String, Value> ITEM = item("{"
      + "n: {N: '10'}, s: {S: 'banana'}, b: {B: 'AQID'}, flag: {BOOL: true}, nothing: {NULL: true},"
      + "tags: {SS: ['red', 'green']}, nums: {NS: ['1', '5']}, bins: {BS: ['AQ==', 'Ag==']},"
      + "letters: {L: [{S: 'a'}, {S: 'b'}, {N: '3'}]},"
      + "info: {M: {nested: {M: {deep: {S: 'x'}}}, arr: {L: [{M: {v: {N: '1'}}}, {M: {v: {N: '2'}}}]}}},"
      + "'dotted.name': {S: 'yes'}, emoji: {S: '\uD83D\uDE00'}, accent: {S: '\u00e9\uD834\uDD1E'}}");

  private static final String VALUES = "{':nine': {N: '9'}, ':ten': {N: '10.0'}, ':hundred': {N: '100'}, ':apple': {S: 'apple'},"
      + "':banana': {S: 'banana'}, ':ban': {S: 'ban'}, ':nan': {S: 'nan'}, ':red': {S: 'red'}, ':blue': {S: 'blue'}, ':five': {N: '5'},"
      + "':three': {N: '3'}, ':two': {N: '2'}, ':six': {N: '6'}, ':x': {S: 'x'}, ':a': {S: 'a'}, ':b12': {B: 'AQI='}, ':b23': {B: 'AgM='},"
      + "':b4': {B: 'BA=='}, ':true': {BOOL: true}, ':one': {N: '1'}, ':ss': {S: 'SS'}, ':null': {S: 'NULL'}, ':s': {S: 'S'},"
      + "':bmp': {S: '\uFFFD'}, ':tags': {SS: ['green', 'red']}, ':b1': {B: 'AQ=='}, ':yes': {S: 'yes'}, ':list': {L: [{S: 'a'}, {S: 'b'}, {N: '3'}]}}";

  /** Only the placeholders the expression uses: AWS refuses unused ones. */
  private static boolean holds(String expression) {
    ObjectNode values = (ObjectNode) json(VALUES);
    values.retain(java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(values.propertyNames().iterator(), 0), false)
        .filter(name -> java.util.regex.Pattern.compile(name + "(?![A-Za-z0-9_])").matcher(expression).find()).toList());
    return filter(expression, values.isEmpty() ? "" : values.toString()).test(ITEM);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "n > :nine | true", "n < :hundred | true", "n = :ten | true", "n >= :ten AND n <= :ten | true", "n < :nine | false",
      "s > :apple | true", "s = :banana | true", "s < :apple | false", "b > :b12 | true", "b < :b23 | true", "b > :b4 | false"})
  void comparesNumbersByValueStringsAndBinariesByBytes(String expression, boolean expected) {
    assertThat(holds(expression)).isEqualTo(expected);
  }

  @Test
  void comparesStringsByUtf8BytesNotUtf16Units() {
    // U+1F600 is a surrogate pair in UTF-16, below U+FFFD there, but above it in UTF-8.
    assertThat(holds("emoji > :bmp")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "s > :nine | false", "s <> :nine | true", "s = :nine | false", "flag < :one | false", "flag = :true | true",
      "tags = :tags | true", "letters = :list | true", "letters > :one | false"})
  void neverOrdersValuesOfDifferentTypesOrOfTypesWithoutOrder(String expression, boolean expected) {
    assertThat(holds(expression)).isEqualTo(expected);
  }

  @Test
  void treatsAMissingAttributeAsUnequalAndUnordered() {
    assertThat(holds("absent <> :one")).isTrue();
    assertThat(holds("absent = :one")).isFalse();
    assertThat(holds("absent < :one")).isFalse();
    assertThat(holds("absent >= :one")).isFalse();
    assertThat(holds("absent BETWEEN :one AND :two")).isFalse();
    assertThat(holds("absent IN (:one, :two)")).isFalse();
  }

  @Test
  void evaluatesBetweenInclusivelyAndInAsAnyEqual() {
    assertThat(holds("n BETWEEN :nine AND :ten")).isTrue();
    assertThat(holds("n BETWEEN :ten AND :hundred")).isTrue();
    assertThat(holds("n BETWEEN :nine AND :nine")).isFalse();
    assertThat(holds("s IN (:apple, :banana)")).isTrue();
    assertThat(holds("s IN (:apple)")).isFalse();
    assertThat(holds("n IN (:ten)")).isTrue();
  }

  @Test
  void appliesNotBeforeAndBeforeOr() {
    assertThat(holds("n = :ten OR n = :ten AND n = :nine")).isTrue();
    assertThat(holds("(n = :ten OR n = :ten) AND n = :nine")).isFalse();
    assertThat(holds("NOT n = :nine AND n = :ten")).isTrue();
    assertThat(holds("not (n = :ten)")).isFalse();
    assertThat(holds("NOT NOT n = :ten")).isTrue();
  }

  @Test
  void checksExistenceAndType() {
    assertThat(holds("attribute_exists(n) AND attribute_not_exists(absent)")).isTrue();
    assertThat(holds("attribute_exists(nothing)")).isTrue();
    assertThat(holds("attribute_type(tags, :ss) AND attribute_type(nothing, :null)")).isTrue();
    assertThat(holds("attribute_type(n, :s)")).isFalse();
    assertThat(holds("attribute_type(absent, :s)")).isFalse();
  }

  @Test
  void matchesPrefixesOfStringsAndBinaries() {
    assertThat(holds("begins_with(s, :ban)")).isTrue();
    assertThat(holds("begins_with(s, :nan)")).isFalse();
    assertThat(holds("begins_with(b, :b12)")).isTrue();
    assertThat(holds("begins_with(b, :b23)")).isFalse();
    assertThat(holds("begins_with(n, :ban)")).isFalse();
  }

  @Test
  void findsSubstringsSetElementsAndListElements() {
    assertThat(holds("contains(s, :nan)")).isTrue();
    assertThat(holds("contains(tags, :red)")).isTrue();
    assertThat(holds("contains(tags, :blue)")).isFalse();
    assertThat(holds("contains(nums, :five)")).isTrue();
    assertThat(holds("contains(nums, :red)")).isFalse();
    assertThat(holds("contains(bins, :b1)")).isTrue();
    assertThat(holds("contains(letters, :three)")).isTrue();
    assertThat(holds("contains(letters, :a)")).isTrue();
    assertThat(holds("contains(b, :b23)")).isTrue();
    assertThat(holds("contains(absent, :a)")).isFalse();
  }

  @Test
  void measuresStringsInUtf16UnitsAndEverythingElseByElements() {
    assertThat(holds("size(s) = :six")).isTrue();
    assertThat(holds("size(accent) = :three")).isTrue();
    assertThat(holds("size(b) = :three")).isTrue();
    assertThat(holds("size(tags) = :two AND size(letters) = :three AND size(info) = :two AND size(nums) = :two")).isTrue();
    assertThat(holds("size(n) = :two OR size(flag) = :one OR size(absent) = :one")).isFalse();
  }

  @Test
  void followsNestedDocumentPaths() {
    assertThat(holds("info.nested.deep = :x")).isTrue();
    assertThat(holds("info.arr[1].v = :two")).isTrue();
    assertThat(holds("letters[0] = :a")).isTrue();
    assertThat(holds("attribute_not_exists(letters[9])")).isTrue();
    assertThat(holds("attribute_not_exists(s.x) AND attribute_not_exists(letters.a) AND attribute_not_exists(info[0])")).isTrue();
    assertThat(holds("(info.nested).deep = :x")).isTrue();
  }

  @Test
  void treatsADottedNameBehindAPlaceholderAsOneAttribute() {
    assertThat(Requests.compile(RequestExpressions.Context.SCAN,
        "{FilterExpression: '#d = :yes', ExpressionAttributeNames: {'#d': 'dotted.name'}, ExpressionAttributeValues: {':yes': {S: 'yes'}}}")
        .filter().test(ITEM)).isTrue();
  }

  @Test
  void evaluatesAgainstNoItemAsAgainstAnEmptyOne() {
    Condition condition = Requests.condition("{ConditionExpression: 'attribute_not_exists(pk) AND NOT pk = :v', ExpressionAttributeValues: {':v': {S: 'x'}}}");
    assertThat(condition.test(null)).isTrue();
  }

  @Test
  void reportsTheAttributesItReads() {
    Condition condition = filter("a.b = :one AND c = :one AND size(d[0]) > :one", "{':one': {N: '1'}}");
    assertThat(condition.topLevelNames()).containsExactly("a", "c", "d");
    assertThat(condition.nestedNames()).containsExactly("a", "d");
  }

  /**
   * contains() on the largest strings and binaries an item holds, with a part that almost matches at
   * every position: linear time, where trying each start in turn takes seconds per item.
   */
  @Test
  @org.junit.jupiter.api.Timeout(5)
  void findsSubstringsOfHugeValuesInLinearTime() {
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    String part = "a".repeat(195_000);
    byte[] almost = new byte[195_001];
    almost[195_000] = 1;
    Map<String, Value> huge = item("{s: {S: '" + "a".repeat(390_000) + "'}, b: {B: '" + base64.encodeToString(new byte[390_000]) + "'}}");

    assertThat(filter("contains(s, :v)", "{':v': {S: '" + part + "b'}}").test(huge)).isFalse();
    assertThat(filter("contains(s, :v)", "{':v': {S: '" + part + "'}}").test(huge)).isTrue();
    assertThat(filter("contains(b, :v)", "{':v': {B: '" + base64.encodeToString(almost) + "'}}").test(huge)).isFalse();
    assertThat(filter("contains(b, :v)", "{':v': {B: '" + base64.encodeToString(new byte[195_000]) + "'}}").test(huge)).isTrue();
  }
}
