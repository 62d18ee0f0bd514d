package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

// TEMPORARY placeholder on the engine branch until the requests branch merges; never to reach main.
public final class RequestValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OPS = Set.of("CreateTable", "UpdateTable", "DeleteTable", "DescribeTable", "ListTables",
      "UpdateTimeToLive", "DescribeTimeToLive", "TagResource", "UntagResource", "ListTagsOfResource", "GetItem", "PutItem",
      "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems");

  public static boolean supports(String operation) {
    return OPS.contains(operation);
  }

  public static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (Exception e) {
      throw DynamoDbException.serialization("body is not JSON");
    }
  }

  public static void validate(String operation, JsonNode body) {}
}
