package com.bellyfed.localaws.sqs;

import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * An embedded ElasticMQ on a free loopback port. Queue URLs it hands out point at the edge, so
 * clients never see ElasticMQ's own port.
 */
public final class ElasticMqServer implements AutoCloseable {

  private static final String NO_DELAY = "pekko.http.server.socket-options.tcp-no-delay";

  private final SQSRestServer server;
  private final URI endpoint;

  private ElasticMqServer(SQSRestServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  public static ElasticMqServer start(int edgePort, String region, String account) {
    // Pekko HTTP leaves Nagle's algorithm on; with the clients' delayed ACKs that cost several
    // milliseconds per call on loopback. Read by Pekko when ElasticMQ creates its actor system.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "on");
    }
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withDynamicPort()
            .withServerAddress(new NodeAddress("http", "localhost", edgePort, ""))
            .withAWSRegion(region)
            .withAWSAccountId(account)
            .start();
    int port = server.waitUntilStarted().localAddress().getPort();
    return new ElasticMqServer(server, port);
  }

  /** ElasticMQ's own endpoint, for the edge and for EventBridge deliveries. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
