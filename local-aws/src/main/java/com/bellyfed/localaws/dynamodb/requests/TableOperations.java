package com.bellyfed.localaws.dynamodb.requests;

import static com.bellyfed.localaws.dynamodb.requests.Shapes.*;

import java.util.List;

/** The shapes of the table operations, after the AWS API Reference pages of each. */
final class TableOperations {

  private static final Struct ATTRIBUTE_DEFINITION = Struct.of("AttributeDefinition",
      required("AttributeName", KEY_ATTRIBUTE_NAME),
      required("AttributeType", enumOf("B", "N", "S")));
  private static final Struct LOCAL_SECONDARY_INDEX = Struct.of("LocalSecondaryIndex",
      required("IndexName", INDEX_NAME),
      required("KeySchema", KEY_SCHEMA),
      required("Projection", PROJECTION));
  private static final Struct GLOBAL_SECONDARY_INDEX = Struct.of("GlobalSecondaryIndex",
      required("IndexName", INDEX_NAME),
      required("KeySchema", KEY_SCHEMA),
      required("Projection", PROJECTION),
      optional("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
      optional("OnDemandThroughput", ON_DEMAND_THROUGHPUT),
      optional("WarmThroughput", WARM_THROUGHPUT));
  private static final Struct GLOBAL_SECONDARY_INDEX_UPDATE = Struct.of("GlobalSecondaryIndexUpdate",
      optional("Update", Struct.of("UpdateGlobalSecondaryIndexAction",
          required("IndexName", INDEX_NAME),
          optional("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
          optional("OnDemandThroughput", ON_DEMAND_THROUGHPUT),
          optional("WarmThroughput", WARM_THROUGHPUT))),
      optional("Create", Struct.of("CreateGlobalSecondaryIndexAction",
          required("IndexName", INDEX_NAME),
          required("KeySchema", KEY_SCHEMA),
          required("Projection", PROJECTION),
          optional("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
          optional("OnDemandThroughput", ON_DEMAND_THROUGHPUT),
          optional("WarmThroughput", WARM_THROUGHPUT))),
      optional("Delete", Struct.of("DeleteGlobalSecondaryIndexAction",
          required("IndexName", INDEX_NAME))));

  private TableOperations() {}

  static List<Operation> all() {
    return List.of(
        Operation.of("CreateTable", Struct.of("CreateTableInput",
            required("AttributeDefinitions", list(ATTRIBUTE_DEFINITION, null, null)),
            // A table is created by name, not ARN: AWS checks the name's rules with the other members.
            required("TableName", TABLE_NAME),
            required("KeySchema", KEY_SCHEMA),
            optional("LocalSecondaryIndexes", list(LOCAL_SECONDARY_INDEX, null, null)),
            optional("GlobalSecondaryIndexes", list(GLOBAL_SECONDARY_INDEX, null, null)),
            optional("BillingMode", BILLING_MODE),
            optional("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
            optional("StreamSpecification", STREAM_SPECIFICATION),
            optional("SSESpecification", SSE_SPECIFICATION),
            optional("Tags", list(TAG, null, null)),
            optional("TableClass", TABLE_CLASS),
            optional("DeletionProtectionEnabled", bool()),
            optional("WarmThroughput", WARM_THROUGHPUT),
            optional("ResourcePolicy", string()),
            optional("OnDemandThroughput", ON_DEMAND_THROUGHPUT)),
            TableNames::required, new CreateTableRules()),
        Operation.of("UpdateTable", Struct.of("UpdateTableInput",
            optional("AttributeDefinitions", list(ATTRIBUTE_DEFINITION, null, null)),
            required("TableName", TABLE_NAME_OR_ARN),
            optional("BillingMode", BILLING_MODE),
            optional("ProvisionedThroughput", PROVISIONED_THROUGHPUT),
            optional("GlobalSecondaryIndexUpdates", list(GLOBAL_SECONDARY_INDEX_UPDATE, null, null)),
            optional("StreamSpecification", STREAM_SPECIFICATION),
            optional("SSESpecification", SSE_SPECIFICATION),
            optional("ReplicaUpdates", list(opaque("ReplicationGroupUpdate"), 1, null)),
            optional("TableClass", TABLE_CLASS),
            optional("DeletionProtectionEnabled", bool()),
            optional("MultiRegionConsistency", enumOf("EVENTUAL", "STRONG")),
            optional("GlobalTableWitnessUpdates", list(opaque("GlobalTableWitnessGroupUpdate"), 1, null)),
            optional("OnDemandThroughput", ON_DEMAND_THROUGHPUT),
            optional("WarmThroughput", WARM_THROUGHPUT)),
            TableNames::required, new UpdateTableRules()),
        Operation.of("DeleteTable", tableNameOnly("DeleteTableInput"), TableNames::required, TableNames::check),
        Operation.of("DescribeTable", tableNameOnly("DescribeTableInput"), TableNames::required, TableNames::check),
        Operation.of("ListTables", Struct.of("ListTablesInput",
            optional("ExclusiveStartTableName", TABLE_NAME),
            optional("Limit", integer(1L, 100L))),
            Rules.NONE, Rules.NONE),
        Operation.of("UpdateTimeToLive", Struct.of("UpdateTimeToLiveInput",
            required("TableName", TABLE_NAME_OR_ARN),
            required("TimeToLiveSpecification", Struct.of("TimeToLiveSpecification",
                required("Enabled", bool()),
                required("AttributeName", KEY_ATTRIBUTE_NAME)))),
            TableNames::required, TableNames::check),
        Operation.of("DescribeTimeToLive", tableNameOnly("DescribeTimeToLiveInput"), TableNames::required, TableNames::check));
  }

  private static Struct tableNameOnly(String name) {
    return Struct.of(name, required("TableName", TABLE_NAME_OR_ARN));
  }
}
