package com.bellyfed.localaws.dynamodb.engine;

import com.bellyfed.localaws.dynamodb.DynamoDbException;
import tools.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsOfResource on a table named by its ARN, which the request
 * rules have checked for its form and its tags. AWS applies tag changes a little later; here they apply
 * at once, which a client that waits (as it must on AWS) cannot tell.
 */
final class Tagging {

  /** At most 50 tags per table, counted after the request's tags are merged (DDB-TABLE-108). */
  private static final int MAX_TAGS = 50;

  private final Database database;

  Tagging(Database database) {
    this.database = database;
  }

  byte[] tagResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asString(""));
    synchronized (table) {
      Map<String, String> tags = new LinkedHashMap<>(table.meta().tags());
      for (JsonNode tag : request.path("Tags")) {
        tags.put(tag.path("Key").asString(""), tag.path("Value").asString(""));
      }
      if (tags.size() > MAX_TAGS) {
        throw DynamoDbException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
      }
      database.declare(table, table.meta().withTags(tags));
    }
    return new JsonOut().start().end().toBytes();
  }

  byte[] untagResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asString(""));
    synchronized (table) {
      Map<String, String> tags = new LinkedHashMap<>(table.meta().tags());
      request.path("TagKeys").forEach(key -> tags.remove(key.asString("")));
      database.declare(table, table.meta().withTags(tags));
    }
    return new JsonOut().start().end().toBytes();
  }

  byte[] listTagsOfResource(JsonNode request) {
    Table table = byArn(request.path("ResourceArn").asString(""));
    JsonOut out = new JsonOut().start().startArray("Tags");
    table.meta().tags().forEach((key, value) -> out.startObject().string("Key", key).string("Value", value).end());
    return out.endArray().end().toBytes();
  }

  /**
   * The table a table ARN names. The tables are shared by every account and region that signs
   * requests, so the name alone decides. AWS's message names the ARN (observed 2026: ack-api-quirks
   * dynamodb DDB-TABLE-070, ExtendDB pull request 227; dynalite saw it misspelt "ResourcArn" before).
   */
  private Table byArn(String arn) {
    return database.find(arn).orElseThrow(() ->
        DynamoDbException.resourceNotFound("Requested resource not found: ResourceArn: " + arn + " not found"));
  }
}
