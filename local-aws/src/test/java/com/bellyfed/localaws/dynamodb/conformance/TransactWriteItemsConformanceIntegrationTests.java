package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.awsMessage;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * TransactWriteItems: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html. The
 * cancellation message and the one-item rule are quoted as AWS sends them.
 */
@ConformanceTest
class TransactWriteItemsConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("transactwrite", false);
  }

  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.put("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return item;
  }

  private static Map<String, AttributeValue> read(DynamoDbClient dynamoDb, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).item();
  }

  private static boolean exists(DynamoDbClient dynamoDb, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true)).hasItem();
  }

  private static TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
  }

  private static TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build())
        .build();
  }

  private static TransactWriteItem increment(AttributeValue pk) {
    return TransactWriteItem.builder().update(Update.builder()
            .tableName(table).key(item("pk", pk)).updateExpression("ADD tally :one")
            .expressionAttributeValues(Map.of(":one", n("1"))).build())
        .build();
  }

  private static TransactWriteItem delete(AttributeValue pk) {
    return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(item("pk", pk)).build()).build();
  }

  private static TransactWriteItem check(AttributeValue pk, String condition) {
    return TransactWriteItem.builder()
        .conditionCheck(ConditionCheck.builder().tableName(table).key(item("pk", pk)).conditionExpression(condition).build())
        .build();
  }

  private static List<CancellationReason> cancellationReasons(Throwable thrown) {
    return ((TransactionCanceledException) thrown).cancellationReasons();
  }

  // "TransactWriteItems is a synchronous write operation that groups up to 100 action requests ...
  // Put, Update, Delete, ConditionCheck."
  @Test
  void appliesPutUpdateDeleteAndConditionCheckTogether(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> toUpdate = given(dynamoDb, "tally", n("1"));
    Map<String, AttributeValue> toDelete = given(dynamoDb);
    Map<String, AttributeValue> toCheck = given(dynamoDb, "state", s("ready"));
    Map<String, AttributeValue> toPut = item("pk", s(unique()), "v", s("new"));

    dynamoDb.transactWriteItems(request -> request.transactItems(
        put(toPut),
        increment(toUpdate.get("pk")),
        delete(toDelete.get("pk")),
        check(toCheck.get("pk"), "attribute_exists(pk)")));

    assertThat(read(dynamoDb, item("pk", toPut.get("pk")))).isEqualTo(toPut);
    assertThat(read(dynamoDb, item("pk", toUpdate.get("pk")))).containsEntry("tally", n("2"));
    assertThat(exists(dynamoDb, item("pk", toDelete.get("pk")))).isFalse();
    assertThat(read(dynamoDb, item("pk", toCheck.get("pk")))).isEqualTo(toCheck);
  }

  // "Update - Initiates an UpdateItem operation to update an existing item ... or adds a new item".
  @Test
  void anUpdateCreatesAMissingItem(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());

    dynamoDb.transactWriteItems(request -> request.transactItems(increment(pk)));

    assertThat(read(dynamoDb, item("pk", pk))).isEqualTo(item("pk", pk, "tally", n("1")));
  }

  // "The actions are completed atomically so that either all of them succeed, or all of them fail."
  // TransactionCanceledException: "CancellationReasons ... ordered according to the ordering of the
  // TransactWriteItems request parameter", with code None where no error occurred.
  @Test
  void aFailedConditionCancelsEveryAction(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> toUpdate = given(dynamoDb, "tally", n("1"));
    Map<String, AttributeValue> toDelete = given(dynamoDb);
    Map<String, AttributeValue> toPut = item("pk", s(unique()));

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(
            put(toPut),
            increment(toUpdate.get("pk")),
            check(s(unique()), "attribute_exists(pk)"),
            delete(toDelete.get("pk")))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> {
          assertThat(awsMessage(thrown)).isEqualTo(
              "Transaction cancelled, please refer cancellation reasons for specific reasons"
                  + " [None, None, ConditionalCheckFailed, None]");
          assertThat(cancellationReasons(thrown)).extracting(CancellationReason::code)
              .containsExactly("None", "None", "ConditionalCheckFailed", "None");
          assertThat(cancellationReasons(thrown).get(2).message()).isEqualTo("The conditional request failed");
        });

    assertThat(exists(dynamoDb, item("pk", toPut.get("pk")))).isFalse();
    assertThat(read(dynamoDb, item("pk", toUpdate.get("pk")))).containsEntry("tally", n("1"));
    assertThat(exists(dynamoDb, item("pk", toDelete.get("pk")))).isTrue();
  }

  // Every failed condition is reported, not only the first.
  @Test
  void reportsEveryFailedCondition(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> existing = given(dynamoDb);

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(
            put(item("pk", s(unique()))),
            putIfAbsent(existing),
            check(s(unique()), "attribute_exists(pk)"))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> assertThat(cancellationReasons(thrown)).extracting(CancellationReason::code)
            .containsExactly("None", "ConditionalCheckFailed", "ConditionalCheckFailed"));
  }

  // API_Put/Update/Delete/ConditionCheck: "ReturnValuesOnConditionCheckFailure ... ALL_OLD" returns the
  // item in the cancellation reason of the failed action.
  @Test
  void returnsTheItemOfAFailedConditionWithAllOld(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> existing = given(dynamoDb, "state", s("closed"));

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(
            put(item("pk", s(unique()))),
            TransactWriteItem.builder().conditionCheck(ConditionCheck.builder()
                    .tableName(table).key(item("pk", existing.get("pk")))
                    .conditionExpression("#s = :open").expressionAttributeNames(Map.of("#s", "state"))
                    .expressionAttributeValues(Map.of(":open", s("open")))
                    .returnValuesOnConditionCheckFailure("ALL_OLD").build())
                .build())))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> {
          List<CancellationReason> reasons = cancellationReasons(thrown);
          assertThat(reasons.get(0).hasItem()).isFalse();
          assertThat(reasons.get(1).code()).isEqualTo("ConditionalCheckFailed");
          assertThat(reasons.get(1).item()).isEqualTo(existing);
        });
  }

  @Test
  void returnsNoItemOfAFailedConditionByDefault(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> existing = given(dynamoDb);

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(putIfAbsent(existing))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> assertThat(cancellationReasons(thrown).get(0).hasItem()).isFalse());
  }

  // TransactionCanceledException: "There is a user error, such as an invalid data format" - a key of
  // the wrong type is reported as that action's ValidationError, a Put's worded as PutItem words it
  // (paritysuite/dynamodb-conformance tests/tier3/error-messages/transactWriteItems.test.ts, captured
  // from AWS 2026).
  @Test
  void reportsAnInvalidActionAsAValidationError(DynamoDbClient dynamoDb) {
    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(put(item("pk", n("7"))))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> {
          assertThat(awsMessage(thrown)).isEqualTo(
              "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]");
          assertThat(cancellationReasons(thrown)).extracting(CancellationReason::code).containsExactly("ValidationError");
          assertThat(cancellationReasons(thrown).get(0).message())
              .isEqualTo("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        });
  }

  // The Key of an Update, Delete or ConditionCheck that does not fit the schema cancels with the key
  // sentence; every other action's reason is None (same source, four regions, 2026).
  @Test
  void reportsAKeyOfTheWrongTypeAsAValidationErrorOfItsAction(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(
            increment(pk), delete(n("5")), check(AttributeValue.fromL(List.of(s("x"))), "attribute_not_exists(pk)"))))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> {
          assertThat(awsMessage(thrown)).isEqualTo("Transaction cancelled, please refer cancellation reasons for specific "
              + "reasons [None, ValidationError, ValidationError]");
          assertThat(cancellationReasons(thrown)).extracting(CancellationReason::message).containsExactly(
              null, "The provided key element does not match the schema", "The provided key element does not match the schema");
        });
    assertThat(exists(dynamoDb, item("pk", pk))).isFalse();
  }

  // An empty key value refuses the whole request up front instead (same source).
  @Test
  void refusesAnEmptyKeyValueBeforeTheTransaction(DynamoDbClient dynamoDb) {
    String message = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
        + " an empty string value. Key: pk";
    assertValidation(() -> dynamoDb.transactWriteItems(request -> request.transactItems(put(item("pk", s(""))))), message);
    assertValidation(() -> dynamoDb.transactWriteItems(request -> request.transactItems(increment(s("")))), message);
    assertValidation(() -> dynamoDb.transactWriteItems(request -> request.transactItems(delete(s("")))), message);
  }

  // A malformed or unused expression refuses the request before any table is looked up, whichever
  // action carries it (paritysuite/dynamodb-conformance tests/tier3/validation-ordering/transactions.test.ts,
  // us-east-1 and eu-west-2, 2026).
  @Test
  void refusesAMalformedConditionOfALaterActionBeforeAMissingTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("missing");
    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName(missing).item(item("pk", s("a"))).build()).build(),
            check(s(unique()), "attribute_not_exists("))),
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
  }

  // The same observation: an action's item is checked, then its expressions, before the next action's.
  @Test
  void refusesAMalformedConditionOfTheFirstActionBeforeATooDeepItemOfTheSecond(DynamoDbClient dynamoDb) {
    AttributeValue deep = s("leaf");
    for (int i = 0; i < 32; i++) {
      deep = AttributeValue.fromM(Map.of("n", deep));
    }
    Map<String, AttributeValue> tooDeep = item("pk", s(unique()), "data", deep);
    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(check(s(unique()), "attribute_not_exists("), put(tooDeep))),
        "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(put(tooDeep), check(s(unique()), "attribute_not_exists("))),
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
  }

  // An Update that would nest the item past 32 levels cancels with a ValidationError reason, while the
  // value itself is accepted (paritysuite/dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts,
  // 30 of 33 regions, 2026).
  @Test
  void cancelsAnUpdateThatNestsTheItemTooDeep(DynamoDbClient dynamoDb) {
    AttributeValue deep = s("leaf");
    for (int i = 0; i < 32; i++) {
      deep = AttributeValue.fromM(Map.of("n", deep));
    }
    AttributeValue value = deep;
    AttributeValue pk = s(unique());
    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder()
            .update(Update.builder().tableName(table).key(item("pk", pk)).updateExpression("SET deep = :deep")
                .expressionAttributeValues(Map.of(":deep", value)).build())
            .build())))
        .isInstanceOf(TransactionCanceledException.class)
        .satisfies(thrown -> assertThat(cancellationReasons(thrown)).extracting(CancellationReason::message).containsExactly(
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"));
    assertThat(exists(dynamoDb, item("pk", pk))).isFalse();
  }

  // "... no two actions can target the same item. For example, you cannot both ConditionCheck and
  // Update the same item."
  @Test
  void refusesTwoActionsOnOneItem(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());

    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(increment(pk), check(pk, "attribute_exists(pk)"))),
        "Transaction request cannot include multiple operations on one item");
  }

  // "TransactItems ... Array Members: Minimum number of 1 item. Maximum number of 100 items."
  @Test
  void accepts100Actions(DynamoDbClient dynamoDb) {
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      actions.add(put(item("pk", s(unique()))));
    }

    dynamoDb.transactWriteItems(request -> request.transactItems(actions));

    assertThat(exists(dynamoDb, item("pk", actions.get(99).put().item().get("pk")))).isTrue();
  }

  @Test
  void refusesMoreThan100Actions(DynamoDbClient dynamoDb) {
    List<TransactWriteItem> actions = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      actions.add(put(item("pk", s(unique()))));
    }

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(actions)))
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
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(List.of())),
        "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have"
            + " length greater than or equal to 1");
  }

  // ConditionCheck: "ConditionExpression ... Required: Yes".
  @Test
  void refusesAConditionCheckWithoutACondition(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder()
            .conditionCheck(ConditionCheck.builder().tableName(table).key(item("pk", s(unique()))).build())
            .build())),
        "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed"
            + " to satisfy constraint: Member must not be null");
  }

  // "ClientRequestToken ... If the original TransactWriteItems call was successful, the subsequent
  // TransactWriteItems calls with the same client token return successfully without making any changes."
  @Test
  void repeatingARequestWithTheSameTokenAppliesItOnce(DynamoDbClient dynamoDb) {
    AttributeValue pk = s(unique());
    String token = unique();

    dynamoDb.transactWriteItems(request -> request.clientRequestToken(token).transactItems(increment(pk)));
    dynamoDb.transactWriteItems(request -> request.clientRequestToken(token).transactItems(increment(pk)));

    assertThat(read(dynamoDb, item("pk", pk))).containsEntry("tally", n("1"));
  }

  // "If you submit a request with the same client token but a change in other parameters within the
  // 10-minute idempotency window, DynamoDB returns an IdempotentParameterMismatch exception."
  @Test
  void refusesTheSameTokenForAnotherRequest(DynamoDbClient dynamoDb) {
    String token = unique();
    dynamoDb.transactWriteItems(request -> request.clientRequestToken(token).transactItems(increment(s(unique()))));

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request
            .clientRequestToken(token).transactItems(increment(s(unique())))))
        .isInstanceOf(IdempotentParameterMismatchException.class);
  }

  // "ClientRequestToken ... Length Constraints: Minimum length of 1. Maximum length of 36."
  @Test
  void refusesATokenLongerThan36Characters(DynamoDbClient dynamoDb) {
    String token = "t".repeat(37);

    assertValidation(
        () -> dynamoDb.transactWriteItems(request -> request.clientRequestToken(token).transactItems(increment(s(unique())))),
        "1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy constraint:"
            + " Member must have length less than or equal to 36");
  }

  // Errors: "ResourceNotFoundException - The operation tried to access a nonexistent table or index."
  @Test
  void refusesAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String missing = tables.name("missing");

    assertThatThrownBy(() -> dynamoDb.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder()
            .put(Put.builder().tableName(missing).item(item("pk", s("a"))).build()).build())))
        .isInstanceOf(ResourceNotFoundException.class)
        .satisfies(thrown -> assertThat(awsMessage(thrown)).isEqualTo("Requested resource not found"));
  }
}
