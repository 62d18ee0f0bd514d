package com.bellyfed.localaws.dynamodb.requests;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Building blocks for the operations' shapes, and the shapes several operations share, with the
 * constraints of the AWS API Reference (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Types.html).
 */
final class Shapes {

  static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

  /** A table name where an ARN may stand instead (data operations since 2024): 1 to 1024 characters. */
  static final Shape.Str TABLE_NAME_OR_ARN = string(1, 1024);
  /** A table's own name: 3 to 255 characters of {@link #NAME_PATTERN}. */
  static final Shape.Str TABLE_NAME = pattern(3, 255, NAME_PATTERN);
  static final Shape.Str INDEX_NAME = pattern(3, 255, NAME_PATTERN);
  static final Shape.Str KEY_ATTRIBUTE_NAME = string(1, 255);
  static final Shape.Str ATTRIBUTE_NAME = string(null, 65535);

  // Enum value sets in the order AWS prints them, which is neither the model's nor alphabetical.
  static final Shape.Str RETURN_CONSUMED_CAPACITY = enumOf("INDEXES", "TOTAL", "NONE");
  static final Shape.Str RETURN_ITEM_COLLECTION_METRICS = enumOf("SIZE", "NONE");
  static final Shape.Str RETURN_VALUES = enumOf("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");
  static final Shape.Str RETURN_VALUES_ON_CONDITION_CHECK_FAILURE = enumOf("ALL_OLD", "NONE");
  static final Shape.Str CONDITIONAL_OPERATOR = enumOf("OR", "AND");
  static final Shape.Str COMPARISON_OPERATOR = enumOf(
      "IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");
  static final Shape.Str SELECT = enumOf("SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES");

  static final Shape.AttrValue ATTRIBUTE_VALUE = new Shape.AttrValue();
  /** An item, a key, ExclusiveStartKey, ExpressionAttributeValues. */
  static final Shape.MapOf ATTRIBUTE_MAP = map(string(), ATTRIBUTE_VALUE, null, null);
  static final Shape.MapOf EXPRESSION_ATTRIBUTE_NAMES = map(string(), string(), null, null);
  static final Shape.ListOf ATTRIBUTES_TO_GET = list(ATTRIBUTE_NAME, 1, null);
  static final Shape.ListOf ATTRIBUTE_VALUE_LIST = list(ATTRIBUTE_VALUE, null, null);

  static final Struct CONDITION = Struct.of("Condition",
      optional("AttributeValueList", ATTRIBUTE_VALUE_LIST),
      required("ComparisonOperator", COMPARISON_OPERATOR));
  /** KeyConditions, QueryFilter, ScanFilter. */
  static final Shape.MapOf CONDITIONS = map(string(), CONDITION, null, null);
  static final Shape.MapOf EXPECTED = map(string(), Struct.of("ExpectedAttributeValue",
      optional("Value", ATTRIBUTE_VALUE),
      optional("Exists", bool()),
      optional("ComparisonOperator", COMPARISON_OPERATOR),
      optional("AttributeValueList", ATTRIBUTE_VALUE_LIST)), null, null);
  static final Shape.MapOf ATTRIBUTE_UPDATES = map(string(), Struct.of("AttributeValueUpdate",
      optional("Value", ATTRIBUTE_VALUE),
      optional("Action", enumOf("ADD", "PUT", "DELETE"))), null, null);

  static final Struct KEY_SCHEMA_ELEMENT = Struct.of("KeySchemaElement",
      required("AttributeName", KEY_ATTRIBUTE_NAME),
      required("KeyType", enumOf("HASH", "RANGE")));
  static final Shape.ListOf KEY_SCHEMA = list(KEY_SCHEMA_ELEMENT, 1, 2);
  static final Struct PROVISIONED_THROUGHPUT = Struct.of("ProvisionedThroughput",
      required("ReadCapacityUnits", longNumber(1L, null)),
      required("WriteCapacityUnits", longNumber(1L, null)));
  static final Struct ON_DEMAND_THROUGHPUT = Struct.of("OnDemandThroughput",
      optional("MaxReadRequestUnits", longNumber(null, null)),
      optional("MaxWriteRequestUnits", longNumber(null, null)));
  static final Struct WARM_THROUGHPUT = Struct.of("WarmThroughput",
      optional("ReadUnitsPerSecond", longNumber(null, null)),
      optional("WriteUnitsPerSecond", longNumber(null, null)));
  static final Struct PROJECTION = Struct.of("Projection",
      optional("ProjectionType", enumOf("ALL", "INCLUDE", "KEYS_ONLY")),
      optional("NonKeyAttributes", list(KEY_ATTRIBUTE_NAME, 1, 20)));
  static final Shape.Str BILLING_MODE = enumOf("PROVISIONED", "PAY_PER_REQUEST");
  static final Struct STREAM_SPECIFICATION = Struct.of("StreamSpecification",
      required("StreamEnabled", bool()),
      optional("StreamViewType", enumOf("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY")));
  static final Struct SSE_SPECIFICATION = Struct.of("SSESpecification",
      optional("Enabled", bool()),
      optional("SSEType", enumOf("AES256", "KMS")),
      optional("KMSMasterKeyId", string()));
  static final Shape.Str TABLE_CLASS = enumOf("STANDARD", "STANDARD_INFREQUENT_ACCESS");
  /**
   * AWS checks tags itself rather than by these constraints of its model (key 1-128, value 0-256
   * characters, both required): "The Tag Key provided is invalid, Key: null" for a tag without key
   * (observed 2026: ack-api-quirks dynamodb DDB-TABLE-107, -457). See TagRules.
   */
  static final Struct TAG = Struct.of("Tag",
      optional("Key", string()),
      optional("Value", string()));
  static final Shape.Str RESOURCE_ARN = string(1, 1283);

  private Shapes() {}

  static Member required(String name, Shape shape) {
    return new Member(name, shape, true);
  }

  static Member optional(String name, Shape shape) {
    return new Member(name, shape, false);
  }

  static Shape.Str string() {
    return new Shape.Str(null, null, null, List.of());
  }

  static Shape.Str string(@Nullable Integer min, @Nullable Integer max) {
    return new Shape.Str(min, max, null, List.of());
  }

  static Shape.Str pattern(@Nullable Integer min, @Nullable Integer max, String pattern) {
    return new Shape.Str(min, max, Pattern.compile(pattern), List.of());
  }

  static Shape.Str enumOf(String... values) {
    return new Shape.Str(null, null, null, List.of(values));
  }

  static Shape.Num integer(@Nullable Long min, @Nullable Long max) {
    return new Shape.Num(false, min, max);
  }

  static Shape.Num longNumber(@Nullable Long min, @Nullable Long max) {
    return new Shape.Num(true, min, max);
  }

  static Shape.Bool bool() {
    return new Shape.Bool();
  }

  static Shape.ListOf list(Shape member, @Nullable Integer min, @Nullable Integer max) {
    return new Shape.ListOf(member, min, max);
  }

  static Shape.MapOf map(Shape.Str key, Shape value, @Nullable Integer min, @Nullable Integer max) {
    return new Shape.MapOf(key, value, min, max, false);
  }

  /** A structure whose members are not checked: parts of the API the engine does not serve (replicas, witnesses). */
  static Struct opaque(String name) {
    return Struct.of(name);
  }
}
