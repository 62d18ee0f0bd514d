package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Table names. Since tables may be named by ARN (2024), AWS's model allows 1 to 1024 characters of
 * anything; the rules of a table's own name (3 to 255 characters of [a-zA-Z0-9_.-]) AWS then checks
 * itself, with the wording of its constraint messages, for anything that is not an ARN.
 */
final class TableNames {

  private static final Pattern NAME = Pattern.compile(Shapes.NAME_PATTERN);

  private TableNames() {}

  /**
   * The table operations (CreateTable, DescribeTable, UpdateTable, DeleteTable, the TTL ones) ask for
   * their table's name with a sentence of their own, before any other member's constraints.
   */
  static void required(JsonNode body) {
    if (Json.member(body, "TableName") == null) {
      throw DynamoDbException.validation("The parameter 'TableName' is required but was not present in the request");
    }
  }

  /** The rules of the request's TableName member, which may be an ARN instead. */
  static void check(JsonNode body) {
    check(Json.text(body, "TableName"), "tableName");
  }

  /** A table name where an ARN may stand; {@code path} names it as AWS does, e.g. {@code transactItems.1.member.put.tableName}. */
  static void check(@Nullable String name, String path) {
    if (name == null || isArn(name)) {
      return;
    }
    List<String> failed = new ArrayList<>(2);
    if (!NAME.matcher(name).matches()) {
      failed.add(Violations.describe(name, path, "Member must satisfy regular expression pattern: " + Shapes.NAME_PATTERN));
    }
    if (name.length() < 3) {
      failed.add(Violations.describe(name, path, "Member must have length greater than or equal to 3"));
    } else if (name.length() > 255) {
      failed.add(Violations.describe(name, path, "Member must have length less than or equal to 255"));
    }
    if (!failed.isEmpty()) {
      throw Violations.exception(failed);
    }
  }

  /** Whether the name is an ARN, which the engine resolves (and answers for when it names no table). */
  static boolean isArn(String name) {
    return name.startsWith("arn:");
  }
}
