package com.bellyfed.localaws.dynamodb.conformance;

import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertInUse;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidation;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.assertValidationMatching;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.message;
import static com.bellyfed.localaws.dynamodb.conformance.ServiceErrors.validation;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.all;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.attribute;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.capacity;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.gsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.hash;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.include;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.keysOnly;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.lsi;
import static com.bellyfed.localaws.dynamodb.conformance.TableSchemas.range;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.N;
import static software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * CreateTable: the TableDescription it answers with, and every validation rule with AWS's message.
 * Messages AWS documents only by example are the ones dynalite's suite (test/createTable.js, run
 * against AWS) records.
 */
@ConformanceTest
class CreateTableConformanceIntegrationTests {

  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static String onDemandName;
  private static TableDescription onDemand;
  private static TableDescription provisioned;
  private static Instant createdAround;

  @BeforeAll
  static void createTables(DynamoDbClient dynamoDb, Tables tables) {
    createdAround = Instant.now();
    onDemandName = tables.name("createtable-ondemand");
    tables.track(onDemandName);
    onDemand = dynamoDb.createTable(request -> request
            .tableName(onDemandName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("gk", S), attribute("lk", N))
            .keySchema(hash("pk"), range("sk"))
            .globalSecondaryIndexes(
                gsi("byAll", all(), hash("gk"), range("sk")),
                gsi("byKeys", keysOnly(), hash("gk")),
                gsi("byInclude", include("note", "color"), hash("gk"), range("pk")))
            .localSecondaryIndexes(lsi("byLocal", keysOnly(), hash("pk"), range("lk"))))
        .tableDescription();
    String provisionedName = tables.name("createtable-provisioned");
    tables.track(provisionedName);
    provisioned = dynamoDb.createTable(request -> request
            .tableName(provisionedName)
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(capacity(5, 3))
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .keySchema(hash("pk"))
            .globalSecondaryIndexes(gsi("byGk", all(), hash("gk")).toBuilder().provisionedThroughput(capacity(2, 1)).build()))
        .tableDescription();
    // Both must be ACTIVE before the class ends: AWS refuses to delete a table that is still CREATING.
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(onDemandName));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(provisionedName));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "CreateTable is an asynchronous operation. Upon receiving a CreateTable request, DynamoDB immediately
  // returns a response with a TableStatus of CREATING."
  @Test
  void answersWithStatusCreating() {
    assertThat(onDemand.tableStatus()).isEqualTo(TableStatus.CREATING);
    assertThat(onDemand.tableName()).isEqualTo(onDemandName);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
  @Test
  void describesTheRequestedKeySchemaAndAttributeDefinitions() {
    assertThat(onDemand.keySchema()).containsExactly(hash("pk"), range("sk"));
    assertThat(onDemand.attributeDefinitions())
        .containsExactlyInAnyOrder(attribute("pk", S), attribute("sk", S), attribute("gk", S), attribute("lk", N));
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html
  // TableArn, TableId (a UUID), CreationDateTime; ItemCount and TableSizeBytes start at 0.
  @Test
  void describesArnIdCreationTimeAndEmptySize(DynamoDbClient dynamoDb) {
    String region = dynamoDb.serviceClientConfiguration().region().id();
    assertThat(onDemand.tableArn())
        .matches("arn:aws[a-z-]*:dynamodb:" + Pattern.quote(region) + ":\\d{12}:table/" + Pattern.quote(onDemandName));
    assertThat(onDemand.tableId()).matches(UUID);
    assertThat(onDemand.creationDateTime()).isBetween(createdAround.minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofMinutes(5)));
    assertThat(onDemand.itemCount()).isZero();
    assertThat(onDemand.tableSizeBytes()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BillingModeSummary.html
  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughputDescription.html
  // An on-demand table reports PAY_PER_REQUEST and a throughput of 0/0 with no decreases.
  @Test
  void describesOnDemandBillingWithZeroThroughput() {
    assertThat(onDemand.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(onDemand.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(onDemand.provisionedThroughput().writeCapacityUnits()).isZero();
    assertThat(onDemand.provisionedThroughput().numberOfDecreasesToday()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughputDescription.html
  @Test
  void describesProvisionedThroughputOfAProvisionedTable() {
    assertThat(provisioned.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
    assertThat(provisioned.provisionedThroughput().writeCapacityUnits()).isEqualTo(3);
    assertThat(provisioned.provisionedThroughput().numberOfDecreasesToday()).isZero();
    if (provisioned.billingModeSummary() != null) {
      assertThat(provisioned.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    }
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html
  // Each index of a new table is CREATING, with its ARN (the table's ARN + /index/name) and empty counters.
  @ParameterizedTest
  @ValueSource(strings = {"byAll", "byKeys", "byInclude"})
  void describesEachGlobalIndexAsCreatingWithArnAndEmptyCounters(String indexName) {
    GlobalSecondaryIndexDescription index = globalIndex(onDemand, indexName);
    assertThat(index.indexStatus()).isEqualTo(IndexStatus.CREATING);
    assertThat(index.indexArn()).isEqualTo(onDemand.tableArn() + "/index/" + indexName);
    assertThat(index.itemCount()).isZero();
    assertThat(index.indexSizeBytes()).isZero();
    assertThat(index.provisionedThroughput().readCapacityUnits()).isZero();
    assertThat(index.provisionedThroughput().writeCapacityUnits()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  @Test
  void describesGlobalIndexKeysAndProjectionsAsRequested() {
    assertThat(globalIndex(onDemand, "byAll").keySchema()).containsExactly(hash("gk"), range("sk"));
    assertThat(globalIndex(onDemand, "byAll").projection()).isEqualTo(all());
    assertThat(globalIndex(onDemand, "byKeys").keySchema()).containsExactly(hash("gk"));
    assertThat(globalIndex(onDemand, "byKeys").projection()).isEqualTo(keysOnly());
    Projection included = globalIndex(onDemand, "byInclude").projection();
    assertThat(included.projectionType()).isEqualTo(ProjectionType.INCLUDE);
    assertThat(included.nonKeyAttributes()).containsExactlyInAnyOrder("note", "color");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_LocalSecondaryIndexDescription.html
  // A local index has no status and no throughput of its own: it shares the table's.
  @Test
  void describesLocalIndexWithoutStatusOrThroughput() {
    LocalSecondaryIndexDescription index = onDemand.localSecondaryIndexes().get(0);
    assertThat(onDemand.localSecondaryIndexes()).hasSize(1);
    assertThat(index.indexName()).isEqualTo("byLocal");
    assertThat(index.keySchema()).containsExactly(hash("pk"), range("lk"));
    assertThat(index.projection()).isEqualTo(keysOnly());
    assertThat(index.indexArn()).isEqualTo(onDemand.tableArn() + "/index/byLocal");
    assertThat(index.itemCount()).isZero();
    assertThat(index.indexSizeBytes()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndexDescription.html
  @Test
  void describesTheThroughputOfAProvisionedGlobalIndex() {
    GlobalSecondaryIndexDescription index = globalIndex(provisioned, "byGk");
    assertThat(index.provisionedThroughput().readCapacityUnits()).isEqualTo(2);
    assertThat(index.provisionedThroughput().writeCapacityUnits()).isEqualTo(1);
    assertThat(index.provisionedThroughput().numberOfDecreasesToday()).isZero();
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Creating
  @Test
  void becomesActiveWithEveryGlobalIndexActive(DynamoDbClient dynamoDb) {
    Waits.forTableChange().untilAsserted(() -> {
      TableDescription table = dynamoDb.describeTable(request -> request.tableName(onDemandName)).table();
      assertThat(table.tableStatus()).isEqualTo(TableStatus.ACTIVE);
      assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
          .containsOnly(IndexStatus.ACTIVE);
    });
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // BillingMode: PROVISIONED unless the request says otherwise.
  @Test
  void createsAProvisionedTableWhenBillingModeIsOmitted(DynamoDbClient dynamoDb, Tables tables) {
    String name = tables.name("createtable-default");
    tables.track(name);
    TableDescription table = dynamoDb.createTable(request -> request
            .tableName(name)
            .attributeDefinitions(attribute("pk", N))
            .keySchema(hash("pk"))
            .provisionedThroughput(capacity(1, 1)))
        .tableDescription();
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));

    assertThat(table.provisionedThroughput().readCapacityUnits()).isEqualTo(1);
    assertThat(table.provisionedThroughput().writeCapacityUnits()).isEqualTo(1);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // Table names are 3 to 255 characters of a-z, A-Z, 0-9, _ (underscore), - (dash) and . (dot).
  @ParameterizedTest
  @ValueSource(strings = {"a.b", "A_z-0.9", "255"})
  void acceptsNamesWithinTheNamingRules(String shape, DynamoDbClient dynamoDb, Tables tables) {
    String base = tables.name("createtable-long");
    String name = shape.equals("255") ? base + "x".repeat(255 - base.length()) : shape + "-" + tables.name("n");
    tables.track(name);
    dynamoDb.createTable(request -> request
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attribute("pk", S))
        .keySchema(hash("pk")));
    dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));

    assertThat(dynamoDb.describeTable(request -> request.tableName(name)).table().tableName()).isEqualTo(name);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html (ResourceInUseException:
  // "You attempted to recreate an existing table")
  @Test
  void refusesToCreateAnExistingTable(DynamoDbClient dynamoDb) {
    assertInUse(
        () -> dynamoDb.createTable(request -> request
            .tableName(onDemandName)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute("pk", S))
            .keySchema(hash("pk"))),
        "Table already exists: " + onDemandName);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // AWS answers with its constraint messages, no longer dynalite's "TableName must be at least 3 characters
  // long and at most 255 characters long": nubo-db/dynamodb-conformance tests/tier3/error-messages/createTable.test.ts
  // (2 characters, verified against AWS 2026); an empty name fails the pattern too, as an empty backup name
  // does (ack-api-quirks dynamodb DDB-TABLE-457, observed 2026).
  @ParameterizedTest
  @ValueSource(ints = {0, 2, 256})
  void rejectsTableNamesOfTheWrongLength(int length, DynamoDbClient dynamoDb, Tables tables) {
    String name = "t".repeat(length);
    String tooShort = "Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3";
    String expected = switch (length) {
      case 0 -> "2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must satisfy "
          + "regular expression pattern: [a-zA-Z0-9_.-]+; " + tooShort;
      case 2 -> "1 validation error detected: " + tooShort;
      default -> "1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: "
          + "Member must have length less than or equal to 255";
    };
    assertValidation(attempt(dynamoDb, tables, request -> request.tableName(name)), expected);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  @ParameterizedTest
  @ValueSource(strings = {"abc;", "with space", "at@sign"})
  void rejectsTableNamesWithForbiddenCharacters(String name, DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.tableName(name)),
        "1 validation error detected: Value '" + name + "' at 'tableName' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "AttributeDefinitions: An array of attributes that describe the key schema for the table and indexes."
  @Test
  void rejectsAKeyAttributeWithoutDefinition(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions(attribute("other", S)).keySchema(hash("pk"))),
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsMoreKeyElementsThanAttributeDefinitions(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions(attribute("sk", S)).keySchema(hash("pk"), range("sk"))),
        "Invalid KeySchema: Some index key attribute have no definition");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnUnusedAttributeDefinition(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions(attribute("pk", S), attribute("extra", S))),
        "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match "
            + "number of attributes defined in AttributeDefinitions");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // With indexes, AWS names the defined and the used attributes (in an order it does not document).
  @Test
  void rejectsAnUnusedAttributeDefinitionNamingBothSetsWhenIndexesExist(DynamoDbClient dynamoDb, Tables tables) {
    String text = message(validation(attempt(dynamoDb, tables, request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S), attribute("extra", S))
        .globalSecondaryIndexes(gsi("byGk", all(), hash("gk"))))));

    Matcher matcher = Pattern.compile("One or more parameter values were invalid: Some AttributeDefinitions are not used\\. "
        + "AttributeDefinitions: \\[(.*)], keys used: \\[(.*)]").matcher(text);
    assertThat(matcher.matches()).as("message %s", text).isTrue();
    assertThat(names(matcher.group(1))).containsExactlyInAnyOrder("pk", "gk", "extra");
    assertThat(names(matcher.group(2))).containsExactlyInAnyOrder("pk", "gk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnAttributeDefinedTwice(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions(attribute("pk", S), attribute("pk", N))),
        "Attribute Name is duplicated: pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_KeySchemaElement.html
  @Test
  void rejectsTheSameAttributeAsPartitionAndSortKey(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S))
            .keySchema(hash("pk"), range("pk"))),
        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "The first element must have a KeyType of HASH, and the second element must have a KeyType of RANGE."
  @Test
  void rejectsASortKeyListedFirst(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S))
            .keySchema(range("sk"), hash("pk"))),
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsTwoPartitionKeys(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S))
            .keySchema(hash("pk"), hash("sk"))),
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // KeySchema: "Array Members: Minimum number of 1 item. Maximum number of 2 items."
  @Test
  void rejectsAKeySchemaOfThreeElements(DynamoDbClient dynamoDb, Tables tables) {
    assertValidationMatching(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("tk", S))
            .keySchema(hash("pk"), range("sk"), range("tk"))),
        "1 validation error detected: Value '\\[.*]' at 'keySchema' failed to satisfy constraint: "
            + "Member must have length less than or equal to 2");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnEmptyKeySchema(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.keySchema(List.of())),
        "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
            + "Member must have length greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html (AttributeDefinitions: Required: Yes)
  @Test
  void rejectsMissingAttributeDefinitions(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions((List<AttributeDefinition>) null)),
        "1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: "
            + "Member must not be null");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeDefinition.html
  // AttributeType: "Valid Values: S | N | B"; keys are scalars only.
  @ParameterizedTest
  @ValueSource(strings = {"SS", "NS", "BS", "BOOL", "M", "L", "NULL", "s"})
  void rejectsKeyAttributeTypesOtherThanStringNumberAndBinary(String type, DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(type).build())),
        "1 validation error detected: Value '" + type + "' at 'attributeDefinitions.1.member.attributeType' "
            + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "If you set BillingMode as PAY_PER_REQUEST, you cannot specify this property" (ProvisionedThroughput).
  @Test
  void rejectsProvisionedThroughputForAnOnDemandTable(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.provisionedThroughput(capacity(1, 1))),
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
            + "specified when BillingMode is PAY_PER_REQUEST");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "If you set BillingMode as PROVISIONED, you must specify this property" (ProvisionedThroughput).
  @Test
  void rejectsAProvisionedTableWithoutThroughput(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.billingMode(BillingMode.PROVISIONED)),
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
            + "specified when BillingMode is PROVISIONED");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html (default PROVISIONED)
  @Test
  void rejectsATableWithoutBillingModeOrThroughput(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.billingMode((String) null)),
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be "
            + "specified when BillingMode is PROVISIONED");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // BillingMode: "Valid Values: PROVISIONED | PAY_PER_REQUEST"
  @Test
  void rejectsAnUnknownBillingMode(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.billingMode("ON_DEMAND")),
        "1 validation error detected: Value 'ON_DEMAND' at 'billingMode' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughput.html
  // ReadCapacityUnits: "Valid Range: Minimum value of 1."
  @Test
  void rejectsZeroReadCapacity(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(capacity(0, 1))),
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 1");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ProvisionedThroughput.html
  // Observed text: dynalite test/createTable.js.
  @Test
  void rejectsCapacityBeyondTheServiceBound(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(capacity(1_000_000_000_001L, 1_000_000_000_001L))),
        "Given value 1000000000001 for ReadCapacityUnits is out of bounds");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html
  // An index has provisioned throughput settings of its own in PROVISIONED mode only.
  @Test
  void rejectsIndexThroughputForAnOnDemandTable(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", all(), hash("gk")).toBuilder().provisionedThroughput(capacity(1, 1)).build())),
        "One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: "
            + "byGk when BillingMode is PAY_PER_REQUEST");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html
  @Test
  void rejectsAProvisionedTableWhoseIndexHasNoThroughput(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(capacity(1, 1))
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", all(), hash("gk")))),
        "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: byGk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnEmptyListOfGlobalIndexes(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.globalSecondaryIndexes(List.of())),
        "One or more parameter values were invalid: List of GlobalSecondaryIndexes is empty");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnEmptyListOfLocalIndexes(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S))
            .keySchema(hash("pk"), range("sk"))
            .localSecondaryIndexes(List.of())),
        "One or more parameter values were invalid: List of LocalSecondaryIndexes is empty");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  // "IndexName - The name of the global secondary index. Must be unique only for this table."
  @Test
  void rejectsTwoGlobalIndexesOfTheSameName(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("twice", all(), hash("gk")), gsi("twice", keysOnly(), hash("gk")))),
        "One or more parameter values were invalid: Duplicate index name: twice");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsALocalAndAGlobalIndexOfTheSameName(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("gk", S))
            .keySchema(hash("pk"), range("sk"))
            .localSecondaryIndexes(lsi("twice", all(), hash("pk"), range("gk")))
            .globalSecondaryIndexes(gsi("twice", all(), hash("gk")))),
        "One or more parameter values were invalid: Duplicate index name: twice");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes
  // At most 5 local secondary indexes per table; a default quota of 20 global secondary indexes per table.
  @Test
  void rejectsMoreThanTwentyGlobalIndexes(DynamoDbClient dynamoDb, Tables tables) {
    List<GlobalSecondaryIndex> indexes = IntStream.range(0, 21).mapToObj(i -> gsi("index" + i, keysOnly(), hash("gk"))).toList();
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(indexes)),
        "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes
  // "You can project a total of up to 100 attributes into all of a table's local and global secondary
  // indexes [...] If you project the same attribute name into two different indexes, this counts as two
  // distinct attributes". NonKeyAttributes itself holds at most 20 (API_Projection.html). AWS's words as
  // tooling that checks for the limit quotes them ("Number of projected attributes in all indexes exceeds
  // limit of 100"), with the prefix of its sibling index limits.
  @Test
  void rejectsMoreThanAHundredProjectedAttributesAcrossTheIndexes(DynamoDbClient dynamoDb, Tables tables) {
    String[] twenty = IntStream.range(0, 20).mapToObj(i -> "p" + i).toArray(String[]::new);
    List<GlobalSecondaryIndex> indexes = new java.util.ArrayList<>(
        IntStream.range(0, 5).mapToObj(i -> gsi("index" + i, include(twenty), hash("gk"))).toList());
    indexes.add(gsi("onemore", include("p0"), hash("gk")));
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(indexes)),
        "One or more parameter values were invalid: Number of projected attributes in all indexes exceeds limit of 100");
  }

  @Test
  void acceptsAHundredProjectedAttributesAcrossTwentyIndexes(DynamoDbClient dynamoDb, Tables tables) {
    String[] five = IntStream.range(0, 5).mapToObj(i -> "p" + i).toArray(String[]::new);
    String table = tables.create("projected100", request -> request
        .attributeDefinitions(attribute("pk", S), attribute("gk", S))
        .keySchema(hash("pk"))
        .globalSecondaryIndexes(IntStream.range(0, 20).mapToObj(i -> gsi("index" + i, include(five), hash("gk"))).toList()));

    assertThat(dynamoDb.describeTable(request -> request.tableName(table)).table().globalSecondaryIndexes()).hasSize(20);
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes
  @Test
  void rejectsMoreThanFiveLocalIndexes(DynamoDbClient dynamoDb, Tables tables) {
    List<LocalSecondaryIndex> indexes = IntStream.range(0, 6).mapToObj(i -> lsi("index" + i, keysOnly(), hash("pk"), range("lk"))).toList();
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("lk", S))
            .keySchema(hash("pk"), range("sk"))
            .localSecondaryIndexes(indexes)),
        "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html
  // A local secondary index has the same partition key as the base table and a different sort key.
  @Test
  void rejectsALocalIndexOnATableWithoutSortKey(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("lk", S))
            .localSecondaryIndexes(lsi("byLk", all(), hash("pk"), range("lk")))),
        "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required "
            + "when specifying a LocalSecondaryIndex");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html
  @Test
  void rejectsALocalIndexWithAnotherPartitionKey(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S), attribute("lk", S))
            .keySchema(hash("pk"), range("sk"))
            .localSecondaryIndexes(lsi("byLk", all(), hash("lk"), range("sk")))),
        "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as "
            + "table KeySchema for index: byLk. index hash key: lk, table hash key: pk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html
  @Test
  void rejectsALocalIndexWithoutSortKey(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("sk", S))
            .keySchema(hash("pk"), range("sk"))
            .localSecondaryIndexes(lsi("byPk", all(), hash("pk")))),
        "One or more parameter values were invalid: Index KeySchema does not have a range key for index: byPk");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
  @Test
  void rejectsAnIndexKeyWithoutDefinition(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.globalSecondaryIndexes(gsi("byGk", all(), hash("gk")))),
        "One or more parameter values were invalid: Some index key attributes are not defined in "
            + "AttributeDefinitions. Keys: [gk], AttributeDefinitions: [pk]");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // ProjectionType has no default.
  @Test
  void rejectsAProjectionWithoutType(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", Projection.builder().build(), hash("gk")))),
        "One or more parameter values were invalid: Unknown ProjectionType: null");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // NonKeyAttributes are "projected into the index" only for INCLUDE.
  @ParameterizedTest
  @ValueSource(strings = {"ALL", "KEYS_ONLY"})
  void rejectsNonKeyAttributesUnlessTheProjectionIsInclude(String type, DynamoDbClient dynamoDb, Tables tables) {
    Projection projection = Projection.builder().projectionType(type).nonKeyAttributes("note").build();
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", projection, hash("gk")))),
        "One or more parameter values were invalid: ProjectionType is " + type + ", but NonKeyAttributes is specified");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  @Test
  void rejectsAnIncludeProjectionWithoutNonKeyAttributes(DynamoDbClient dynamoDb, Tables tables) {
    Projection projection = Projection.builder().projectionType(ProjectionType.INCLUDE).build();
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", projection, hash("gk")))),
        "One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // Observed text (2026): ack-api-quirks dynamodb DDB-TABLE-126, -442 (one of the projection messages
  // under "One or more parameter values were invalid").
  @Test
  void rejectsADuplicateNonKeyAttribute(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", include("note", "note"), hash("gk")))),
        "One or more parameter values were invalid: Duplicate element in NonKeyAttributes: note");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html (at most 50 tags per resource)
  // Observed 2026: CreateTable checks its tags as TagResource does, and creates nothing when they fail
  // (ack-api-quirks dynamodb DDB-TABLE-110; ScyllaDB test_tag.py test_too_long_tags_from_creation).
  @Test
  void rejectsMoreThanFiftyTags(DynamoDbClient dynamoDb, Tables tables) {
    List<Tag> tags = IntStream.range(0, 51).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
    assertValidation(
        attempt(dynamoDb, tables, request -> request.tags(tags)),
        "Number of Tags exceed the current limit for the provided ResourceArn");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html (the aws: prefix is reserved)
  // Observed 2026: ack-api-quirks dynamodb DDB-TABLE-110.
  @Test
  void rejectsATagKeyWithTheAwsPrefix(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request.tags(Tag.builder().key("aws:foo").value("v").build())),
        "Tag Key cannot be prefixed with aws:, Key: aws:foo");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  // NonKeyAttributes: "Array Members: Minimum number of 1 item. Maximum number of 20 items."
  @Test
  void rejectsMoreThanTwentyNonKeyAttributes(DynamoDbClient dynamoDb, Tables tables) {
    String[] attributes = IntStream.range(0, 21).mapToObj(i -> "a" + i).toArray(String[]::new);
    assertValidationMatching(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", include(attributes), hash("gk")))),
        "1 validation error detected: Value '\\[.*]' at 'globalSecondaryIndexes\\.1\\.member\\.projection\\.nonKeyAttributes' "
            + "failed to satisfy constraint: Member must have length less than or equal to 20");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Projection.html
  @Test
  void rejectsAnUnknownProjectionType(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", Projection.builder().projectionType("EVERYTHING").build(), hash("gk")))),
        "1 validation error detected: Value 'EVERYTHING' at 'globalSecondaryIndexes.1.member.projection.projectionType' "
            + "failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
  // Index names follow the table-name rules: 3 to 255 characters.
  @Test
  void rejectsAnIndexNameShorterThanThreeCharacters(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("ix", all(), hash("gk")))),
        "1 validation error detected: Value 'ix' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy "
            + "constraint: Member must have length greater than or equal to 3");
  }

  // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GlobalSecondaryIndex.html
  @Test
  void rejectsAGlobalIndexWhoseFirstKeyIsASortKey(DynamoDbClient dynamoDb, Tables tables) {
    assertValidation(
        attempt(dynamoDb, tables, request -> request
            .attributeDefinitions(attribute("pk", S), attribute("gk", S))
            .globalSecondaryIndexes(gsi("byGk", all(), range("gk")))),
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  }

  /**
   * A CreateTable call for a valid on-demand table keyed by {@code pk} (S), altered by {@code change}.
   * Should AWS unexpectedly accept it, the table is deleted with the others.
   */
  private static ThrowingCallable attempt(DynamoDbClient dynamoDb, Tables tables, Consumer<CreateTableRequest.Builder> change) {
    return () -> {
      CreateTableRequest.Builder request = CreateTableRequest.builder()
          .tableName(tables.name("createtable-invalid"))
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attribute("pk", S))
          .keySchema(hash("pk"));
      change.accept(request);
      CreateTableRequest built = request.build();
      // Only a valid name can become a table; tracking others would make the clean-up fail noisily.
      if (built.tableName() != null && built.tableName().matches("[a-zA-Z0-9_.-]{3,255}")) {
        tables.track(built.tableName());
      }
      dynamoDb.createTable(built);
    };
  }

  private static GlobalSecondaryIndexDescription globalIndex(TableDescription table, String name) {
    return table.globalSecondaryIndexes().stream()
        .filter(index -> index.indexName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no global index " + name + " in " + table.globalSecondaryIndexes()));
  }

  private static Set<String> names(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(", ")).collect(Collectors.toCollection(TreeSet::new));
  }
}
