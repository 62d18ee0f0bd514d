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
import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's AWS JSON 1.0 protocol on the edge ({@code X-Amz-Target: DynamoDB_20120810.*}): checks
 * each request as AWS does (shape, constraints, the operation's own rules), runs it on the engine,
 * and answers with AWS's headers, including the CRC32 of the body that SDKs verify.
 */
public final class DynamoDbService implements ServiceBackend {

  private static final Logger log = LoggerFactory.getLogger(DynamoDbService.class);
  private static final String AMZ_JSON = "application/x-amz-json-1.0";
  private static final String JSON = "application/json";
  /** AWS refuses a request body above 16 MiB with HTTP 413 before reading it as JSON. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  /** AWS's answer to a request that is not a JSON POST: HTTP 404 with this XML body. */
  private static final byte[] NOT_FOUND_BODY = "<UnknownOperationException/>\n".getBytes(StandardCharsets.UTF_8);
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

  /**
   * Answers as DynamoDB's endpoint does, in its order (observed: dynalite test/connection.js, run
   * against AWS): an oversized body, then a request that is no JSON POST, then a body that is no JSON,
   * then an unknown operation, then the request's own validation.
   */
  @Override
  public AwsResponse handle(AwsRequest request) {
    String operation = request.operation();
    if (request.body().length > MAX_BODY_BYTES) {
      return new AwsResponse(413, Map.of("x-amzn-RequestId", requestId()), new byte[0]);
    }
    String mediaType = mediaType(request.header("Content-Type"));
    if (!"POST".equalsIgnoreCase(request.method())
        || (request.body().length > 0 && !mediaType.equals(JSON) && !mediaType.equals(AMZ_JSON))) {
      return respond(404, mediaType.equals(AMZ_JSON) ? AMZ_JSON : JSON, NOT_FOUND_BODY);
    }
    // AWS answers in the JSON flavour the client used: application/x-amz-json-1.0 as every SDK sends
    // it, application/json otherwise.
    String contentType = mediaType.equals(AMZ_JSON) ? AMZ_JSON : JSON;
    try {
      // A body is read before the operation is looked up: a body that is no JSON is a
      // SerializationException even for an unknown operation.
      JsonNode body = request.body().length == 0 ? null : RequestValidator.parse(request.body());
      if (!RequestValidator.supports(operation)) {
        // AWS's answer carries no message; naming the operation is local-aws's addition, for whoever
        // reads the error of an operation it does not emulate.
        throw DynamoDbException.unknownOperation("local-aws does not emulate DynamoDB operation " + operation + ".");
      }
      if (body == null) {
        body = RequestValidator.parse(request.body());
      }
      RequestValidator.validate(operation, body);
      return respond(200, contentType, dispatch(operation, body));
    } catch (DynamoDbException e) {
      return respond(e.status(), contentType, error(e));
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, never an answer by design: the client still gets AWS's 500 rather than a dropped
      // connection, and a request nested deep enough to exhaust the stack cannot take the worker with it.
      log.warn("DynamoDB {} failed", operation, e);
      return respond(500, contentType, error(DynamoDbException.internal("Internal server error: " + e)));
    }
  }

  /** The media type of a Content-Type header: before any parameters, trimmed, lower case. */
  private static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
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
    if (e.getMessage() != null && !e.getMessage().isEmpty()) {
      out.string(capitalised ? "Message" : "message", e.getMessage());
    }
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

  /** Every answer carries a request id and the CRC32 of its body, which SDKs verify; the edge adds Content-Length. */
  private static AwsResponse respond(int status, String contentType, byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    return new AwsResponse(
        status,
        Map.of("Content-Type", contentType, "x-amzn-RequestId", requestId(), "x-amz-crc32", Long.toString(crc.getValue())),
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
