package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.KeySchema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The compiled expressions of one request; the key conditions wait for the schema of the table or index read. */
record CompiledRequest(
    @Nullable Condition condition,
    @Nullable Condition filter,
    @Nullable Update update,
    @Nullable Projection projection,
    @Nullable Map<String, LegacyCondition> keyConditions,
    boolean keyConditionExpression)
    implements RequestExpressions {

  @Override
  public KeyCondition keyCondition(KeySchema schema) {
    if (keyConditions == null) {
      throw new IllegalStateException("The request has no key conditions");
    }
    if (keyConditionExpression) {
      KeyConditions.checkCountAgainst(keyConditions, schema);
    }
    return KeyConditions.resolve(keyConditions, schema);
  }
}
