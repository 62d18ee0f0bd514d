package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import com.bellyfed.localaws.dynamodb.model.ValueJson;
import tools.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The legacy AttributeUpdates of UpdateItem: PUT, ADD or DELETE per top-level attribute
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributeUpdates.html).
 */
final class AttributeUpdates implements Update {

  private static final String INVALID = "One or more parameter values were invalid: ";

  enum Action {
    PUT,
    ADD,
    DELETE
  }

  record Entry(String attribute, Action action, @Nullable Value value) {}

  private final List<Entry> entries;
  private final List<DocumentPath> paths;

  private AttributeUpdates(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    List<DocumentPath> targets = new ArrayList<>();
    for (Entry entry : entries) {
      targets.add(DocumentPath.of(entry.attribute()));
    }
    this.paths = List.copyOf(targets);
  }

  /** Reads and checks each update in order: its value, then whether its action may take it. */
  static AttributeUpdates read(JsonNode updates) {
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = updates.properties().iterator(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode update = field.getValue();
      if (!Placeholders.present(update)) {
        continue;
      }
      JsonNode valueNode = update.get("Value");
      Value value = Placeholders.present(valueNode) ? ValueJson.read(valueNode) : null;
      Action action = action(field.getKey(), update.get("Action"));
      if (value == null && action != Action.DELETE) {
        throw DynamoDbException.validation(INVALID + "Only DELETE action is allowed when no attribute value is specified");
      }
      if (value != null && action == Action.DELETE && !value.type().isSet()) {
        throw DynamoDbException.validation(INVALID + "DELETE action with value is not supported for the type " + value.type().name());
      }
      if (value != null && action == Action.ADD && !value.type().isSet() && value.type() != Type.N && value.type() != Type.L) {
        throw DynamoDbException.validation(INVALID + "ADD action is not supported for the type " + value.type().name());
      }
      entries.add(new Entry(field.getKey(), action, value));
    }
    return new AttributeUpdates(entries);
  }

  private static Action action(String attribute, @Nullable JsonNode node) {
    if (!Placeholders.present(node)) {
      return Action.PUT;
    }
    try {
      return Action.valueOf(node.stringValue(null));
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + node.stringValue(null) + "' at 'attributeUpdates."
          + attribute + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, DELETE, PUT]");
    }
  }

  @Override
  public Map<String, Value> apply(Map<String, Value> item) {
    Map<String, Value> result = new LinkedHashMap<>(item);
    for (Entry entry : entries) {
      String attribute = entry.attribute();
      Value existing = result.get(attribute);
      Value value = entry.value();
      switch (entry.action()) {
        case PUT -> result.put(attribute, Objects.requireNonNull(value));
        case ADD -> {
          Value operand = Objects.requireNonNull(value);
          if (existing != null && existing.type() != operand.type()) {
            throw typeMismatch();
          }
          result.put(attribute, existing == null ? operand : CompiledUpdate.add(existing, operand));
        }
        case DELETE -> {
          if (value == null) {
            result.remove(attribute);
          } else if (existing != null) {
            if (existing.type() != value.type()) {
              throw typeMismatch();
            }
            Value rest = CompiledUpdate.delete(existing, value);
            if (rest == null) {
              result.remove(attribute);
            } else {
              result.put(attribute, rest);
            }
          }
        }
      }
    }
    return result;
  }

  private static DynamoDbException typeMismatch() {
    return DynamoDbException.validation("Type mismatch for attribute to update");
  }

  @Override
  public Map<String, Value> updatedAttributes(Map<String, Value> item) {
    return Projector.project(item, paths);
  }

  @Override
  public Set<String> topLevelNames() {
    Set<String> names = new LinkedHashSet<>();
    for (Entry entry : entries) {
      names.add(entry.attribute());
    }
    return Collections.unmodifiableSet(names);
  }

  /** False for no updates at all, which AWS answers by creating the item with its key alone. */
  @Override
  public boolean onlyRemovesOrDeletes() {
    if (entries.isEmpty()) {
      return false;
    }
    for (Entry entry : entries) {
      if (entry.action() != Action.DELETE) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Map<String, Type> topLevelTypes() {
    Map<String, Type> types = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (entry.value() != null) {
        types.put(entry.attribute(), entry.value().type());
      }
    }
    return Collections.unmodifiableMap(types);
  }
}
