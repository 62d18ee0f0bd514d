package com.bellyfed.localaws.dynamodb.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Tables a conformance test class makes for itself: uniquely named, waited for until ACTIVE as a
 * client of AWS must, and deleted when the class is done (a store value JUnit closes).
 */
public final class Tables implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private final DynamoDbClient dynamoDb;
  private final List<String> created = new ArrayList<>();

  Tables(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  /** A fresh table name, e.g. {@code conformance-putitem-1a2b3c4d}, within AWS's 3-255 [a-zA-Z0-9_.-]. */
  public String name(String purpose) {
    return "conformance-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates an on-demand table keyed by {@code pk} (S), and {@code sk} (S) when {@code withSortKey}. */
  public String create(String purpose, boolean withSortKey) {
    return create(
        purpose,
        request -> {
          List<AttributeDefinition> attributes = new ArrayList<>();
          List<KeySchemaElement> keys = new ArrayList<>();
          attributes.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
          keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
          if (withSortKey) {
            attributes.add(AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build());
            keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
          }
          request.attributeDefinitions(attributes).keySchema(keys);
        });
  }

  /** Creates an on-demand table as {@code request} describes (its name is set here), and waits for it. */
  public String create(String purpose, Consumer<CreateTableRequest.Builder> request) {
    String name = name(purpose);
    CreateTableRequest.Builder builder = CreateTableRequest.builder().billingMode(BillingMode.PAY_PER_REQUEST);
    request.accept(builder);
    builder.tableName(name);
    dynamoDb.createTable(builder.build());
    created.add(name);
    dynamoDb.waiter().waitUntilTableExists(describe -> describe.tableName(name));
    return name;
  }

  /** Remembers a table a test created itself, so that it is deleted with the others. */
  public void track(String name) {
    created.add(name);
  }

  @Override
  public void close() {
    for (String name : created) {
      try {
        dynamoDb.deleteTable(request -> request.tableName(name));
      } catch (ResourceNotFoundException alreadyGone) {
        // The test deleted it itself.
      } catch (RuntimeException e) {
        System.err.println("conformance: could not delete table " + name + ": " + e);
      }
    }
  }
}
