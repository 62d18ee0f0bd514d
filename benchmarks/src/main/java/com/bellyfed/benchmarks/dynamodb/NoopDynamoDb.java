package com.bellyfed.benchmarks.dynamodb;

import com.bellyfed.localaws.edge.AwsResponse;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.edge.EdgeServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The edge's own ceiling: an edge server whose DynamoDB backend answers every request with a fixed
 * body of the right shape and does no work. The same clients and request bodies as the measured
 * phases, so the ratio of a phase to this tells how much of the cost is the engine's.
 */
public final class NoopDynamoDb implements AutoCloseable {

  private final EdgeServer edge;

  public NoopDynamoDb(String itemJson) throws IOException {
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] batch = "{\"UnprocessedItems\":{}}".getBytes(StandardCharsets.UTF_8);
    byte[] item = ("{\"Item\":" + itemJson + "}").getBytes(StandardCharsets.UTF_8);
    edge = new EdgeServer(0);
    edge.backend(AwsService.DYNAMODB, request -> {
      byte[] body = switch (request.operation()) {
        case "GetItem" -> item;
        case "BatchWriteItem" -> batch;
        default -> empty;
      };
      CRC32 crc = new CRC32();
      crc.update(body);
      return new AwsResponse(200, Map.of("Content-Type", "application/x-amz-json-1.0", "x-amz-crc32", Long.toString(crc.getValue())), body);
    });
    edge.start();
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + edge.port());
  }

  @Override
  public void close() {
    edge.close();
  }
}
