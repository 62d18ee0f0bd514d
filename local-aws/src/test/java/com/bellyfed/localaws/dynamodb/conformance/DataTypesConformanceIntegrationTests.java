package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ItemAssertions.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.b;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bool;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.bs;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.item;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.l;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.m;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.n;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ns;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.nul;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.s;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.ss;
import static com.bellyfed.localaws.dynamodb.conformance.ItemValues.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ten attribute types and their rules:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 * and https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeValue.html. Error
 * texts are AWS's as dynalite's test suite (run against AWS) records them.
 */
@ConformanceTest
class DataTypesConformanceIntegrationTests {

  private static String table;

  @BeforeAll
  static void createTable(Tables tables) {
    table = tables.create("datatypes", false);
  }

  private static Map<String, AttributeValue> putAndRead(DynamoDbClient dynamoDb, Object... namesAndValues) {
    Map<String, AttributeValue> item = item(namesAndValues);
    item.put("pk", s(unique()));
    dynamoDb.putItem(request -> request.tableName(table).item(item));
    return dynamoDb.getItem(request -> request.tableName(table).key(item("pk", item.get("pk"))).consistentRead(true)).item();
  }

  private static void put(DynamoDbClient dynamoDb, AttributeValue value) {
    dynamoDb.putItem(request -> request.tableName(table).item(item("pk", s(unique()), "v", value)));
  }

