package com.bellyfed.localaws.dynamodb.conformance;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Short spellings of the SDK's table-definition builders, so that a test shows its schema at a glance. */
final class TableSchemas {

  private TableSchemas() {}

  static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  static KeySchemaElement range(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
  }

  static Projection all() {
    return Projection.builder().projectionType(ProjectionType.ALL).build();
  }

  static Projection keysOnly() {
    return Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
  }

  static Projection include(String... nonKeyAttributes) {
    return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(nonKeyAttributes).build();
  }

  static ProvisionedThroughput capacity(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  static GlobalSecondaryIndex gsi(String name, Projection projection, KeySchemaElement... keys) {
    return GlobalSecondaryIndex.builder().indexName(name).projection(projection).keySchema(List.of(keys)).build();
  }

  static LocalSecondaryIndex lsi(String name, Projection projection, KeySchemaElement... keys) {
    return LocalSecondaryIndex.builder().indexName(name).projection(projection).keySchema(List.of(keys)).build();
  }
}
