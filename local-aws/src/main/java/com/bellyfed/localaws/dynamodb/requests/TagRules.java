package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tagging operations' ResourceArn and tags, checked as AWS does (observed 2026: ack-api-quirks
 * dynamodb DDB-TABLE-071, -105, -107, -108, -372; ScyllaDB test_tag.py; dynalite before): a missing
 * ARN before anything else, then one that is not an ARN at all, one of another service (refused by
 * authorization), the member constraints, one that names no table, an empty list of tags or keys, and
 * then each tag.
 */
final class TagRules {

  static final String INVALID = "One or more parameter values were invalid: ";
  /** At most 50 tags per resource, and per request. */
  static final int MAX_TAGS = 50;
  private static final Pattern ANY_ARN = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:[^:]*:.+");
  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:.+:\\d+:table/[^/]{3,}");
  private static final Pattern INDEX_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:.+:\\d+:table/[^/]+/index/.*");
  private static final Pattern BACKUP_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:.+:\\d+:table/[^/]+/backup/.*");
  /** AWS's tag characters: letters and digits of any script, white space, and + - = . _ : / @. */
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  /** Who AWS says was refused; local-aws has no identities, so the account's root stands in. */
  static final String CALLER = "arn:aws:iam::" + LocalAws.ACCOUNT + ":root";

  private TagRules() {}

  static Rules arnFirst(String operation) {
    return body -> {
      JsonNode arn = Json.member(body, "ResourceArn");
      if (arn == null) {
        throw DynamoDbException.validation("Invalid TableArn");
      }
      String text = arn.stringValue(null);
      if (!text.startsWith("arn:")) {
        throw DynamoDbException.validation(INVALID + "ARNs must start with 'arn:': " + text);
      }
      if (!ANY_ARN.matcher(text).matches() || !text.split(":", -1)[2].equals("dynamodb")) {
        throw new DynamoDbException("com.amazon.coral.service#AccessDeniedException", "User: " + CALLER
            + " is not authorized to perform: dynamodb:" + operation + " on resource: " + text, 400);
      }
    };
  }

  /** After the constraints: a table's ARN, then (for tagging and untagging) a non-empty list, then each tag. */
  static Rules tableArnThenTags(@Nullable String list, @Nullable String emptyMessage) {
    return body -> {
      String arn = Json.text(body, "ResourceArn");
      if (arn != null && !TABLE_ARN.matcher(arn).matches()) {
        if (INDEX_ARN.matcher(arn).matches()) {
          throw DynamoDbException.validation(INVALID
              + "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " + arn);
        }
        if (BACKUP_ARN.matcher(arn).matches()) {
          throw DynamoDbException.validation(INVALID + "Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
      }
      JsonNode members = list == null ? null : Json.member(body, list);
      if (members != null && members.isEmpty() && emptyMessage != null) {
        throw DynamoDbException.validation(emptyMessage);
      }
      if ("Tags".equals(list)) {
        checkTags(members);
      } else if ("TagKeys".equals(list)) {
        checkTagKeys(members);
      }
    };
  }

  /**
   * A list of tags (TagResource, CreateTable): each key and value valid, no key twice, at most 50. AWS
   * checks the tags itself, not by the model's constraints: a key of 129 characters, an empty key and
   * a missing one are all "The Tag Key provided is invalid".
   */
  static void checkTags(@Nullable JsonNode tags) {
    if (tags == null) {
      return;
    }
    Set<String> keys = new HashSet<>();
    for (JsonNode tag : tags) {
      String key = tag.isNull() ? null : Json.text(tag, "Key");
      String value = tag.isNull() ? null : Json.text(tag, "Value");
      checkKey(key);
      if (value == null || value.length() > 256 || !TAG_TEXT.matcher(value).matches()) {
        throw DynamoDbException.validation("The Tag Value provided is invalid, Value: " + value);
      }
      if (!keys.add(key)) {
        throw DynamoDbException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw tooManyTags();
    }
  }

  /** UntagResource's keys: each a valid key, at most 50 of them. */
  private static void checkTagKeys(@Nullable JsonNode keys) {
    if (keys == null) {
      return;
    }
    for (JsonNode key : keys) {
      checkKey(key.isNull() ? null : key.asString(""));
    }
    if (keys.size() > MAX_TAGS) {
      throw tooManyTags();
    }
  }

  private static void checkKey(@Nullable String key) {
    if (key == null || key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()) {
      throw DynamoDbException.validation("The Tag Key provided is invalid, Key: " + key);
    }
    if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw DynamoDbException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
    }
  }

  static DynamoDbException tooManyTags() {
    return DynamoDbException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
  }
}
