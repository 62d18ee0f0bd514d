package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.ExpressionCompiler;
import com.bellyfed.localaws.dynamodb.expressions.RequestExpressions.Context;
import tools.jackson.databind.JsonNode;
import java.math.BigInteger;

/**
 * Scan: the table's name, expression and legacy parameters not mixed, AttributesToGet and ScanFilter,
 * ExclusiveStartKey's values, then Segment and TotalSegments together (dynalite's validations/scan.js,
 * observed on AWS).
 */
final class ScanRules implements Rules {

  @Override
  public void check(JsonNode body) {
    TableNames.check(body);
    ExpressionCompiler.checkParameters(Context.SCAN, body);
    ExpressionCompiler.checkLegacyReadParameters(Context.SCAN, body);
    JsonNode startKey = Json.member(body, "ExclusiveStartKey");
    if (startKey != null) {
      Items.startKey(startKey);
    }
    BigInteger segment = Json.wholeNumber(body, "Segment");
    BigInteger totalSegments = Json.wholeNumber(body, "TotalSegments");
    if (segment != null && totalSegments == null) {
      throw DynamoDbException.validation(
          "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
    }
    if (totalSegments != null && segment == null) {
      throw DynamoDbException.validation(
          "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
    }
    if (segment != null && segment.compareTo(totalSegments) >= 0) {
      throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
          + "Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
    }
  }
}
