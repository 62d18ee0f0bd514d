package com.bellyfed.localaws.dynamodb.expressions;

import java.util.List;

/**
 * Which parameters one request (or transaction action) reads, by the operation's shape in AWS's API
 * reference: its expression parameters in AWS's order, the legacy parameters they exclude, and
 * whether it has ExpressionAttributeValues. Parameters an operation does not have are ignored, as AWS
 * ignores unknown members.
 */
record ContextRules(List<String> expressions, List<String> legacy, boolean values) {

  static final String CONDITION = "ConditionExpression";
  static final String FILTER = "FilterExpression";
  static final String KEY_CONDITION = "KeyConditionExpression";
  static final String PROJECTION = "ProjectionExpression";
  static final String UPDATE = "UpdateExpression";

  static ContextRules of(RequestExpressions.Context context) {
    return switch (context) {
      case GET_ITEM, BATCH_GET_ITEM -> new ContextRules(List.of(PROJECTION), List.of("AttributesToGet"), false);
      case TRANSACT_GET -> new ContextRules(List.of(PROJECTION), List.of(), false);
      case PUT_ITEM, DELETE_ITEM -> new ContextRules(List.of(CONDITION), List.of("Expected"), true);
      case UPDATE_ITEM -> new ContextRules(List.of(UPDATE, CONDITION), List.of("AttributeUpdates", "Expected"), true);
      case QUERY -> new ContextRules(
          List.of(PROJECTION, FILTER, KEY_CONDITION), List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"), true);
      case SCAN -> new ContextRules(List.of(PROJECTION, FILTER), List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"), true);
      case TRANSACT_PUT, TRANSACT_DELETE, TRANSACT_CONDITION_CHECK -> new ContextRules(List.of(CONDITION), List.of(), true);
      case TRANSACT_UPDATE -> new ContextRules(List.of(UPDATE, CONDITION), List.of(), true);
    };
  }

  boolean has(String parameter) {
    return expressions.contains(parameter) || legacy.contains(parameter);
  }
}
