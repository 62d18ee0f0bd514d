package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resolved document path: attribute names and list indexes, placeholders replaced. Held as two
 * arrays so that reading a path from an item allocates nothing.
 */
final class DocumentPath {

  /** The most steps a path may have (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html). */
  static final int MAX_DEPTH = 32;

  private final @Nullable String[] names;
  private final int[] indexes;

  private DocumentPath(@Nullable String[] names, int[] indexes) {
    this.names = names;
    this.indexes = indexes;
  }

  static DocumentPath of(String attribute) {
    return new DocumentPath(new String[] {attribute}, new int[] {-1});
  }

  static Builder builder() {
    return new Builder();
  }

  int size() {
    return names.length;
  }

  String head() {
    return Objects.requireNonNull(names[0]);
  }

  boolean isIndex(int step) {
    return names[step] == null;
  }

  String name(int step) {
    return Objects.requireNonNull(names[step], "not a name step");
  }

  int index(int step) {
    return indexes[step];
  }

  /** The value at this path in {@code item}, or null where any step finds nothing or the wrong type. */
  @Nullable Value resolve(Map<String, Value> item) {
    Value current = item.get(head());
    for (int step = 1; step < names.length && current != null; step++) {
      current = child(current, step);
    }
    return current;
  }

  /** The value one step below {@code parent}, or null. */
  @Nullable Value child(Value parent, int step) {
    if (names[step] == null) {
      if (parent instanceof Value.L list) {
        List<Value> values = list.values();
        int index = indexes[step];
        return index < values.size() ? values.get(index) : null;
      }
      return null;
    }
    return parent instanceof Value.M map ? map.values().get(names[step]) : null;
  }

  /** AWS's rendering in error messages: {@code [a, b, [1], c]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int step = 0; step < names.length; step++) {
      if (step > 0) {
        text.append(", ");
      }
      if (names[step] == null) {
        text.append('[').append(indexes[step]).append(']');
      } else {
        text.append(names[step]);
      }
    }
    return text.append(']').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentPath that && Arrays.equals(names, that.names) && Arrays.equals(indexes, that.indexes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(indexes);
  }

  static final class Builder {
    private final ArrayList<@Nullable String> names = new ArrayList<>();
    private final ArrayList<Integer> indexes = new ArrayList<>();

    Builder name(String name) {
      names.add(name);
      indexes.add(-1);
      return this;
    }

    Builder index(int index) {
      names.add(null);
      indexes.add(index);
      return this;
    }

    DocumentPath build() {
      int[] steps = new int[indexes.size()];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = indexes.get(i);
      }
      return new DocumentPath(names.toArray(new @Nullable String[0]), steps);
    }
  }
}
