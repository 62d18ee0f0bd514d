package com.bellyfed.localaws.dynamodb.requests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The operations the engine serves, by name. */
final class Operations {

  private static final Map<String, Operation> BY_NAME = index();

  private Operations() {}

  static @Nullable Operation named(String name) {
    return BY_NAME.get(name);
  }

  static Iterable<Operation> all() {
    return BY_NAME.values();
  }

  private static Map<String, Operation> index() {
    Map<String, Operation> byName = new LinkedHashMap<>();
    for (List<Operation> group : List.of(TableOperations.all(), TagOperations.all(), ItemOperations.all(),
        BatchOperations.all(), TransactionOperations.all())) {
      for (Operation operation : group) {
        byName.put(operation.name(), operation);
      }
    }
    return Map.copyOf(byName);
  }
}
