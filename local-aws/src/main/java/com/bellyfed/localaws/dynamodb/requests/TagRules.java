package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The tagging operations' ResourceArn, checked as AWS does: a missing one before anything else, one
 * that is not an ARN at all is refused by authorization (AccessDeniedException), one that is not a
 * table's ARN after the member constraints, and then an empty list of tags or keys.
 */
final class TagRules {

  private static final Pattern ANY_ARN = Pattern.compile(".+:.+:.+:.+:.+:.+/.+");
  private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:.+:\\d+:table/[^/]{3,}");
  /** Who AWS says was refused; local-aws has no identities, so the account's root stands in. */
  static final String CALLER = "arn:aws:iam::" + LocalAws.ACCOUNT + ":root";

  private TagRules() {}

  static Rules arnFirst(String operation) {
    return body -> {
      JsonNode arn = Json.member(body, "ResourceArn");
      if (arn == null) {
        throw DynamoDbException.validation("Invalid TableArn");
      }
      String text = arn.textValue();
      if (!ANY_ARN.matcher(text).matches()) {
        throw new DynamoDbException("com.amazon.coral.service#AccessDeniedException", "User: " + CALLER
            + " is not authorized to perform: dynamodb:" + operation + " on resource: " + (text.isEmpty() ? "*" : text), 400);
      }
    };
  }

  /** After the constraints: a table's ARN, then (for tagging and untagging) a non-empty list. */
  static Rules tableArnThenNotEmpty(@Nullable String list, @Nullable String emptyMessage) {
    return body -> {
      String arn = Json.text(body, "ResourceArn");
      if (arn != null && !TABLE_ARN.matcher(arn).matches()) {
        throw DynamoDbException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
      }
      JsonNode members = list == null ? null : Json.member(body, list);
      if (members != null && members.isEmpty() && emptyMessage != null) {
        throw DynamoDbException.validation(emptyMessage);
      }
    };
  }
}
