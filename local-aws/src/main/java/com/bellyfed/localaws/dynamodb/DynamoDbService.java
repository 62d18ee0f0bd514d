package com.bellyfed.localaws.dynamodb;

import com.bellyfed.localaws.dynamodb.engine.Batches;
import com.bellyfed.localaws.dynamodb.engine.Database;
import com.bellyfed.localaws.dynamodb.engine.ItemOperations;
import com.bellyfed.localaws.dynamodb.engine.JsonOut;
import com.bellyfed.localaws.dynamodb.engine.Reads;
import com.bellyfed.localaws.dynamodb.engine.TableOperations;
import com.bellyfed.localaws.dynamodb.engine.Transactions;
import com.bellyfed.localaws.dynamodb.requests.RequestValidator;
import com.bellyfed.localaws.edge.AwsRequest;
import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.ServiceBackend;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's AWS JSON 1.0 protocol on the edge ({@code X-Amz-Target: DynamoDB_20120810.*}): checks
 * each request as AWS does (shape, constraints, the operation's own rules), runs it on the engine,
 * and answers with AWS's headers, including the CRC32 of the body that SDKs verify.
 */
public final class DynamoDbService implements ServiceBackend {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbService.class);
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final char[] REQUEST_ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();

  private final TableOperations tables;
  private final ItemOperations items;
  private final Reads reads;
  private final Batches batches;
  private final Transactions transactions;

  public DynamoDbService(Database database) {
    this.tables = new TableOperations(database);
    this.items = new ItemOperations(database);
    this.reads = new Reads(database);
    this.batches = new Batches(database);
    this.transactions = new Transactions(database);
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    String operation = request.operation();
    try {
      if (!RequestValidator.supports(operation)) {
        throw DynamoDbException.unknownOperation("local-aws does not emulate DynamoDB operation " + operation + ".");
      }
      JsonNode body = RequestValidator.parse(request.body());
      RequestValidator.validate(operation, body);
      return respond(200, dispatch(operation, body));
    } catch (DynamoDbException e) {
      return respond(e.status(), error(e));
    } catch (RuntimeException e) {
      log.warn("DynamoDB {} failed", operation, e);
      return respond(500, error(DynamoDbException.internal("Internal server error: " + e)));
    }
  }

  private byte[] dispatch(String operation, JsonNode body) {
    return switch (operation) {
      case "CreateTable" -> tables.createTable(body);
      case "UpdateTable" -> tables.updateTable(body);
      case "DeleteTable" -> tables.deleteTable(body);
      case "DescribeTable" -> tables.describeTable(body);
      case "ListTables" -> tables.listTables(body);
      case "UpdateTimeToLive" -> tables.updateTimeToLive(body);
      case "DescribeTimeToLive" -> tables.describeTimeToLive(body);
      case "TagResource" -> tables.tagResource(body);
      case "UntagResource" -> tables.untagResource(body);
      case "ListTagsOfResource" -> tables.listTagsOfResource(body);
      case "GetItem" -> items.getItem(body);
      case "PutItem" -> items.putItem(body);
      case "UpdateItem" -> items.updateItem(body);
      case "DeleteItem" -> items.deleteItem(body);
      case "Query" -> reads.query(body);
      case "Scan" -> reads.scan(body);
      case "BatchGetItem" -> batches.batchGetItem(body);
      case "BatchWriteItem" -> batches.batchWriteItem(body);
      case "TransactGetItems" -> transactions.transactGetItems(body);
      case "TransactWriteItems" -> transactions.transactWriteItems(body);
      default -> throw DynamoDbException.unknownOperation("local-aws does not emulate DynamoDB operation " + operation + ".");
    };
  }

  /**
   * AWS's error body: {@code __type} and the message, spelled {@code Message} by the coral service
   * errors and TransactionCanceledException, {@code message} otherwise; the item of a failed condition
   * and a cancelled transaction's reasons where there are any.
   */
  static byte[] error(DynamoDbException e) {
    JsonOut out = new JsonOut().start().string("__type", e.type());
    boolean capitalised = e.capitalisedMessage() || e instanceof DynamoDbException.TransactionCanceled;
    out.string(capitalised ? "Message" : "message", e.getMessage());
    if (e instanceof DynamoDbException.ConditionalCheckFailed failed && failed.item() != null) {
      out.item("Item", failed.item());
    }
    if (e instanceof DynamoDbException.TransactionCanceled cancelled) {
      out.startArray("CancellationReasons");
      for (DynamoDbException.CancellationReason reason : cancelled.reasons()) {
        out.startObject();
        if (reason.item() != null) {
          out.item("Item", reason.item());
        }
        out.string("Code", reason.code());
        if (reason.message() != null) {
          out.string("Message", reason.message());
        }
        out.end();
      }
      out.endArray();
    }
    return out.end().toBytes();
  }

  private static AwsResponse respond(int status, byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return new AwsResponse(
        status,
        Map.of("Content-Type", CONTENT_TYPE, "x-amzn-RequestId", requestId(), "x-amz-crc32", Long.toString(crc.getValue())),
        body);
  }

  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[52];
    for (int i = 0; i < id.length; i++) {
      id[i] = REQUEST_ID_CHARACTERS[random.nextInt(REQUEST_ID_CHARACTERS.length)];
    }
    return new String(id);
  }

}
