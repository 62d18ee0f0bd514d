package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.provisioning.ProvisioningReport;
import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.TableDefinition.Index;
import com.bellyfed.events.topology.TableDefinition.Key;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.junit.LocalAwsTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The DynamoDB engine through the edge: the provisioned tables, GSIs, TTL, idempotent provisioning and --data-dir. */
@LocalAwsTest
class DynamoDbIntegrationTests {

  @Test
  void provisionsEveryTableOfTheTopologyWithItsKeySchema(DynamoDbClient dynamoDb, Topology topology) {
    Set<String> existing = new HashSet<>();
    dynamoDb.listTablesPaginator(request -> request.limit(100)).tableNames().forEach(existing::add);

    assertThat(existing).containsAll(topology.tables().stream().map(TableDefinition::name).toList());
    for (TableDefinition table : topology.tables()) {
      TableDescription actual = describe(dynamoDb, table.name());
      assertThat(actual.tableStatus()).as("status of %s", table.name()).isEqualTo(TableStatus.ACTIVE);
      assertThat(actual.keySchema())
          .as("key schema of %s", table.name())
          .extracting(element -> element.attributeName() + ":" + element.keyType())
          .containsExactlyElementsOf(keySchema(table.partitionKey(), table.sortKey()));
    }
  }

  @Test
  void reviewsTableHasEveryDeclaredGlobalSecondaryIndexActive(DynamoDbClient dynamoDb, Topology topology) {
    TableDefinition reviews = topology.table("reviews");
    assertThat(reviews.indexes()).isNotEmpty();

    List<GlobalSecondaryIndexDescription> indexes = describe(dynamoDb, reviews.name()).globalSecondaryIndexes();

    assertThat(indexes)
        .extracting(GlobalSecondaryIndexDescription::indexName)
        .containsExactlyInAnyOrderElementsOf(reviews.indexes().stream().map(Index::name).toList());
    for (Index declared : reviews.indexes()) {
      GlobalSecondaryIndexDescription actual =
          indexes.stream().filter(index -> index.indexName().equals(declared.name())).findFirst().orElseThrow();
      assertThat(actual.indexStatus()).as("status of %s", declared.name()).isEqualTo(IndexStatus.ACTIVE);
      assertThat(actual.keySchema())
          .as("key schema of %s", declared.name())
          .extracting(element -> element.attributeName() + ":" + element.keyType())
          .containsExactlyElementsOf(keySchema(declared.partitionKey(), declared.sortKey()));
    }
  }

  @Test
  void processedEventsTableExpiresItemsByExpiresAt(DynamoDbClient dynamoDb, Topology topology) {
    TableDefinition processedEvents = topology.table("processed-events");

    TimeToLiveDescription ttl =
        dynamoDb.describeTimeToLive(request -> request.tableName(processedEvents.name())).timeToLiveDescription();

    assertThat(processedEvents.ttlAttribute()).isEqualTo("expiresAt");
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
  }

  @Test
  void everyTableDeclaringTtlHasItEnabledOnItsAttribute(DynamoDbClient dynamoDb, Topology topology) {
    List<TableDefinition> withTtl = topology.tables().stream().filter(table -> table.ttlAttribute() != null).toList();
    assertThat(withTtl).isNotEmpty();

    for (TableDefinition table : withTtl) {
      TimeToLiveDescription ttl =
          dynamoDb.describeTimeToLive(request -> request.tableName(table.name())).timeToLiveDescription();
      assertThat(ttl.timeToLiveStatus()).as("TTL of %s", table.name()).isEqualTo(TimeToLiveStatus.ENABLED);
      assertThat(ttl.attributeName()).as("TTL attribute of %s", table.name()).isEqualTo(table.ttlAttribute());
    }
  }

