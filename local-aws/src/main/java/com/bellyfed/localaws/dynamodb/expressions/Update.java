package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Type;
import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;
import java.util.Set;

/** A compiled UpdateExpression or AttributeUpdates. */
public interface Update {

  /**
   * The item after the update, leaving {@code item} untouched. {@code item} is the stored item, or
   * only the key attributes where there is none. Throws a ValidationException (DynamoDbException)
   * with AWS's message where the update cannot apply to this item (a missing operand, a wrong type,
   * an invalid document path).
   */
  Map<String, Value> apply(Map<String, Value> item);

  /** The attributes at the paths this update touched, taken from {@code item}: for ReturnValues UPDATED_OLD and UPDATED_NEW. */
  Map<String, Value> updatedAttributes(Map<String, Value> item);

  /** The top-level attribute names the update writes or removes: key attributes among them are refused. */
  Set<String> topLevelNames();

  /** True when every action is REMOVE or DELETE, which does not create an item that does not exist. */
  boolean onlyRemovesOrDeletes();

  /** The top-level names the update reads or writes through a nested path; refused on key attributes. */
  default Set<String> nestedNames() {
    return Set.of();
  }

  /**
   * For top-level attributes the update writes, the type of the value where it is known before any
   * item is read (a placeholder's type, N for + and -, L for list_append): AWS refuses a wrong type
   * for an index key at once ("Type mismatch for Index Key c Expected: S Actual: N IndexName: i").
   */
  default Map<String, Type> topLevelTypes() {
    return Map.of();
  }
}
