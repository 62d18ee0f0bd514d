package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.awsMessage;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * TransactGetItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-apis-txgetitems.
 */
@ConformanceTest
class TransactGetItemsConformanceIntegrationTests {

  private static String table;
  private static String rangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    table = tables.create("transactget", false);
    rangeTable = tables.create("transactget-range", true);
  }

  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, String tableName, Map<String, AttributeValue> item) {
    dynamoDb.putItem(request -> request.tableName(tableName).item(item));
    return item;
  }

  private static TransactGetItem get(String tableName, Map<String, AttributeValue> key) {
    return TransactGetItem.builder().get(Get.builder().tableName(tableName).key(key).build()).build();
  }

  // "Responses - An ordered array of up to 100 ItemResponse objects, each of which corresponds to the
  // TransactGetItem object in the same position in the TransactItems array."
  @Test
  void returnsTheItemsInRequestOrderAcrossTables(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> first = given(dynamoDb, table, item("pk", s(unique()), "v", n("1")));
    Map<String, AttributeValue> second = given(dynamoDb, rangeTable, item("pk", s(unique()), "sk", s("a"), "v", n("2")));
    Map<String, AttributeValue> third = given(dynamoDb, table, item("pk", s(unique()), "v", n("3")));

    List<ItemResponse> responses = dynamoDb.transactGetItems(request -> request.transactItems(
        get(table, item("pk", third.get("pk"))),
        get(rangeTable, item("pk", second.get("pk"), "sk", s("a"))),
        get(table, item("pk", first.get("pk"))))).responses();

    assertThat(responses).extracting(ItemResponse::item).containsExactly(third, second, first);
  }

  // "If a requested item could not be retrieved, the corresponding ItemResponse object is Null, or
  // if the requested item has no projected attributes, the corresponding ItemResponse object is an
  // empty Map."
  @Test
  void leavesTheItemOutOfTheResponseOfAMissingItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> present = given(dynamoDb, table, item("pk", s(unique())));

    List<ItemResponse> responses = dynamoDb.transactGetItems(request -> request.transactItems(
        get(table, item("pk", s(unique()))),
        get(table, item("pk", present.get("pk"))))).responses();

    assertThat(responses).hasSize(2);
    assertThat(responses.get(0).hasItem()).isFalse();
    assertThat(responses.get(1).item()).isEqualTo(present);
  }

  // Get: "ProjectionExpression - A string that identifies one or more attributes of the specified
  // item to retrieve from the table."
  @Test
  void appliesEachGetsProjection(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> first =
        given(dynamoDb, table, item("pk", s(unique()), "a", n("1"), "b", n("2"), "doc", m("x", s("X"), "y", s("Y"))));
    Map<String, AttributeValue> second = given(dynamoDb, table, item("pk", s(unique()), "a", n("3"), "b", n("4")));

    List<ItemResponse> responses = dynamoDb.transactGetItems(request -> request.transactItems(
        TransactGetItem.builder().get(Get.builder().tableName(table).key(item("pk", first.get("pk")))
            .projectionExpression("a, #d.x").expressionAttributeNames(Map.of("#d", "doc")).build()).build(),
        TransactGetItem.builder().get(Get.builder().tableName(table).key(item("pk", second.get("pk")))
            .projectionExpression("b").build()).build())).responses();

    assertThat(responses.get(0).item()).isEqualTo(item("a", n("1"), "doc", m("x", s("X"))));
    assertThat(responses.get(1).item()).isEqualTo(item("b", n("4")));
  }

  // The same placeholder rules as GetItem hold per action.
  @Test
  void refusesAnUnusedExpressionAttributeName(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.transactGetItems(request -> request.transactItems(TransactGetItem.builder()
            .get(Get.builder().tableName(table).key(item("pk", s(unique()))).projectionExpression("#a")
                .expressionAttributeNames(Map.of("#a", "a", "#unused", "b")).build())
            .build())),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
  }

  // Transactions target distinct items: two Gets of one item are refused like two writes
  // (nubo-db/dynamodb-conformance tests/tier2/transactions/transactGet.test.ts, verified against AWS 2026).
  @Test
  void refusesTwoGetsOfOneItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    assertValidation(
        () -> dynamoDb.transactGetItems(request -> request.transactItems(get(table, key), get(table, key))),
        "Transaction request cannot include multiple operations on one item");
  }

  // A Key that does not fit the schema cancels the transaction with a ValidationError reason
  // (paritysuite/dynamodb-conformance tests/tier3/error-messages/transactGetItems.test.ts and
  // nubo-db/dynamodb-conformance's, verified against AWS 2026).
  @Test
  void cancelsOnAKeyThatDoesNotFitTheSchema(DynamoDbClient dynamoDb) {
    assertThatThrownBy(() -> dynamoDb.transactGetItems(request -> request.transactItems(
            get(table, item("pk", s(unique()))), get(table, Map.of()))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> {
          assertThat(awsMessage(thrown)).isEqualTo(
              "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]");
          assertThat(((TransactionCanceledException) thrown).cancellationReasons())
              .extracting(CancellationReason::message)
              .containsExactly(null, "The provided key element does not match the schema");
        });
  }

  // An empty key value refuses the request instead (paritysuite, as above).
  @Test
  void refusesAnEmptyKeyValue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.transactGetItems(request -> request.transactItems(get(table, item("pk", s(""))))),
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty"
            + " string value. Key: pk");
  }

  // "TransactItems ... Array Members: Minimum number of 1 item. Maximum number of 100 items."
  @Test
  void reads100Items(DynamoDbClient dynamoDb) {
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      gets.add(get(table, item("pk", s(unique()))));
    }

    assertThat(dynamoDb.transactGetItems(request -> request.transactItems(gets)).responses()).hasSize(100);
  }

  @Test
  void refusesMoreThan100Gets(DynamoDbClient dynamoDb) {
    List<TransactGetItem> gets = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      gets.add(get(table, item("pk", s(unique()))));
    }

    assertThatThrownBy(() -> dynamoDb.transactGetItems(request -> request.transactItems(gets)))
        .isExactlyInstanceOf(DynamoDbException.class)
        .satisfies(thrown -> {
          assertThat(((AwsServiceException) thrown).awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(awsMessage(thrown))
              .startsWith("1 validation error detected: Value '")
              .endsWith("' at 'transactItems' failed to satisfy constraint: Member must have length less than or"
                  + " equal to 100");
        });
  }

  @Test
  void refusesAnEmptyTransaction(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.transactGetItems(request -> request.transactItems(List.of())),
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1");
  }

  // Errors: "ResourceNotFoundException - The operation tried to access a nonexistent table or index."
  @Test
  void refusesAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("missing");

    assertThatThrownBy(() -> dynamoDb.transactGetItems(request -> request.transactItems(get(missing, item("pk", s("a"))))))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(thrown -> assertThat(awsMessage(thrown)).isEqualTo("Requested resource not found"));
  }
}