  @Test
  void putsGetsAndQueriesReviewsByUserThroughGlobalSecondaryIndex(DynamoDbClient dynamoDb, Topology topology) {
    TableDefinition reviews = topology.table("reviews");
    Index byUser = indexWithPartitionKey(reviews, "userId");
    String userId = "it-user-" + UUID.randomUUID();
    List<Map<String, AttributeValue>> written = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, AttributeValue> review =
          Map.of(
              reviews.partitionKey().attribute(), s("it-restaurant-" + UUID.randomUUID()),
              reviews.sortKey().attribute(), s("it-review-" + UUID.randomUUID()),
              byUser.partitionKey().attribute(), s(userId),
              byUser.sortKey().attribute(), s("2024-01-0" + (i + 1) + "T12:00:00Z"),
              "rating", AttributeValue.fromN(Integer.toString(i + 3)),
              "text", s("review " + i));
      dynamoDb.putItem(request -> request.tableName(reviews.name()).item(review));
      written.add(review);
    }

    Map<String, AttributeValue> first = written.get(0);
    Map<String, AttributeValue> fetched =
        dynamoDb.getItem(
                request ->
                    request
                        .tableName(reviews.name())
                        .consistentRead(true)
                        .key(
                            Map.of(
                                reviews.partitionKey().attribute(), first.get(reviews.partitionKey().attribute()),
                                reviews.sortKey().attribute(), first.get(reviews.sortKey().attribute()))))
            .item();
    assertThat(fetched).isEqualTo(first);

