package com.bellyfed.localaws.dynamodb.requests;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Constraint violations collected as AWS collects them: at most ten, answered as one ValidationException. */
final class Violations {

  static final int MAX = 10;

  private final List<String> messages = new ArrayList<>();

  boolean full() {
    return messages.size() >= MAX;
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  /** One violation; {@code value} as AWS renders it, null for a missing member. */
  void add(@Nullable String value, String path, String constraint) {
    if (!full()) {
      messages.add(describe(value, path, constraint));
    }
  }

  void throwIfAny() {
    if (!messages.isEmpty()) {
      throw exception(messages);
    }
  }

  static String describe(@Nullable String value, String path, String constraint) {
    return "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + path + "' failed to satisfy constraint: " + constraint;
  }

  static DynamoDbException exception(List<String> messages) {
    int count = messages.size();
    return DynamoDbException.validation(
        count + " validation error" + (count == 1 ? "" : "s") + " detected: " + String.join("; ", messages));
  }
}
