package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The target paths of an update as a tree, applied to an item in one pass. Every list index refers
 * to the list as it was before the update, as AWS applies all actions to the item as it was:
 * elements are replaced or removed in place, and values set past the end of a list are appended in
 * the order of their indexes (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html).
 */
final class UpdateTree {

  /** The new value of one target from the existing one (null where there is none); null to remove it. */
  interface Leaf {
    @Nullable Value apply(int action, @Nullable Value existing);
  }

  private static final class Node {
    private final Map<String, Node> names = new LinkedHashMap<>();
    private final TreeMap<Integer, Node> indexes = new TreeMap<>();
    private int action = -1;
  }

  private final Node root = new Node();

  /** The paths, which neither overlap nor conflict; the leaf for each is told its position in this list. */
  UpdateTree(List<DocumentPath> paths) {
    for (int action = 0; action < paths.size(); action++) {
      DocumentPath path = paths.get(action);
      Node node = root;
      for (int step = 0; step < path.size(); step++) {
        node = path.isIndex(step)
            ? node.indexes.computeIfAbsent(path.index(step), index -> new Node())
            : node.names.computeIfAbsent(path.name(step), name -> new Node());
      }
      node.action = action;
    }
  }

  Map<String, Value> apply(Map<String, Value> item, Leaf leaf) {
    return applyToMap(item, root, leaf);
  }

  private static Map<String, Value> applyToMap(Map<String, Value> source, Node node, Leaf leaf) {
    Map<String, Value> result = new LinkedHashMap<>(source);
    for (Map.Entry<String, Node> entry : node.names.entrySet()) {
      String name = entry.getKey();
      Node child = entry.getValue();
      Value existing = source.get(name);
      Value updated = child.action >= 0 ? leaf.apply(child.action, existing) : applyBelow(existing, child, leaf);
      if (updated == null) {
        result.remove(name);
      } else {
        result.put(name, updated);
      }
    }
    return result;
  }

  private static List<Value> applyToList(List<Value> source, Node node, Leaf leaf) {
    List<Value> result = new ArrayList<>(source.size() + node.indexes.size());
    for (int index = 0; index < source.size(); index++) {
      Node child = node.indexes.get(index);
      Value existing = source.get(index);
      Value updated = child == null ? existing : child.action >= 0 ? leaf.apply(child.action, existing) : applyBelow(existing, child, leaf);
      if (updated != null) {
        result.add(updated);
      }
    }
    for (Node child : node.indexes.tailMap(source.size()).values()) {
      Value appended = leaf.apply(child.action, null);
      if (appended != null) {
        result.add(appended);
      }
    }
    return result;
  }

  // The update checked every target's parent before applying, so below a branch there is a map or a list.
  private static @Nullable Value applyBelow(@Nullable Value existing, Node node, Leaf leaf) {
    if (existing instanceof Value.M map) {
      return new Value.M(applyToMap(map.values(), node, leaf));
    }
    if (existing instanceof Value.L list) {
      return new Value.L(applyToList(list.values(), node, leaf));
    }
    return existing;
  }
}
