package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * ProjectionExpression on GetItem:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html. Error texts are
 * AWS's as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class ProjectionExpressionConformanceIntegrationTests {

  private static String table;
  private static Map<String, AttributeValue> key;

  @BeforeAll
  static void createFixture(Tables tables, DynamoDbClient dynamoDb) {
    table = tables.create("projection", false);
    key = item("pk", s(unique()));
    Map<String, AttributeValue> item = item(
        "a", s("A"),
        "b", n("2"),
        "c", s("C"),
        "doc", m("x", s("X"), "y", m("z", s("Z"), "w", s("W")), "seq", l(s("l0"), s("l1"), s("l2"))),
        "l", l(s("first"), m("deep", s("I"), "other", s("O")), s("third")),
        "name", s("reserved"));
    item.putAll(key);
    dynamoDb.putItem(request -> request.tableName(table).item(item));
  }

  private static GetItemResponse get(DynamoDbClient dynamoDb, String projection, Map<String, String> names) {
    return dynamoDb.getItem(request -> {
      request.tableName(table).key(key).consistentRead(true).projectionExpression(projection);
      if (!names.isEmpty()) {
        request.expressionAttributeNames(names);
      }
    });
  }

  // "To read data from a table ... a projection expression is a string that identifies the
  // attributes that you want."
  @Test
  void returnsOnlyTheProjectedTopLevelAttributes(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "a, c", Map.of()).item()).isEqualTo(item("a", s("A"), "c", s("C")));
  }

  // Key attributes are returned only when projected.
  @Test
  void leavesOutTheKeyUnlessProjected(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "b", Map.of()).item()).isEqualTo(item("b", n("2")));
    assertThat(get(dynamoDb, "pk, b", Map.of()).item()).isEqualTo(item("pk", key.get("pk"), "b", n("2")));
  }

  // "Accessing map elements": nested keys come back inside their enclosing map.
  @Test
  void projectsNestedMapKeys(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "doc.x, doc.y.z", Map.of()).item())
        .isEqualTo(item("doc", m("x", s("X"), "y", m("z", s("Z")))));
  }

  // "Accessing list elements": the elements come back as a list, in list order.
  @Test
  void projectsListElementsInListOrder(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "doc.seq[2], doc.seq[0]", Map.of()).item())
        .isEqualTo(item("doc", m("seq", l(s("l0"), s("l2")))));
  }

  @Test
  void projectsAMapInsideAList(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "l[1].deep", Map.of()).item()).isEqualTo(item("l", l(m("deep", s("I")))));
  }

  // "If any of the attributes ... do not exist, they are not returned."
  @Test
  void leavesOutMissingAttributes(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "a, absent, doc.absent, l[9]", Map.of()).item()).isEqualTo(item("a", s("A")));
  }

  // A projection of attributes the item lacks altogether returns an empty Item, not none.
  @Test
  void returnsAnEmptyItemWhenNothingProjectedExists(DynamoDbClient dynamoDb) {
    GetItemResponse response = get(dynamoDb, "absent", Map.of());

    assertThat(response.hasItem()).isTrue();
    assertThat(response.item()).isEmpty();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html
  @Test
  void projectsThroughExpressionAttributeNames(DynamoDbClient dynamoDb) {
    assertThat(get(dynamoDb, "#n, #d.#x", Map.of("#n", "name", "#d", "doc", "#x", "x")).item())
        .isEqualTo(item("name", s("reserved"), "doc", m("x", s("X"))));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ReservedWords.html
  // "name" is reserved; it needs an expression attribute name.
  @Test
  void rejectsAReservedWord(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> get(dynamoDb, "a, name", Map.of()),
        "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
  }

  @Test
  void rejectsOverlappingPaths(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> get(dynamoDb, "doc, doc.x", Map.of()),
        "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these"
            + " paths; path one: [doc], path two: [doc, x]");
  }

  @Test
  void rejectsConflictingPaths(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> get(dynamoDb, "doc.x, doc[1]", Map.of()),
        "Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these"
            + " paths; path one: [doc, x], path two: [doc, [1]]");
  }

  @Test
  void rejectsAnEmptyProjection(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> get(dynamoDb, "", Map.of()),
        "Invalid ProjectionExpression: The expression can not be empty;");
  }
}
