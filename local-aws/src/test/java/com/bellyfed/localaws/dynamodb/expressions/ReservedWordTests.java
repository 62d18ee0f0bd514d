package com.bellyfed.localaws.dynamodb.expressions;

import static com.bellyfed.localaws.dynamodb.expressions.Requests.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reserved words may not be bare attribute names in any expression; a placeholder stands in for them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html#Expressions.ExpressionAttributeNames.ReservedWords).
 */
class ReservedWordTests {

  @Test
  void knowsEveryWordOfAwsList() {
    assertThat(ReservedWords.count()).isEqualTo(573);
    assertThat(ReservedWords.isReserved("ABORT")).isTrue();
    assertThat(ReservedWords.isReserved("zone")).isTrue();
    assertThat(ReservedWords.isReserved("Flattern")).isTrue();
    assertThat(ReservedWords.isReserved("pk")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"status", "name", "data", "count", "items", "Comment", "TTL", "year"})
  void refusesCommonAttributeNamesThatAreReserved(String word) {
    assertRejected(Context.PUT_ITEM, "{ConditionExpression: 'attribute_exists(" + word + ")'}",
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  @Test
  void refusesReservedWordsInEveryKindOfExpression() {
    assertRejected(Context.UPDATE_ITEM, "{UpdateExpression: 'SET status = :s', ExpressionAttributeValues: {':s': {S: 'x'}}}",
        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
    assertRejected(Context.SCAN, "{FilterExpression: 'info.status = :s', ExpressionAttributeValues: {':s': {S: 'x'}}}",
        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status");
    assertRejected(Context.QUERY, "{KeyConditionExpression: 'date = :d', ExpressionAttributeValues: {':d': {S: 'x'}}}",
        "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: date");
    assertRejected(Context.GET_ITEM, "{ProjectionExpression: 'a, Comment'}",
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: Comment");
  }

  @Test
  void acceptsReservedWordsBehindPlaceholdersAndAsFunctionNames() {
    Requests.compile(Context.UPDATE_ITEM, "{UpdateExpression: 'SET #s = :s', ConditionExpression: 'size(#c) > :n', "
        + "ExpressionAttributeNames: {'#s': 'status', '#c': 'count'}, ExpressionAttributeValues: {':s': {S: 'x'}, ':n': {N: '1'}}}");
  }
}
