package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;

/** AWS's validation errors about one expression parameter: "Invalid ConditionExpression: ...". */
final class Invalid {

  private Invalid() {}

  static DynamoDbException expression(String parameter, String message) {
    return DynamoDbException.validation("Invalid " + parameter + ": " + message);
  }
}