    // GSIs are eventually consistent on AWS; wait as a client would have to.
    List<Map<String, AttributeValue>> newestFirst =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    dynamoDb.query(
                            request ->
                                request
                                    .tableName(reviews.name())
                                    .indexName(byUser.name())
                                    .keyConditionExpression("#user = :user")
                                    .expressionAttributeNames(Map.of("#user", byUser.partitionKey().attribute()))
                                    .expressionAttributeValues(Map.of(":user", s(userId)))
                                    .scanIndexForward(false))
                        .items(),
                items -> items.size() == written.size());
    assertThat(newestFirst)
        .extracting(item -> item.get("text").s())
        .containsExactly("review 2", "review 1", "review 0");
    assertThat(newestFirst.get(2)).isEqualTo(first);

    Index byReviewId = indexWithPartitionKey(reviews, reviews.sortKey().attribute());
    List<Map<String, AttributeValue>> byId =
        dynamoDb.query(
                request ->
                    request
                        .tableName(reviews.name())
                        .indexName(byReviewId.name())
                        .keyConditionExpression("#id = :id")
                        .expressionAttributeNames(Map.of("#id", byReviewId.partitionKey().attribute()))
                        .expressionAttributeValues(Map.of(":id", first.get(reviews.sortKey().attribute()))))
            .items();
    assertThat(byId).containsExactly(first);
  }

  @Test
  void rerunningProvisionerReportsNothingChanged(
      SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, Topology topology) {
    ProvisioningReport report = new Provisioner(sqs, dynamoDb, events, false).apply(topology);

    assertThat(report.changes()).isNotEmpty();
    assertThat(report.changedAnything()).as("a second run changed something:%n%s", report.summary()).isFalse();
    assertThat(report.changes())
        .as("changes of a second run")
        .allSatisfy(change -> assertThat(change.action()).as(change.toString()).isEqualTo(Action.UNCHANGED));
  }

  @Test
  void rerunningProvisionerLeavesEveryTableUnchanged(
      SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, Topology topology) {
    ProvisioningReport report = new Provisioner(sqs, dynamoDb, events, false).apply(topology);

    List<Change> tables = tableChanges(report);
    assertThat(tables)
        .extracting(Change::name)
        .containsExactlyInAnyOrderElementsOf(topology.tables().stream().map(TableDefinition::name).toList());
    assertThat(tables).extracting(Change::action).containsOnly(Action.UNCHANGED);
  }

  @Test
  void addsDeclaredGlobalSecondaryIndexMissingFromHandMadeTable(
      SqsClient sqs, DynamoDbClient dynamoDb, EventBridgeClient events, Topology topology) {
    String tableName = "bellyfed-gsitest" + randomLetters(10) + "-" + topology.environment().id();
    Index byOwner = new Index("owner-created-index", Key.string("owner"), Key.string("createdAt"));
    TableDefinition declared = new TableDefinition(tableName, Key.string("id"), null, List.of(byOwner), null);
    dynamoDb.createTable(
        request ->
            request
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    definition -> definition.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(element -> element.attributeName("id").keyType(KeyType.HASH)));
    try {
      dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(tableName));
      assertThat(describe(dynamoDb, tableName).globalSecondaryIndexes()).isEmpty();
      List<TableDefinition> tables = new ArrayList<>(topology.tables());
      tables.add(declared);

      ProvisioningReport report = new Provisioner(sqs, dynamoDb, events, false).apply(topology.withTables(tables));

      assertThat(tableChanges(report))
          .filteredOn(change -> change.name().equals(tableName))
          .singleElement()
          .satisfies(
              change -> {
                assertThat(change.action()).isEqualTo(Action.UPDATED);
                assertThat(change.detail()).contains(byOwner.name());
              });
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(describe(dynamoDb, tableName).globalSecondaryIndexes())
                      .singleElement()
                      .satisfies(
                          index -> {
                            assertThat(index.indexName()).isEqualTo(byOwner.name());
                            assertThat(index.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
                          }));

      // The new index serves queries.
      dynamoDb.putItem(
          request ->
              request
                  .tableName(tableName)
                  .item(Map.of("id", s("item-1"), "owner", s("ana"), "createdAt", s("2024-05-01T00:00:00Z"))));
      List<Map<String, AttributeValue>> owned =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      dynamoDb.query(
                              request ->
                                  request
                                      .tableName(tableName)
                                      .indexName(byOwner.name())
                                      .keyConditionExpression("#owner = :owner")
                                      .expressionAttributeNames(Map.of("#owner", "owner"))
                                      .expressionAttributeValues(Map.of(":owner", s("ana"))))
                          .items(),
                  items -> !items.isEmpty());
      assertThat(owned).extracting(item -> item.get("id").s()).containsExactly("item-1");
    } finally {
      dynamoDb.deleteTable(request -> request.tableName(tableName));
    }
  }

  @Test
  void keepsItemsAndTablesInDataDirAcrossRestarts(@TempDir Path dataDir) {
    LocalAws.Settings settings = LocalAws.Settings.defaults().withPort(0).withDataDir(dataDir).withProvision(true);
    TableDefinition users = Topology.bellyfed(settings.environment()).table("users");
    String key = users.partitionKey().attribute();
    String userId = "it-persisted-" + UUID.randomUUID();
    Map<String, AttributeValue> user = Map.of(key, s(userId), "email", s(userId + "@example.com"));

    try (LocalAws first = LocalAws.start(settings)) {
      assertThat(tableChanges(first.provisioningReport()))
          .extracting(Change::action)
          .containsOnly(Action.CREATED);
      first.dynamoDb().putItem(request -> request.tableName(users.name()).item(user));
    }

    try (LocalAws second = LocalAws.start(settings)) {
      Map<String, AttributeValue> item =
          second.dynamoDb()
              .getItem(request -> request.tableName(users.name()).consistentRead(true).key(Map.of(key, s(userId))))
              .item();
      assertThat(item).isEqualTo(user);

      List<Change> tables = tableChanges(second.provisioningReport());
      assertThat(tables)
          .extracting(Change::name)
          .containsExactlyInAnyOrderElementsOf(second.topology().tables().stream().map(TableDefinition::name).toList());
      assertThat(tables).as(second.provisioningReport().summary()).extracting(Change::action).containsOnly(Action.UNCHANGED);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static TableDescription describe(DynamoDbClient dynamoDb, String table) {
    return dynamoDb.describeTable(request -> request.tableName(table)).table();
  }

  private static List<String> keySchema(Key partitionKey, Key sortKey) {
    List<String> schema = new ArrayList<>();
    schema.add(partitionKey.attribute() + ":" + KeyType.HASH);
    if (sortKey != null) {
      schema.add(sortKey.attribute() + ":" + KeyType.RANGE);
    }
    return schema;
  }

  private static Index indexWithPartitionKey(TableDefinition table, String attribute) {
    return table.indexes().stream()
        .filter(index -> index.partitionKey().attribute().equals(attribute))
        .findFirst()
        .orElseThrow(() -> new AssertionError(table.name() + " declares no index on " + attribute));
  }

  private static List<Change> tableChanges(ProvisioningReport report) {
    assertThat(report).as("provisioning report").isNotNull();
    return report.changes().stream().filter(change -> change.kind().equals("table")).collect(Collectors.toList());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static String randomLetters(int length) {
    StringBuilder letters = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return letters.toString();
  }
}
