package com.bellyfed.localaws.dynamodb.expressions;

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
}
