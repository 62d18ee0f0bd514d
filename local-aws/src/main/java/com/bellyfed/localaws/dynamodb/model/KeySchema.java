package com.bellyfed.localaws.dynamodb.model;

import org.jspecify.annotations.Nullable;

/** The key of a table or index: partition key name and type, and the sort key's when there is one. */
public record KeySchema(String partitionName, Type partitionType, @Nullable String sortName, @Nullable Type sortType) {

  public boolean hasSortKey() {
    return sortName != null;
  }

  public boolean isKeyAttribute(String name) {
    return name.equals(partitionName) || name.equals(sortName);
  }
}
