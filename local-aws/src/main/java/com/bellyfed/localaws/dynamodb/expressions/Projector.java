package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Copies the values at some paths of an item into a new item of the same shape, as AWS returns a
 * projection: nested paths as nested maps and lists, a list keeping only the elements asked for, in
 * their order in the list. Paths that find nothing leave nothing behind.
 */
final class Projector {

  private Projector() {}

  static Map<String, Value> project(Map<String, Value> item, List<DocumentPath> paths) {
    Branch root = new Branch();
    for (DocumentPath path : paths) {
      Value value = path.resolve(item);
      if (value != null) {
        root.put(path, 0, value);
      }
    }
    return root.toMap();
  }

  /** One map or list of the result; its entries are values or further branches. */
  private static final class Branch {
    private final Map<String, Object> names = new LinkedHashMap<>();
    private final TreeMap<Integer, Object> indexes = new TreeMap<>();

    void put(DocumentPath path, int step, Value value) {
      boolean last = step == path.size() - 1;
      if (path.isIndex(step)) {
        indexes.put(path.index(step), last ? value : branch(indexes.get(path.index(step)), path, step, value));
      } else {
        names.put(path.name(step), last ? value : branch(names.get(path.name(step)), path, step, value));
      }
    }

    private static Branch branch(@Nullable Object existing, DocumentPath path, int step, Value value) {
      Branch branch = existing instanceof Branch b ? b : new Branch();
      branch.put(path, step + 1, value);
      return branch;
    }

    Map<String, Value> toMap() {
      Map<String, Value> map = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : names.entrySet()) {
        map.put(entry.getKey(), toValue(entry.getValue()));
      }
      return map;
    }

    private static Value toValue(Object entry) {
      if (entry instanceof Value value) {
        return value;
      }
      Branch branch = (Branch) entry;
      if (!branch.indexes.isEmpty()) {
        List<Value> list = new ArrayList<>(branch.indexes.size());
        for (Object element : branch.indexes.values()) {
          list.add(toValue(element));
        }
        return new Value.L(list);
      }
      return new Value.M(branch.toMap());
    }
  }
}
