package com.bellyfed.events.standins;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * GetItem and PutItem over items in memory, enough for the idempotency guard and the outbox's
 * spill; a put replaces nothing (the guard's and the spill's items are new). Every other call
 * fails, as the SDK interface's defaults do. {@link #goDown} makes every call fail as an outage.
 */
public final class InMemoryDynamoDb implements DynamoDbClient {

  /** An item of a table. */
  public record Item(String table, Map<String, AttributeValue> attributes) {}

  public final List<Item> items = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  public void goDown() {
    down = true;
  }

  public List<Map<String, AttributeValue>> items(String table) {
    return items.stream().filter(item -> item.table().equals(table)).map(Item::attributes).toList();
  }

  @Override
  public GetItemResponse getItem(GetItemRequest request) {
    failWhenDown();
    return items(request.tableName()).stream()
        .filter(item -> request.key().entrySet().stream().allMatch(key -> key.getValue().equals(item.get(key.getKey()))))
        .findFirst()
        .map(item -> GetItemResponse.builder().item(item).build())
        .orElse(GetItemResponse.builder().build());
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    failWhenDown();
    items.add(new Item(request.tableName(), Map.copyOf(request.item())));
    return PutItemResponse.builder().build();
  }

  private void failWhenDown() {
    if (down) {
      throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder().statusCode(503).message("DynamoDB is down").build();
    }
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
