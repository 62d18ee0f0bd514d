package com.bellyfed.localaws.dynamodb.requests;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever JSON arrives, the validator answers with AWS's errors or lets the request through: every
 * member of every operation, and every member of the structures they hold, set to each kind of JSON.
 */
class RobustnessTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ODD_VALUES = List.of("null", "[]", "{}", "[null]", "[{}]", "[[]]", "\"\"", "\"x\"", "0", "-1",
      "1.5", "true", "{\"x\":null}", "{\"x\":{}}", "{\"x\":[]}", "[{\"x\":{}}]", "{\"S\":\"a\"}", "[{\"S\":\"a\"}]");

  /** A valid request of each operation, into which the odd values go: so that every stage runs. */
  private static final Map<String, String> VALID = Map.ofEntries(
      Map.entry("CreateTable", "{'TableName': 'abc', 'BillingMode': 'PAY_PER_REQUEST', 'AttributeDefinitions': [{'AttributeName': 'a',"
          + " 'AttributeType': 'S'}, {'AttributeName': 'b', 'AttributeType': 'S'}], 'KeySchema': [{'AttributeName': 'a', 'KeyType':"
          + " 'HASH'}, {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'LocalSecondaryIndexes': [{'IndexName': 'lsi', 'KeySchema':"
          + " [{'AttributeName': 'a', 'KeyType': 'HASH'}, {'AttributeName': 'b', 'KeyType': 'RANGE'}], 'Projection': {'ProjectionType':"
          + " 'ALL'}}], 'GlobalSecondaryIndexes': [{'IndexName': 'gsi', 'KeySchema': [{'AttributeName': 'b', 'KeyType': 'HASH'}],"
          + " 'Projection': {'ProjectionType': 'ALL'}}], 'Tags': [{'Key': 'k', 'Value': 'v'}]}"),
      Map.entry("UpdateTable", "{'TableName': 'abc', 'BillingMode': 'PROVISIONED', 'ProvisionedThroughput': {'ReadCapacityUnits': 1,"
          + " 'WriteCapacityUnits': 1}, 'GlobalSecondaryIndexUpdates': [{'Update': {'IndexName': 'gsi', 'ProvisionedThroughput':"
          + " {'ReadCapacityUnits': 1, 'WriteCapacityUnits': 1}}}]}"),
      Map.entry("DeleteTable", "{'TableName': 'abc'}"),
      Map.entry("DescribeTable", "{'TableName': 'abc'}"),
      Map.entry("ListTables", "{'Limit': 5}"),
      Map.entry("UpdateTimeToLive", "{'TableName': 'abc', 'TimeToLiveSpecification': {'AttributeName': 'ttl', 'Enabled': true}}"),
      Map.entry("DescribeTimeToLive", "{'TableName': 'abc'}"),
      Map.entry("TagResource", "{'ResourceArn': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc', 'Tags': [{'Key': 'k', 'Value': 'v'}]}"),
      Map.entry("UntagResource", "{'ResourceArn': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc', 'TagKeys': ['k']}"),
      Map.entry("ListTagsOfResource", "{'ResourceArn': 'arn:aws:dynamodb:us-east-1:000000000000:table/abc'}"),
      Map.entry("GetItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}}"),
      Map.entry("PutItem", "{'TableName': 'abc', 'Item': {'a': {'S': 'x'}}}"),
      Map.entry("UpdateItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}}"),
      Map.entry("DeleteItem", "{'TableName': 'abc', 'Key': {'a': {'S': 'x'}}}"),
      Map.entry("Query", "{'TableName': 'abc', 'KeyConditionExpression': 'a = :a', 'ExclusiveStartKey': {'a': {'S': 'x'}}}"),
      Map.entry("Scan", "{'TableName': 'abc', 'Segment': 0, 'TotalSegments': 2, 'ExclusiveStartKey': {'a': {'S': 'x'}}}"),
      Map.entry("BatchGetItem", "{'RequestItems': {'abc': {'Keys': [{'a': {'S': 'x'}}]}}}"),
      Map.entry("BatchWriteItem", "{'RequestItems': {'abc': [{'PutRequest': {'Item': {'a': {'S': 'x'}}}}]}}"),
      Map.entry("TransactGetItems", "{'TransactItems': [{'Get': {'TableName': 'abc', 'Key': {'a': {'S': 'x'}}}}]}"),
      Map.entry("TransactWriteItems", "{'TransactItems': [{'Put': {'TableName': 'abc', 'Item': {'a': {'S': 'x'}}}}]}"));

  @Test
  void acceptsAValidRequestOfEveryOperation() {
    assertThat(VALID).hasSize(20);
    for (Map.Entry<String, String> request : VALID.entrySet()) {
      Requests.assertAccepted(request.getKey(), request.getValue());
    }
  }

  @Test
  void answersEveryOddRequestWithAnAwsErrorOrLetsItThrough() throws Exception {
    int requests = 0;
    for (Operation operation : Operations.all()) {
      for (List<String> path : paths(operation.input(), List.of())) {
        for (String odd : ODD_VALUES) {
          JsonNode body = merge(Requests.body(VALID.get(operation.name())).deepCopy(), bodyWith(path, JSON.readTree(odd)));
          try {
            RequestValidator.validate(operation.name(), body);
          } catch (DynamoDbException expected) {
            assertThat(expected.getMessage()).as("%s %s", operation.name(), body).isNotNull();
          } catch (RuntimeException e) {
            throw new AssertionError(operation.name() + " " + body, e);
          }
          requests++;
        }
      }
    }
    assertThat(requests).isGreaterThan(1000);
  }

  /** Paths to every structure member, as member names; a list's or map's structure is reached through a one-element list or map. */
  private static List<List<String>> paths(Struct struct, List<String> prefix) {
    List<List<String>> paths = new ArrayList<>();
    for (Member member : struct.members()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(member.name());
      paths.add(path);
      if (prefix.size() < 6) {
        Shape shape = member.shape();
        if (shape instanceof Shape.ListOf list && list.member() instanceof Struct inner) {
          List<String> through = new ArrayList<>(path);
          through.add("[]");
          paths.addAll(paths(inner, through));
        } else if (shape instanceof Shape.MapOf map && map.value() instanceof Struct inner) {
          List<String> through = new ArrayList<>(path);
          through.add("{}");
          paths.addAll(paths(inner, through));
        } else if (shape instanceof Struct inner) {
          paths.addAll(paths(inner, path));
        }
      }
    }
    return paths;
  }

  /** {@code base} with {@code changes} laid over it: objects member by member, a list's first member into the base's first. */
  private static JsonNode merge(JsonNode base, JsonNode changes) {
    if (base instanceof ObjectNode object && changes.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = changes.properties().iterator(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode existing = object.get(field.getKey());
        object.set(field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
      }
      return object;
    }
    if (base instanceof ArrayNode array && changes.isArray() && changes.size() == 1 && array.size() > 0 && changes.get(0).isObject()) {
      array.set(0, merge(array.get(0), changes.get(0)));
      return array;
    }
    return changes;
  }

  /** The body with {@code value} at {@code path}: "[]" steps into a one-element list, "{}" into a one-entry map. */
  private static JsonNode bodyWith(List<String> path, JsonNode value) {
    return build(path, 0, value);
  }

  private static JsonNode build(List<String> path, int step, JsonNode value) {
    if (step == path.size()) {
      return value;
    }
    JsonNode inner = build(path, step + 1, value);
    return switch (path.get(step)) {
      case "[]" -> JSON.createArrayNode().add(inner);
      case "{}" -> JSON.createObjectNode().set("abc", inner);
      default -> JSON.createObjectNode().set(path.get(step), inner);
    };
  }
}