  private static RawDynamoDb.Answer rawPut(RawDynamoDb raw, String valueJson) {
    return raw.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + unique() + "\"},\"v\":" + valueJson + "}}");
  }

  // "Scalar Types - A scalar type can represent exactly one value. The scalar types are number,
  // string, binary, Boolean, and null."
  @Test
  void roundTripsEveryScalarType(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> read = putAndRead(dynamoDb,
        "s", s("text ü 😀"), "n", n("-12.5"), "b", b((byte) 0, (byte) 1, (byte) 0xFF), "t", bool(true), "f", bool(false), "z", nul());

    assertThat(read).containsEntry("s", s("text ü 😀")).containsEntry("n", n("-12.5"))
        .containsEntry("b", b((byte) 0, (byte) 1, (byte) 0xFF)).containsEntry("t", bool(true))
        .containsEntry("f", bool(false)).containsEntry("z", nul());
  }

  // "Set Types - A set type can represent multiple scalar values. The set types are string set,
  // number set, and binary set." Order is not preserved: "The order of the values within a set is
  // not preserved."
  @Test
  void roundTripsEverySetType(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> read = putAndRead(dynamoDb, "ss", ss("b", "a", "c"), "ns", ns("3", "-1", "2.5"), "bs", bs("y", "x"));

    assertThat(read.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(read.get("ns").ns()).containsExactlyInAnyOrder("3", "-1", "2.5");
    assertThat(read.get("bs").bs()).containsExactlyInAnyOrderElementsOf(bs("x", "y").bs());
  }

  // The order AWS answers in is its own, not the order written: strings and binaries bytewise, numbers
  // by value (paritysuite/dynamodb-conformance tests/tier1/updateItem/basic.test.ts, eu-west-2, 2026,
  // where an empty string added to ["a"] reads back first).
  @Test
  void returnsSetsInDynamoDbOrder(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> read = putAndRead(dynamoDb, "ss", ss("b", "", "a"), "ns", ns("3", "-1", "2.5", "10"), "bs", bs("y", "x"));

    assertThat(read.get("ss").ss()).containsExactly("", "a", "b");
    assertThat(read.get("ns").ns()).containsExactly("-1", "2.5", "3", "10");
    assertThat(read.get("bs").bs()).containsExactlyElementsOf(bs("x", "y").bs());
  }

  // "Document Types - ... list and map. These data types can be nested within each other, to
  // represent complex data structures up to 32 levels deep." Lists keep their order; empty lists and
  // maps are allowed.
  @Test
  void roundTripsNestedDocuments(DynamoDbClient dynamoDb) {
    AttributeValue document = m(
        "list", l(s("a"), n("1"), b("x"), bool(false), nul(), ss("s"), ns("1"), bs("b"), l(), m()),
        "map", m("deeper", m("deepest", l(m("k", s("v"))))),
        "empty", m());

    Map<String, AttributeValue> read = putAndRead(dynamoDb, "doc", document, "emptyList", l());

    assertThat(read).containsEntry("doc", document).containsEntry("emptyList", l());
  }

  // Binary values travel base64-encoded in the JSON protocol and come back byte for byte.
  @Test
  void returnsBinariesAsTheSameBase64(RawDynamoDb raw) {
    String pk = unique();
    raw.call("PutItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},\"v\":{\"B\":\"AAH/\"}}}");

    RawDynamoDb.Answer answer = raw.call("GetItem",
        "{\"TableName\":\"" + table + "\",\"Key\":{\"pk\":{\"S\":\"" + pk + "\"}},\"ConsistentRead\":true}");

    assertThat(answer.body().path("Item").path("v").path("B").asString("")).isEqualTo("AAH/");
  }

  // "Strings ... can be empty, provided that it is not used as a key attribute" (and so can binaries).
  @Test
  void acceptsEmptyStringsAndBinariesOutsideKeys(DynamoDbClient dynamoDb) {
    Map<String, AttributeValue> read =
        putAndRead(dynamoDb, "s", s(""), "b", b(), "nested", m("s", s(""), "l", l(s(""), b())), "set", ss(""));

    assertThat(read).containsEntry("s", s("")).containsEntry("b", b())
        .containsEntry("nested", m("s", s(""), "l", l(s(""), b()))).containsEntry("set", ss(""));
  }

  // "Numbers can have up to 38 digits of precision": AWS returns them without leading zeros and
  // without trailing zeros after the decimal point, in plain (not exponent) notation.
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "12345678901234567890123456789012345678, 12345678901234567890123456789012345678",
    "-1.2345678901234567890123456789012345678, -1.2345678901234567890123456789012345678",
    "0000012345678901234567890123456789012345678, 12345678901234567890123456789012345678",
    "1.50, 1.5",
    "0012.3400, 12.34",
    "1e2, 100",
    "-0.0100, -0.01",
    "0.0, 0",
    "1.000e-130, 0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
  })
  void normalisesNumbers(String sent, String returned, DynamoDbClient dynamoDb) {
    assertThat(putAndRead(dynamoDb, "n", n(sent)).get("n")).isEqualTo(n(returned));
  }

  // "Positive range: 1E-130 to 9.9999999999999999999999999999999999999E+125".
  @Test
  void acceptsTheLargestMagnitude(DynamoDbClient dynamoDb) {
    assertThat(putAndRead(dynamoDb, "n", n("9.9999999999999999999999999999999999999E+125")).get("n"))
        .isEqualTo(n("99999999999999999999999999999999999999" + "0".repeat(88)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123456789012345678901234567890123456789", "-1.23456789012345678901234567890123456789"})
  void rejectsMoreThan38SignificantDigits(String number, DynamoDbClient dynamoDb) {
    assertValidation(() -> put(dynamoDb, n(number)), "Attempting to store more than 38 significant digits in a Number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e126", "-1e126"})
  void rejectsNumbersAboveTheRange(String number, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, n(number)),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-131", "-1e-131"})
  void rejectsNumbersBelowTheRange(String number, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, n(number)),
        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  @Test
  void rejectsANumberThatIsNotANumber(DynamoDbClient dynamoDb) {
    assertValidation(() -> put(dynamoDb, n("abc")), "The parameter cannot be converted to a numeric value: abc");
  }

  // The range is judged on the exponent read in full: one past a 32-bit integer still overflows or
  // underflows, and zero is range-checked by the exponent it is written with
  // (paritysuite/dynamodb-conformance tests/tier3/limits/numberExponent.test.ts and
  // tests/tier3/error-messages/valueLayers.test.ts, eu-west-2 and us-east-1, 2026).
  @ParameterizedTest
  @ValueSource(strings = {"1e2147483647", "1e2147483648", "1e99999999999", "-1e99999999999", "0e126"})
  void rejectsExponentsPastAnIntAboveTheRange(String number, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, n(number)),
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-2147483648", "1e-99999999999", "0e-131"})
  void rejectsExponentsPastAnIntBelowTheRange(String number, DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, n(number)),
        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
  }

  // Same source: an exponent past a 64-bit integer cannot be converted at all.
  @Test
  void rejectsAnExponentPastALong(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, n("1e9223372036854775808")),
        "The parameter cannot be converted to a numeric value: 1e9223372036854775808");
  }

  @Test
  void storesZeroWrittenWithAnExponentInsideTheRange(DynamoDbClient dynamoDb) {
    assertThat(putAndRead(dynamoDb, "n", n("0e125")).get("n")).isEqualTo(n("0"));
  }

  // Same source (valueLayers.test.ts): stray spaces, NaN, Infinity, hexadecimal and a bare exponent are no
  // numbers, each quoted as sent.
  @ParameterizedTest
  @ValueSource(strings = {" 1", "1 ", "NaN", "Infinity", "0x10", "1e", "1.2.3"})
  void rejectsTextThatIsNoNumberQuotingItAsSent(String number, DynamoDbClient dynamoDb) {
    assertValidation(() -> put(dynamoDb, n(number)), "The parameter cannot be converted to a numeric value: " + number);
  }

  // "An empty set is not allowed" (for each of the three set types).
  @Test
  void rejectsAnEmptyStringSet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, AttributeValue.builder().ss(List.of()).build()),
        "One or more parameter values were invalid: An string set  may not be empty");
  }

  @Test
  void rejectsAnEmptyNumberSet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, AttributeValue.builder().ns(List.of()).build()),
        "One or more parameter values were invalid: An number set  may not be empty");
  }

  @Test
  void rejectsAnEmptyBinarySet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, AttributeValue.builder().bs(List.of()).build()),
        "One or more parameter values were invalid: Binary sets should not be empty");
  }

  // "All of the elements within a set must be ... unique."
  @Test
  void rejectsDuplicatesInAStringSet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, ss("a", "a")),
        "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
  }

  @Test
  void rejectsDuplicatesInANumberSet(DynamoDbClient dynamoDb) {
    assertValidation(() -> put(dynamoDb, ns("1", "1")), "Input collection contains duplicates");
  }

  @Test
  void rejectsDuplicatesInABinarySet(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, bs("b", "b")),
        "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.");
  }

  // API_AttributeValue: "NULL - An attribute of type Null. For example: "NULL": true".
  @Test
  void rejectsNullThatIsNotTrue(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> put(dynamoDb, AttributeValue.builder().nul(false).build()),
        "One or more parameter values were invalid: Null attribute value types must have the value of true");
  }

  // API_AttributeValue: "Each attribute value is described as a name-value pair ... exactly one".
  @Test
  void rejectsAnAttributeValueWithoutAType(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = rawPut(raw, "{}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message())
        .isEqualTo("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
  }

  @Test
  void rejectsAnAttributeValueWithTwoTypes(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = rawPut(raw, "{\"S\":\"a\",\"N\":\"1\"}");

    assertThat(answer.type()).isEqualTo("com.amazon.coral.validate#ValidationException");
    assertThat(answer.message()).isEqualTo(
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
  }
}
