package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertTableNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ns;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ss;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem with UpdateExpression:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html. Error texts
 * are AWS's as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class UpdateExpressionConformanceIntegrationTests {

  private static String hashTable;
  private static String rangeTable;

  @BeforeAll
  static void createTables(Tables tables) {
    hashTable = tables.create("updateexpr", false);
    rangeTable = tables.create("updateexpr-range", true);
  }

  /** Puts {@code item} under a fresh key and returns that key. */
  private static Map<String, AttributeValue> given(DynamoDbClient dynamoDb, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.put("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(hashTable).item(item));
    return item("pk", item.get("pk"));
  }

  private static UpdateItemResponse update(
      DynamoDbClient dynamoDb, Map<String, AttributeValue> key, String expression, Object... valueNamesAndValues) {
    return dynamoDb.updateItem(request -> {
      request.tableName(hashTable).key(key).updateExpression(expression);
      if (valueNamesAndValues.length > 0) {
        request.expressionAttributeValues(item(valueNamesAndValues));
      }
    });
  }

  private static Map<String, AttributeValue> read(DynamoDbClient dynamoDb, Map<String, AttributeValue> key) {
    return dynamoDb.getItem(request -> request.tableName(hashTable).key(key).consistentRead(true)).item();
  }

  private static Map<String, AttributeValue> withKey(Map<String, AttributeValue> key, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.putAll(key);
    return item;
  }

  // --- SET

  // API_UpdateItem: "Edits an existing item's attributes, or adds a new item to the table if it
  // does not already exist."
  @Test
  void setCreatesAMissingItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    update(dynamoDb, key, "SET a = :a, b = :b", ":a", s("x"), ":b", n("1"));

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "a", s("x"), "b", n("1")));
  }

  @Test
  void setKeepsTheOtherAttributes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("keep"), "b", s("old"));

    update(dynamoDb, key, "SET b = :b", ":b", s("new"));

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "a", s("keep"), "b", s("new")));
  }

  // "Adding nested map attributes": SET on a path into an existing map adds or replaces that key.
  @Test
  void setsANestedMapKey(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "m", m("x", n("1"), "deep", m("y", n("2"))));

    update(dynamoDb, key, "SET m.z = :z, m.deep.y = :y", ":z", s("new"), ":y", n("3"));

    assertThat(read(dynamoDb, key).get("m"))
        .isEqualTo(m("x", n("1"), "deep", m("y", n("3")), "z", s("new")));
  }

  // "When you use SET to update a list element, the contents of that element are replaced with the
  // new data that you specify."
  @Test
  void setReplacesAListElement(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("one"), s("two"), s("three")));

    update(dynamoDb, key, "SET l[1] = :v", ":v", s("TWO"));

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("one"), s("TWO"), s("three")));
  }

  // "If the element doesn't already exist, SET appends the new element at the end of the list."
  @Test
  void setBeyondTheEndAppendsToTheList(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("one"), s("two")));

    update(dynamoDb, key, "SET l[7] = :v", ":v", s("three"));

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("one"), s("two"), s("three")));
  }

  // "If you add multiple elements in a single SET operation, the elements are sorted in order by
  // element number."
  @Test
  void setAppendsSeveralElementsInIndexOrder(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("a")));

    update(dynamoDb, key, "SET l[30] = :c, l[10] = :b, l[20] = :x", ":c", s("c"), ":b", s("b"), ":x", s("x"));

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("a"), s("b"), s("x"), s("c")));
  }

  // "Incrementing and decrementing numeric attributes: you can add to or subtract from an existing
  // numeric attribute. To do this, use the + (plus) and - (minus) operators."
  @Test
  void plusIncrementsANumber(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("5"));

    update(dynamoDb, key, "SET n = n + :one", ":one", n("1"));

    assertThat(read(dynamoDb, key).get("n")).isEqualTo(n("6"));
  }

  @Test
  void minusDecrementsANumber(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("5"));

    update(dynamoDb, key, "SET n = n - :two", ":two", n("2"));

    assertThat(read(dynamoDb, key).get("n")).isEqualTo(n("3"));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // Numbers are exact decimals of up to 38 digits: 0.1 + 0.2 is 0.3, not a binary float.
  @Test
  void arithmeticIsDecimal(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("0.1"));

    update(dynamoDb, key, "SET n = n + :v, m = :v - n", ":v", n("0.2"));

    assertThat(read(dynamoDb, key)).containsEntry("n", n("0.3")).containsEntry("m", n("0.1"));
  }

  // "Preventing overwrites of an existing attribute: if_not_exists(path, value) ... If the item
  // does not contain an attribute at the specified path, if_not_exists evaluates to value;
  // otherwise, it evaluates to path."
  @Test
  void ifNotExistsKeepsAnExistingValue(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "price", n("100"));

    update(dynamoDb, key, "SET price = if_not_exists(price, :p)", ":p", n("5"));

    assertThat(read(dynamoDb, key).get("price")).isEqualTo(n("100"));
  }

  @Test
  void ifNotExistsSetsAMissingValue(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb);

    update(dynamoDb, key, "SET price = if_not_exists(price, :p)", ":p", n("5"));

    assertThat(read(dynamoDb, key).get("price")).isEqualTo(n("5"));
  }

  // "Appending elements to a list: list_append(list1, list2) ... evaluates to list1 with list2
  // appended to it."
  @Test
  void listAppendAppends(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("a"), s("b")));

    update(dynamoDb, key, "SET l = list_append(l, :more)", ":more", l(s("c"), n("4")));

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("a"), s("b"), s("c"), n("4")));
  }

  // "... add elements to the beginning of a list by reversing the order of the operands."
  @Test
  void listAppendWithTheListSecondPrepends(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("b")));

    update(dynamoDb, key, "SET l = list_append(:front, l)", ":front", l(s("a")));

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("a"), s("b")));
  }

  // "SET ... operand: path | function": an attribute's value can be copied to another.
  @Test
  void setCopiesAnotherAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", m("x", l(n("1"))));

    update(dynamoDb, key, "SET b = a.x[0]");

    assertThat(read(dynamoDb, key).get("b")).isEqualTo(n("1"));
  }

  // --- REMOVE

  // "Removing attributes from an item: Use the REMOVE action ... to remove one or more attributes."
  @Test
  void removeDeletesAttributes(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"), "b", s("2"), "c", s("3"));

    update(dynamoDb, key, "REMOVE a, c");

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "b", s("2")));
  }

  @Test
  void removeDeletesANestedMapKey(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "m", m("x", n("1"), "y", n("2")));

    update(dynamoDb, key, "REMOVE m.x");

    assertThat(read(dynamoDb, key).get("m")).isEqualTo(m("y", n("2")));
  }

  // "Removing elements from a list: ... When you remove an element, the remaining elements are
  // shifted." Indexes refer to the list before the update.
  @Test
  void removeDeletesListElementsAndShiftsTheRest(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "l", l(s("a"), s("b"), s("c"), s("d")));

    update(dynamoDb, key, "REMOVE l[1], l[2]");

    assertThat(read(dynamoDb, key).get("l")).isEqualTo(l(s("a"), s("d")));
  }

  @Test
  void removeOfAMissingAttributeChangesNothing(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"));

    update(dynamoDb, key, "REMOVE absent");

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "a", s("1")));
  }

  // An update that only removes attributes has nothing to write to a missing item: no item appears.
  @Test
  void removeOnlyOnAMissingItemCreatesNoItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    update(dynamoDb, key, "REMOVE a");

    assertThat(dynamoDb.getItem(request -> request.tableName(hashTable).key(key).consistentRead(true)).hasItem()).isFalse();
  }

  // API_UpdateItem: an UpdateItem without any update "adds a new item to the table" - just the key.
  @Test
  void updateWithoutAnyActionCreatesTheKeyOnlyItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    dynamoDb.updateItem(request -> request.tableName(hashTable).key(key));

    assertThat(read(dynamoDb, key)).isEqualTo(key);
  }

  // --- ADD

  // "ADD ... If the attribute is a number, and the value you are adding is also a number, the value
  // is mathematically added to the existing attribute."
  @Test
  void addAddsToANumber(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "n", n("10"));

    update(dynamoDb, key, "ADD n :v", ":v", n("-3.5"));

    assertThat(read(dynamoDb, key).get("n")).isEqualTo(n("6.5"));
  }

  // "If the item doesn't have an attribute with the specified name, ADD ... uses 0 as the initial value."
  @Test
  void addCreatesAMissingNumber(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    update(dynamoDb, key, "ADD n :v", ":v", n("3"));

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "n", n("3")));
  }

  // "If the existing data type is a set and if Value is also a set, then Value is added to the
  // existing set": a set holds each element once.
  @Test
  void addMergesIntoASet(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "tags", ss("a", "b"));

    update(dynamoDb, key, "ADD tags :t", ":t", ss("b", "c"));

    assertThat(read(dynamoDb, key).get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void addCreatesAMissingSet(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb);

    update(dynamoDb, key, "ADD nums :n", ":n", ns("1", "2"));

    assertThat(read(dynamoDb, key).get("nums").ns()).containsExactlyInAnyOrder("1", "2");
  }

  // --- DELETE

  // "Deleting elements from a set: Use the DELETE action ... to remove one or more elements from a set."
  @Test
  void deleteRemovesSetElements(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "tags", ss("a", "b", "c"));

    update(dynamoDb, key, "DELETE tags :t", ":t", ss("a", "c", "not-there"));

    assertThat(read(dynamoDb, key).get("tags")).isEqualTo(ss("b"));
  }

  // Sets cannot be empty (Naming rules and data types): removing every element removes the attribute.
  @Test
  void deletingEveryElementRemovesTheAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "tags", ns("1", "2"), "other", s("x"));

    update(dynamoDb, key, "DELETE tags :t", ":t", ns("1", "2"));

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "other", s("x")));
  }

  // --- Clauses together

  // "An update expression can contain multiple clauses ... SET ... REMOVE ... ADD ... DELETE"
  @Test
  void appliesSeveralClausesInOneUpdate(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "gone", s("x"), "tally", n("1"), "tags", ss("a", "b"));

    update(dynamoDb, key, "SET title = :t REMOVE gone ADD tally :one DELETE tags :a",
        ":t", s("T"), ":one", n("1"), ":a", ss("a"));

    assertThat(read(dynamoDb, key))
        .isEqualTo(withKey(key, "tally", n("2"), "tags", ss("b"), "title", s("T")));
  }

  // Keywords are case-insensitive (Reserved words in DynamoDB: "not case-sensitive").
  @Test
  void acceptsLowerCaseClauseKeywords(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"));

    update(dynamoDb, key, "set b = :b remove a", ":b", s("2"));

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "b", s("2")));
  }

  // --- Errors

  // API_UpdateItem Key: "For the primary key, you must provide all of the attributes" - and no others.
  @Test
  void rejectsAKeyWithAnExtraAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique()), "a", s("x")), "SET b = :v", ":v", s("x")),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsAKeyOfTheWrongType(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", n("1")), "SET b = :v", ":v", s("x")),
        "The provided key element does not match the schema");
  }

  @Test
  void rejectsAKeyWithoutTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request
            .tableName(rangeTable)
            .key(item("pk", s(unique())))
            .updateExpression("SET b = :v")
            .expressionAttributeValues(Map.of(":v", s("x")))),
        "The provided key element does not match the schema");
  }

  // Errors: ResourceNotFoundException "The operation tried to access a nonexistent table or index."
  @Test
  void rejectsAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    assertTableNotFound(() -> dynamoDb.updateItem(request -> request
        .tableName(tables.name("missing"))
        .key(item("pk", s("a")))
        .updateExpression("SET b = :v")
        .expressionAttributeValues(Map.of(":v", s("x")))));
  }

  // "Each of these actions can only be used once in an update expression" per clause keyword.
  @Test
  void rejectsAClauseUsedTwice(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET a = :v SET b = :v", ":v", s("x")),
        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
  }

  // An attribute may be touched by one action only.
  @Test
  void rejectsOverlappingPaths(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET a = :v REMOVE a", ":v", s("x")),
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these"
            + " paths; path one: [a], path two: [a]");
  }

  @Test
  void rejectsAPathInsideAnotherUpdatedPath(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET m = :v, m.x = :v", ":v", s("x")),
        "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these"
            + " paths; path one: [m], path two: [m, x]");
  }

  // A path cannot address the same attribute both as a list and as a map.
  @Test
  void rejectsConflictingPaths(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET l[1] = :v, l.x = :v", ":v", s("x")),
        "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these"
            + " paths; path one: [l, [1]], path two: [l, x]");
  }

  // API_UpdateItem Key: "... You cannot update the primary key attributes" (key attributes are
  // immutable).
  @Test
  void rejectsUpdatingThePartitionKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET pk = :v", ":v", s("other")),
        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
  }

  @Test
  void rejectsRemovingTheSortKey(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.updateItem(request -> request
            .tableName(rangeTable)
            .key(item("pk", s(unique()), "sk", s("a")))
            .updateExpression("REMOVE sk")),
        "One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key");
  }

  // "+ and -" work on numbers only: a literal operand of another type is refused before reading.
  @Test
  void rejectsArithmeticOnALiteralString(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET a = :s + :one", ":s", s("x"), ":one", n("1")),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand"
            + " type: S");
  }

  // ... and an attribute of another type fails when the item is read.
  @Test
  void rejectsArithmeticOnAStringAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("text"));

    assertValidation(
        () -> update(dynamoDb, key, "SET a = a + :one", ":one", n("1")),
        "An operand in the update expression has an incorrect data type");
  }

  @Test
  void rejectsArithmeticOnAMissingAttribute(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb);

    assertValidation(
        () -> update(dynamoDb, key, "SET n = absent + :one", ":one", n("1")),
        "The provided expression refers to an attribute that does not exist in the item");
  }

  // "The ADD action supports only number and set data types." AWS names the allowed type set at the
  // end of the message (dynalite's older record of it stops before ", typeSet"): captured from DynamoDB
  // in eu-west-2, 2026-09-17 (floci's DynamoDbAddDeleteOperandIntegrationTest), and in dynamoid's tests.
  @Test
  void rejectsAddingAString(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "ADD a :v", ":v", s("x")),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type:"
            + " STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
  }

  @Test
  void rejectsAddingANumberToAString(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("text"));

    assertValidation(
        () -> update(dynamoDb, key, "ADD a :one", ":one", n("1")),
        "An operand in the update expression has an incorrect data type");
  }

  // "The DELETE action only supports set data types." AWS names ADD's type set for DELETE too: captured
  // from DynamoDB in eu-west-2, 2026-09-17 (floci's DynamoDbAddDeleteOperandIntegrationTest), where
  // DynamoDB Local's code would say ALLOWED_FOR_DELETE_OPERAND.
  @Test
  void rejectsDeletingANumber(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "DELETE a :v", ":v", n("1")),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type:"
            + " NUMBER, typeSet: ALLOWED_FOR_ADD_OPERAND");
  }

  // "list_append(list1, list2)": both operands are lists.
  @Test
  void rejectsListAppendOfAString(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET l = list_append(l, :v)", ":v", s("x")),
        "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function:"
            + " list_append, operand type: S");
  }

  @Test
  void rejectsListAppendWithOneOperand(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET l = list_append(:v)", ":v", l()),
        "Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function:"
            + " list_append, number of operands: 1");
  }

  // "if_not_exists(path, value)": the first operand is a document path.
  @Test
  void rejectsIfNotExistsWithoutAPath(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET a = if_not_exists(:v, :v)", ":v", s("x")),
        "Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists");
  }

  // Only if_not_exists and list_append are update functions.
  @Test
  void rejectsAnUnknownFunction(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET a = whatever(:v)", ":v", s("x")),
        "Invalid UpdateExpression: Invalid function name; function: whatever");
  }

  @Test
  void rejectsAnEmptyUpdateExpression(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), ""),
        "Invalid UpdateExpression: The expression can not be empty;");
  }

  // A nested path needs its parent: "SET a.b" on an item without a map a is not a valid update.
  @Test
  void rejectsSettingInsideAMissingMap(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb);

    assertValidation(
        () -> update(dynamoDb, key, "SET absent.x = :v", ":v", s("x")),
        "The document path provided in the update expression is invalid for update");
  }

  @Test
  void rejectsIndexingIntoAString(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("text"));

    assertValidation(
        () -> update(dynamoDb, key, "SET a[0] = :v", ":v", s("x")),
        "The document path provided in the update expression is invalid for update");
  }

  @Test
  void rejectsRemovingInsideAMissingMapOfAnExistingItem(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("1"));

    assertValidation(
        () -> update(dynamoDb, key, "REMOVE absent.x"),
        "The document path provided in the update expression is invalid for update");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-items
  // The updated item is bound by the 400 KB item size too.
  @Test
  void rejectsAnUpdateThatMakesTheItemTooLarge(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = item("pk", s(unique()));

    assertValidation(
        () -> update(dynamoDb, key, "SET big = :v", ":v", s("x".repeat(400 * 1024))),
        "Item size to update has exceeded the maximum allowed size");
  }

  // An UpdateItem is atomic: when one action fails, the others are not applied either.
  @Test
  void aRejectedUpdateWritesNothing(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> key = given(dynamoDb, "a", s("text"), "n", n("1"));

    assertValidation(
        () -> update(dynamoDb, key, "SET n = n + :one, a = a + :one", ":one", n("1")),
        "An operand in the update expression has an incorrect data type");

    assertThat(read(dynamoDb, key)).isEqualTo(withKey(key, "a", s("text"), "n", n("1")));
  }

  // A nested path into a key attribute is still an update of the key (dynalite's validateUpdates, whose
  // test/updateItem.js is observed on AWS, checks the path's first name).
  @Test
  void rejectsANestedPathIntoAKeyAttribute(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> update(dynamoDb, item("pk", s(unique())), "SET pk.x = :v", ":v", s("x")),
        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
  }
}
