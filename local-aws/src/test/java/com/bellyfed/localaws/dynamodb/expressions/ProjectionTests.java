package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.item;
import static com.bellyfed.localaws.dynamodb.expressions.Requests.projection;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ProjectionExpression and AttributesToGet: which paths they accept and the shape of what they return
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributesToGet.html).
 */
class ProjectionTests {

  private static final Map<String, Value> ITEM = item("{pk: {S: 'p'}, a: {M: {b: {N: '1'}, c: {N: '2'}}}, "
      + "letters: {L: [{S: 'x'}, {S: 'y'}, {S: 'z'}]}, alt: {S: 'o'}, "
      + "deep: {L: [{M: {v: {N: '1'}, w: {N: '2'}}}, {M: {v: {N: '3'}}}]}, 'Safety.Warning': {S: 'helmet'}}");

  @Test
  void projectsNestedPathsAsNestedMapsAndListsInListOrder() {
    Projection projection = projection("{ProjectionExpression: 'a.c, letters[2], letters[0], #o', ExpressionAttributeNames: {'#o': 'alt'}}");
    assertThat(projection.project(ITEM)).isEqualTo(item("{a: {M: {c: {N: '2'}}}, letters: {L: [{S: 'x'}, {S: 'z'}]}, alt: {S: 'o'}}"));
    assertThat(projection.topLevelNames()).containsExactly("a", "letters", "alt");
    assertThat(projection.nestedNames()).containsExactly("a", "letters");
  }

  @Test
  void mergesPathsThroughTheSameListElement() {
    assertThat(projection("{ProjectionExpression: 'deep[0].w, deep[1].v, deep[0].v'}").project(ITEM))
        .isEqualTo(item("{deep: {L: [{M: {w: {N: '2'}, v: {N: '1'}}}, {M: {v: {N: '3'}}}]}}"));
  }

  @Test
  void leavesOutPathsThatFindNothing() {
    assertThat(projection("{ProjectionExpression: 'absent, a.absent, letters[7], alt.x, deep.x, Safety.Warning'}").project(ITEM)).isEmpty();
  }

  @Test
  void readsADottedNameOnlyThroughAPlaceholder() {
    assertThat(projection("{ProjectionExpression: '#sw', ExpressionAttributeNames: {'#sw': 'Safety.Warning'}}").project(ITEM))
        .isEqualTo(item("{'Safety.Warning': {S: 'helmet'}}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.abORt", "#a,ABSoLUTE"})
  void refusesReservedWords(String expression) {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: '" + expression + "', ExpressionAttributeNames: {'#a': 'a'}}",
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: " + expression.replaceAll(".*[.,]", ""));
  }

  @Test
  void refusesUndefinedNames() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'a,b,a,#a'}",
        "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #a");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"b[1], b.a, #a.b, a | [a, b] | [a]", "a, #a[1] | [a] | [a, [1]]", "a, b, a | [a] | [a]"})
  void refusesOverlappingPathsBeforeConflictingOnes(String expression, String one, String two) {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: '" + expression + "', ExpressionAttributeNames: {'#a': 'a'}}",
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; "
            + "path one: " + one + ", path two: " + two);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a.b, #a[1], #b | [a, b] | [a, [1]]", "a.b[1], #a[1], #b | [a, b, [1]] | [a, [1]]", "a[3].b, #a.#b.b | [a, [3], b] | [a, [3], b]"})
  void refusesConflictingPaths(String expression, String one, String two) {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: '" + expression + "', ExpressionAttributeNames: {'#a': 'a', '#b': '[3]'}}",
        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; "
            + "path one: " + one + ", path two: " + two);
  }

  @Test
  void refusesPathsNestedDeeperThan32Levels() {
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'a" + ".b".repeat(32) + "'}",
        "Invalid ProjectionExpression: The document path has too many nesting levels; nesting levels: 33");
  }

  @Test
  void projectsAttributesToGetAsTopLevelNames() {
    Projection projection = projection("{AttributesToGet: ['alt', 'Safety.Warning', 'absent']}");
    assertThat(projection.project(ITEM)).isEqualTo(item("{alt: {S: 'o'}, 'Safety.Warning': {S: 'helmet'}}"));
  }

  @Test
  void refusesDuplicateAttributesToGet() {
    assertRejected(Context.GET_ITEM, "{AttributesToGet: ['a', 'b', 'a']}",
        "One or more parameter values were invalid: Duplicate value in attribute name: a");
  }
}
