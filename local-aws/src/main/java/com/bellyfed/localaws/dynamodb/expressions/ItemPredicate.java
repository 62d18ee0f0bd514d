package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.Map;

/** A compiled condition tested against an item (empty where there is none). */
interface ItemPredicate {

  boolean test(Map<String, Value> item);
}
