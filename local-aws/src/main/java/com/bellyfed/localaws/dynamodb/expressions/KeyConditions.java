package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.KeySchema;
import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Query's key conditions: a KeyConditionExpression is reduced to the form of the legacy
 * KeyConditions, one condition per attribute, and either is then resolved against the key schema of
 * the table or index read
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html).
 */
final class KeyConditions {

  private static final Set<String> NOT_FOR_KEYS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "contains");
  private static final Map<String, LegacyOperator> OPERATORS = Map.of(
      "=", LegacyOperator.EQ, "<", LegacyOperator.LT, "<=", LegacyOperator.LE, ">", LegacyOperator.GT, ">=", LegacyOperator.GE);
  private static final Map<String, String> MIRRORED = Map.of("=", "=", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

  private KeyConditions() {}

  /** Only AND of comparisons, BETWEEN and begins_with, each on one top-level attribute, at most one per attribute. */
  static Map<String, LegacyCondition> fromExpression(Resolved.Node root) {
    Map<String, LegacyCondition> conditions = new LinkedHashMap<>();
    collect(root, conditions);
    return conditions;
  }

  private static void collect(Resolved.Node node, Map<String, LegacyCondition> conditions) {
    if (node instanceof Resolved.Logical logical) {
      if (!logical.and()) {
        throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: OR");
      }
      collect(logical.left(), conditions);
      collect(logical.right(), conditions);
      return;
    }
    if (node instanceof Resolved.Not) {
      throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: NOT");
    }
    Resolved.Leaf leaf = (Resolved.Leaf) node;
    String operator = leaf.operator();
    if (leaf.kind() == Resolved.Kind.IN || operator.equals("<>")) {
      throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
    if (leaf.kind() == Resolved.Kind.FUNCTION && NOT_FOR_KEYS.contains(operator)) {
      throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + operator);
    }
    boolean keyFirst = leaf.kind() == Resolved.Kind.BETWEEN || leaf.kind() == Resolved.Kind.FUNCTION;
    if (keyFirst && !(leaf.operands().get(0) instanceof Resolved.PathOperand)) {
      throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: "
          + (leaf.kind() == Resolved.Kind.BETWEEN ? "BETWEEN" : operator) + " operator must have the key attribute as its first operand");
    }
    String attribute = null;
    int position = 0;
    List<Value> values = new ArrayList<>();
    for (int i = 0; i < leaf.operands().size(); i++) {
      Resolved.Operand operand = leaf.operands().get(i);
      if (operand instanceof Resolved.PathOperand path) {
        if (attribute != null) {
          throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        }
        if (path.path().size() > 1) {
          throw DynamoDbException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        attribute = path.path().head();
        position = i;
      } else if (operand instanceof Resolved.CallOperand) {
        throw DynamoDbException.validation("KeyConditionExpressions cannot contain nested operations");
      } else {
        values.add(((Resolved.ValueOperand) operand).value());
      }
    }
    if (attribute == null) {
      throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    if (conditions.containsKey(attribute)) {
      // Worded as an expression error (paritysuite/dynamodb-conformance
      // tests/tier3/error-messages/queryKeyConditionOperands.test.ts, AWS 2026; dynalite's is older).
      throw Invalid.expression(ContextRules.KEY_CONDITION, "KeyConditionExpressions must only contain one condition per key");
    }
    LegacyOperator legacy = switch (leaf.kind()) {
      case BETWEEN -> LegacyOperator.BETWEEN;
      case FUNCTION -> LegacyOperator.BEGINS_WITH;
      default -> OPERATORS.get(position == 0 ? operator : MIRRORED.get(operator));
    };
    conditions.put(attribute, new LegacyCondition(attribute, legacy, values));
  }

  static void checkCount(Map<String, LegacyCondition> conditions) {
    if (conditions.size() != 1 && conditions.size() != 2) {
      throw DynamoDbException.validation("Conditions can be of length 1 or 2 only");
    }
  }

  /**
   * A KeyConditionExpression of more than two conditions is refused against the schema read, where
   * KeyConditions get the older table-less sentence above (paritysuite/dynamodb-conformance
   * tests/tier3/error-messages/queryKeyConditionOperands.test.ts, AWS 2026; dynalite's test/query.js
   * records the older sentence for both forms, before the table was known).
   */
  static void checkCountAgainst(Map<String, LegacyCondition> conditions, KeySchema schema) {
    int keys = schema.hasSortKey() ? 2 : 1;
    if (conditions.size() > 2) {
      throw DynamoDbException.validation("The number of query conditions (" + conditions.size()
          + ") exceeds the number of key attributes defined in the schema (" + keys + ")");
    }
  }

  /**
   * Checks the conditions against a key schema, key attribute by key attribute as AWS does: the
   * partition key needs an EQ, the sort key at most one indexable condition, values of the key's type.
   */
  static KeyCondition resolve(Map<String, LegacyCondition> conditions, KeySchema schema) {
    LegacyCondition partition = check(conditions, schema, schema.partitionName(), schema.partitionType(), true);
    LegacyCondition sort = schema.sortName() == null
        ? null
        : check(conditions, schema, schema.sortName(), Objects.requireNonNull(schema.sortType()), false);
    if (partition == null) {
      throw DynamoDbException.validation("Query condition missed key schema element: " + schema.partitionName());
    }
    KeyCondition.SortCondition sortCondition = null;
    if (sort != null) {
      List<Value> values = sort.values();
      sortCondition = new KeyCondition.SortCondition(sortOperator(sort.operator()), values.get(0), values.size() > 1 ? values.get(1) : null);
    }
    return new KeyCondition(partition.values().get(0), sortCondition);
  }

  private static @Nullable LegacyCondition check(
      Map<String, LegacyCondition> conditions, KeySchema schema, String name, Type type, boolean partition) {
    if (partition && !schema.hasSortKey() && conditions.size() > 1) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
    LegacyCondition condition = conditions.get(name);
    if (condition == null) {
      if (partition || conditions.size() > 1) {
        throw DynamoDbException.validation("Query condition missed key schema element: " + name);
      }
      return null;
    }
    switch (condition.operator()) {
      case NULL, NOT_NULL, NE, CONTAINS, NOT_CONTAINS, IN ->
          throw DynamoDbException.validation("Attempted conditional constraint is not an indexable operation");
      default -> {
        // indexable
      }
    }
    for (Value value : condition.values()) {
      if (value.type() != type) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
    }
    if (partition && condition.operator() != LegacyOperator.EQ) {
      throw DynamoDbException.validation("Query key condition not supported");
    }
    return condition;
  }

  private static KeyCondition.Operator sortOperator(LegacyOperator operator) {
    return switch (operator) {
      case EQ -> KeyCondition.Operator.EQ;
      case LT -> KeyCondition.Operator.LT;
      case LE -> KeyCondition.Operator.LE;
      case GT -> KeyCondition.Operator.GT;
      case GE -> KeyCondition.Operator.GE;
      case BETWEEN -> KeyCondition.Operator.BETWEEN;
      case BEGINS_WITH -> KeyCondition.Operator.BEGINS_WITH;
      default -> throw new IllegalStateException("Not an indexable operator: " + operator);
    };
  }
}
