package com.bellyfed.localaws.dynamodb.model;

/** The ten DynamoDB data types, by the names of their JSON members. */
public enum Type {
  S,
  N,
  B,
  BOOL,
  NULL,
  SS,
  NS,
  BS,
  L,
  M;

  /** Whether a key attribute may have this type (string, number or binary). */
  public boolean isScalarKeyType() {
    return this == S || this == N || this == B;
  }

  public boolean isSet() {
    return this == SS || this == NS || this == BS;
  }
}
