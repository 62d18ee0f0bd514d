package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.expressions.Update;
import com.bellyfed.localaws.dynamodb.model.Sizes;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * UpdateItem's rules around the update itself
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html): key
 * attributes cannot be updated; an update of a missing item starts from its key, except that one made
 * only of REMOVE and DELETE actions creates nothing; the result must still fit in 400 KB and 32 levels.
 */
final class Updates {

  private Updates() {}

  static void checkKeyAttributes(@Nullable Update update, TableMeta meta) {
    if (update == null) {
      return;
    }
    for (String name : update.topLevelNames()) {
      if (meta.keySchema().isKeyAttribute(name)) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Cannot update attribute " + name
                + ". This attribute is part of the key");
      }
    }
    KeyPaths.check(update.nestedNames(), meta);
  }

  /** The item after the update, or {@link Writer#UNCHANGED} where nothing is to be created. */
  static Map<String, Value> apply(
      @Nullable Update update, @Nullable Map<String, Value> current, Map<String, Value> key, TableMeta meta) {
    if (current == null && update != null && update.onlyRemovesOrDeletes()) {
      return Writer.UNCHANGED;
    }
    Map<String, Value> base = current != null ? current : key;
    Map<String, Value> next = update == null ? base : update.apply(base);
    if (Sizes.item(next) > Sizes.MAX_ITEM) {
      throw DynamoDbException.validation("Item size to update has exceeded the maximum allowed size");
    }
    // An update may not nest the item deeper than a put may (32 levels, the attribute itself the
    // first): in a transaction this cancels the Update with a ValidationError reason
    // (paritysuite/dynamodb-conformance tests/tier3/limits/nestingDepth.test.ts, 30 of 33 regions, 2026).
    for (Value value : next.values()) {
      if (Value.levels(value) > MAX_LEVELS) {
        throw DynamoDbException.validation(
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
      }
    }
    KeyValidation.indexKeys(next, meta);
    return next;
  }

  static final int MAX_LEVELS = 32;


  /** What ReturnValues asks UpdateItem to return; null where it returns no Attributes. */
  static @Nullable Map<String, Value> returnValues(String mode, @Nullable Update update, Writer.Outcome outcome) {
    Map<String, Value> attributes =
        switch (mode) {
          case "ALL_OLD" -> outcome.before();
          case "ALL_NEW" -> outcome.after();
          case "UPDATED_OLD" -> outcome.before() == null || update == null ? null : update.updatedAttributes(outcome.before());
          case "UPDATED_NEW" -> outcome.after() == null || update == null ? null : update.updatedAttributes(outcome.after());
          default -> null;
        };
    return attributes == null || attributes.isEmpty() ? null : attributes;
  }
}
