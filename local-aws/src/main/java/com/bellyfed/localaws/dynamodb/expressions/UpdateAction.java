package com.bellyfed.localaws.dynamodb.expressions;

import com.bellyfed.localaws.dynamodb.model.Value;
import org.jspecify.annotations.Nullable;

/** One action of an update expression: {@code value} for SET, {@code operand} for ADD and DELETE. */
record UpdateAction(Kind kind, DocumentPath path, @Nullable UpdateValue value, @Nullable Value operand) {

  enum Kind {
    SET,
    REMOVE,
    ADD,
    DELETE
  }
}
