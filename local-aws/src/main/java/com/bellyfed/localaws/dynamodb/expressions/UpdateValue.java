package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import com.bellyfed.localaws.dynamodb.model.Numbers;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The value of one SET action, computed from the item as it was before the update
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html#Expressions.UpdateExpressions.SET).
 */
interface UpdateValue {

  Value evaluate(Map<String, Value> item);

  static DynamoDbException missingAttribute() {
    return DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
  }

  static DynamoDbException incorrectType() {
    return DynamoDbException.validation("An operand in the update expression has an incorrect data type");
  }

  record Constant(Value value) implements UpdateValue {
    @Override
    public Value evaluate(Map<String, Value> item) {
      return value;
    }
  }

  record AtPath(DocumentPath path) implements UpdateValue {
    @Override
    public Value evaluate(Map<String, Value> item) {
      Value value = path.resolve(item);
      if (value == null) {
        throw missingAttribute();
      }
      return value;
    }
  }

  /** {@code a + b} and {@code a - b}: numbers only, kept to 38 significant digits. */
  record Arithmetic(boolean plus, UpdateValue left, UpdateValue right) implements UpdateValue {
    @Override
    public Value evaluate(Map<String, Value> item) {
      BigDecimal a = number(left.evaluate(item));
      BigDecimal b = number(right.evaluate(item));
      BigDecimal result = plus ? a.add(b, Numbers.CONTEXT) : a.subtract(b, Numbers.CONTEXT);
      return new Value.N(Numbers.check(result));
    }

    private static BigDecimal number(Value value) {
      if (value instanceof Value.N number) {
        return number.value();
      }
      throw incorrectType();
    }
  }

  /** {@code if_not_exists(path, value)}: the value at the path where there is one, else the fallback. */
  record IfNotExists(DocumentPath path, UpdateValue fallback) implements UpdateValue {
    @Override
    public Value evaluate(Map<String, Value> item) {
      Value existing = path.resolve(item);
      return existing != null ? existing : fallback.evaluate(item);
    }
  }

  /** {@code list_append(a, b)}: the elements of a, then those of b. */
  record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
    @Override
    public Value evaluate(Map<String, Value> item) {
      Value a = first.evaluate(item);
      if (!(a instanceof Value.L head)) {
        throw incorrectType();
      }
      Value b = second.evaluate(item);
      if (!(b instanceof Value.L tail)) {
        throw incorrectType();
      }
      List<Value> joined = new ArrayList<>(head.values().size() + tail.values().size());
      joined.addAll(head.values());
      joined.addAll(tail.values());
      return new Value.L(joined);
    }
  }
}
