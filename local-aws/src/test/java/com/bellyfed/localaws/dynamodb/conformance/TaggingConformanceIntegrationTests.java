package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertNotFound;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * TagResource, UntagResource and ListTagsOfResource on a table's ARN. AWS applies tag changes
 * asynchronously (a change shows in ListTagsOfResource seconds later), so reads after a change are
 * awaited, and every changing case works on a table of its own.
 */
@ConformanceTest
class TaggingConformanceIntegrationTests {

  private static String createdWithTags;
  private static String untagged;
  private static String untaggedArn;
  private static String withIndexArn;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    createdWithTags = tables.create("tags-created", request -> request
        .attributeDefinitions(attribute("pk", S))
        .keySchema(hash("pk"))
        .tags(tag("team", "search"), tag("env", "test")));
    untagged = tables.create("tags-none", false);
    untaggedArn = arn(dynamoDb, untagged);
    String withIndex = tables.create("tags-index", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(gsi("byGk", keysOnly(), hash("gk"))));
    withIndexArn = arn(dynamoDb, withIndex);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // Tags: "A list of key-value pairs to label the table."
  @Test
  void listsTheTagsGivenAtCreation(DynamoDbClient dynamoDb) {
    String arn = arn(dynamoDb, createdWithTags);
    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).isEqualTo(Map.of("team", "search", "env", "test")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html
  // Observed answer: dynalite test/listTagsOfResource.js ({"Tags":[]}).
  @Test
  void listsNoTagsOfAnUntaggedTable(RawDynamoDb raw) {
    RawDynamoDb.Answer answer = raw.call("ListTagsOfResource", "{\"ResourceArn\":\"" + untaggedArn + "\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().toString()).isEqualTo("{\"Tags\":[]}");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
  @Test
  void addsTagsToATable(DynamoDbClient dynamoDb, Tables tables) {
    String arn = arn(dynamoDb, tables.create("tags-add", false));

    dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("owner", "ana"), tag("cost-centre", "42")));

    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).isEqualTo(Map.of("owner", "ana", "cost-centre", "42")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
  // A tag with the key of an existing tag replaces its value.
  @Test
  void overwritesTheValueOfAnExistingKey(DynamoDbClient dynamoDb, Tables tables) {
    String arn = arn(dynamoDb, tables.create("tags-overwrite", false));
    dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("owner", "ana")));
    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).containsEntry("owner", "ana"));

    dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("owner", "bo")));

    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).isEqualTo(Map.of("owner", "bo")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
  // Tag keys and values are case sensitive.
  @Test
  void treatsKeysThatDifferInCaseAsDifferentTags(DynamoDbClient dynamoDb, Tables tables) {
    String arn = arn(dynamoDb, tables.create("tags-case", false));

    dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("Env", "prod"), tag("env", "test")));

    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).isEqualTo(Map.of("Env", "prod", "env", "test")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
  // Removing a key the table does not have is not an error (observed: ScyllaDB test_tag.py, run against AWS).
  @Test
  void removesTagsByKey(DynamoDbClient dynamoDb, Tables tables) {
    String arn = arn(dynamoDb, tables.create("tags-remove", false));
    dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("a", "1"), tag("b", "2"), tag("c", "3")));
    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).hasSize(3));

    dynamoDb.untagResource(request -> request.resourceArn(arn).tagKeys("a", "c", "never-set"));

    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).isEqualTo(Map.of("b", "2")));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
  // Tags: "Required: Yes". Observed text: dynalite test/tagResource.js.
  @Test
  void rejectsTaggingWithoutTags(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(List.of())),
        "Atleast one Tag needs to be provided as Input.");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
  // Observed text: dynalite test/untagResource.js.
  @Test
  void rejectsUntaggingWithoutKeys(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.untagResource(request -> request.resourceArn(untaggedArn).tagKeys(List.of())),
        "Atleast one Tag Key needs to be provided as Input.");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-tagging
  // At most 50 tags per resource.
  @Test
  void rejectsMoreThanFiftyTags(DynamoDbClient dynamoDb) {
    List<Tag> many = IntStream.range(0, 51).mapToObj(i -> tag("key" + i, "value")).toList();
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(many)),
        "Number of Tags exceed the current limit for the provided ResourceArn");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Tag.html
  // Key: "Length Constraints: Minimum length of 1. Maximum length of 128."
  // AWS checks tags itself, not by these model constraints (observed 2026, server side with the client's
  // validation off: ack-api-quirks dynamodb DDB-TABLE-107).
  @Test
  void rejectsATagKeyLongerThan128Characters(DynamoDbClient dynamoDb) {
    String key = "k".repeat(129);
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(tag(key, "v"))),
        "The Tag Key provided is invalid, Key: " + key);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Tag.html
  // Value: "Length Constraints: Minimum length of 0. Maximum length of 256."
  // Observed 2026: ack-api-quirks dynamodb DDB-TABLE-107.
  @Test
  void rejectsATagValueLongerThan256Characters(DynamoDbClient dynamoDb) {
    String value = "v".repeat(257);
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(tag("k", value))),
        "The Tag Value provided is invalid, Value: " + value);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
  // Tag keys and values allow letters, digits, white space and + - = . _ : / @ only.
  // Observed text (2026): ack-api-quirks dynamodb DDB-TABLE-106, -372.
  @Test
  void rejectsATagKeyWithForbiddenCharacters(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(tag("no#hash", "v"))),
        "The Tag Key provided is invalid, Key: no#hash");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
  // The aws: prefix is reserved for AWS and cannot start a user's tag key.
  // Observed text (2026): ack-api-quirks dynamodb DDB-TABLE-105.
  @Test
  void rejectsATagKeyWithTheAwsPrefix(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(untaggedArn).tags(tag("aws:owner", "v"))),
        "Tag Key cannot be prefixed with aws:, Key: aws:owner");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html (ResourceNotFoundException)
  // Observed text (2026, spelt "ResourceArn" now; dynalite saw "ResourcArn"): ack-api-quirks dynamodb
  // DDB-TABLE-070, -104; ExtendDB pull request 227, verified against DynamoDB.
  @Test
  void rejectsTaggingAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String arn = untaggedArn.replace(untagged, tables.name("tags-missing"));
    assertNotFound(
        () -> dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("k", "v"))),
        "Requested resource not found: ResourceArn: " + arn + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ListTagsOfResource.html
  // Observed text (2026): ack-api-quirks dynamodb DDB-TABLE-070.
  @Test
  void rejectsListingTagsOfAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String arn = untaggedArn.replace(untagged, tables.name("tags-missing"));
    assertNotFound(
        () -> dynamoDb.listTagsOfResource(request -> request.resourceArn(arn)),
        "Requested resource not found: ResourceArn: " + arn + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UntagResource.html
  // Observed text (2026: the three tag operations answer alike; dynalite saw a bare "Requested resource not
  // found" for UntagResource): ack-api-quirks dynamodb DDB-TABLE-070, -104.
  @Test
  void rejectsUntaggingAnUnknownTable(DynamoDbClient dynamoDb, Tables tables) {
    String arn = untaggedArn.replace(untagged, tables.name("tags-missing"));
    assertNotFound(
        () -> dynamoDb.untagResource(request -> request.resourceArn(arn).tagKeys("k")),
        "Requested resource not found: ResourceArn: " + arn + " not found");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html
  // ResourceArn: "Identifies the Amazon DynamoDB resource to which tags should be added."
  // Observed 2026 (a ValidationException, no longer dynalite's AccessDeniedException): nubo-db/dynamodb-conformance
  // tests/tier2/tags/basic.test.ts; the text: ack-api-quirks dynamodb DDB-TABLE-071, ScyllaDB test_tag.py.
  @Test
  void rejectsAResourceArnThatIsNoArn(DynamoDbClient dynamoDb) {
    assertValidation(
        () -> dynamoDb.listTagsOfResource(request -> request.resourceArn("not-an-arn")),
        "One or more parameter values were invalid: ARNs must start with 'arn:': not-an-arn");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
  // Tags label tables (and streams); an index is not a taggable resource.
  // Observed text (2026): ScyllaDB test_tag.py test_tag_lsi_gsi; ack-api-quirks dynamodb DDB-TABLE-442.
  @Test
  void rejectsTaggingAnIndexArn(DynamoDbClient dynamoDb) {
    String indexArn = withIndexArn + "/index/byGk";
    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(indexArn).tags(tag("k", "v"))),
        "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is accepted. "
            + "Provided resource arn: " + indexArn);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html (at most 50 tags per resource)
  // Observed 2026: the limit counts the tags after the merge (ack-api-quirks dynamodb DDB-TABLE-108).
  @Test
  void countsTheTagsAfterTheMerge(DynamoDbClient dynamoDb, Tables tables) {
    String arn = arn(dynamoDb, tables.create("tags-merge", false));
    dynamoDb.tagResource(request -> request.resourceArn(arn)
        .tags(IntStream.range(0, 50).mapToObj(i -> tag("k" + i, "v")).toList()));
    Waits.forConsistency().untilAsserted(() -> assertThat(tags(dynamoDb, arn)).hasSize(50));

    assertValidation(
        () -> dynamoDb.tagResource(request -> request.resourceArn(arn).tags(tag("k50", "v"))),
        "Number of Tags exceed the current limit for the provided ResourceArn");
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static String arn(DynamoDbClient dynamoDb, String table) {
    return dynamoDb.describeTable(request -> request.tableName(table)).table().tableArn();
  }

  private static Map<String, String> tags(DynamoDbClient dynamoDb, String arn) {
    return dynamoDb.listTagsOfResource(request -> request.resourceArn(arn)).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }
}
