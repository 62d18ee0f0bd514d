package com.bellyfed.localaws.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * An embedded DynamoDB Local on a free loopback port: in memory, or in {@code dataDir} so that
 * tables and items survive a restart. One shared database for every access key and region, as
 * services and tools each sign with their own.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  public static DynamoDbLocalServer start(@Nullable Path dataDir) {
    Sqlite4javaNatives.install();
    int port = freePort();
    // Telemetry calls AWS on start-up and hangs where the network is closed (CI, offline laptops).
    List<String> args = new ArrayList<>(List.of("-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
    if (dataDir == null) {
      args.add("-inMemory");
    } else {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create data directory " + dataDir, e);
      }
      args.addAll(List.of("-dbPath", dataDir.toAbsolutePath().toString()));
    }
    try {
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      server.start();
      return new DynamoDbLocalServer(server, port);
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
