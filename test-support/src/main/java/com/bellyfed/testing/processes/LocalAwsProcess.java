package com.bellyfed.testing.processes;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * local-aws started from its runnable jar ({@code local-aws-exec.jar}) as a child process, as
 * {@code scripts/run-local.sh} starts it: on a free loopback port, with the build's class-data-sharing
 * archive when there is one beside the jar. Ready when {@code GET /_local-aws/health} answers; its
 * {@code cognito} part names the user pool the services must trust.
 */
public final class LocalAwsProcess implements AutoCloseable {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ChildProcess child;
  private final Path jar;
  private final int port;
  private final List<String> jvmOptions;
  private final List<String> arguments;
  private final AtomicReference<@Nullable LocalAwsAccess> access = new AtomicReference<>();

  private LocalAwsProcess(ChildProcess child, Path jar, int port, List<String> jvmOptions, List<String> arguments) {
    this.child = child;
    this.jar = jar;
    this.port = port;
    this.jvmOptions = jvmOptions;
    this.arguments = arguments;
  }

  /** Starts {@code jar} on a free port with {@code arguments} (e.g. {@code --data-dir DIR}). */
  public static LocalAwsProcess start(Path jar, Path log, List<String> arguments) {
    return start(jar, log, List.of(), arguments);
  }

  /** As {@link #start(Path, Path, List)}, with JVM options (e.g. {@code -Xmx512m}) before the jar's own. */
  public static LocalAwsProcess start(Path jar, Path log, List<String> jvmOptions, List<String> arguments) {
    return start(jar, log, jvmOptions, arguments, ChildProcess.freePort());
  }

  private static LocalAwsProcess start(Path jar, Path log, List<String> options, List<String> arguments, int port) {
    List<String> jvmOptions = new ArrayList<>(options);
    Path archive = jar.resolveSibling(jar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
    if (Files.isRegularFile(archive)) {
      jvmOptions.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    List<String> all = new ArrayList<>(List.of("--port", Integer.toString(port)));
    all.addAll(arguments);
    return new LocalAwsProcess(ChildProcess.startJar("local-aws", jar, log, jvmOptions, all, UnaryOperator.identity()), jar, port, options, arguments);
  }

  /** local-aws started again on the same port with the same arguments, e.g. after {@link #kill()}. */
  public LocalAwsProcess restart() {
    return start(jar, child.log(), jvmOptions, arguments, port);
  }

  /** Waits until the health endpoint answers and names the user pool; returns the time since launch. */
  public Duration awaitReady(Duration timeout) {
    HttpRequest health = HttpRequest.newBuilder(endpoint().resolve("/_local-aws/health")).timeout(Duration.ofSeconds(5)).build();
    await("local-aws ready (log: " + child.log() + ")")
        .atMost(timeout)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(50))
        .failFast("local-aws exited; see " + child.log(), () -> !child.isAlive())
        .ignoreExceptions()
        .until(() -> {
          HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != 200) {
            return false;
          }
          // {"status":"UP",...,"cognito":{"userPoolId":"us-east-1_...","clientId":"...","issuer":"http://localhost:4566/us-east-1_..."}}
          JsonNode cognito = JsonMapper.shared().readTree(answer.body()).path("cognito");
          access.set(new LocalAwsAccess(endpoint(), "us-east-1", cognito.path("issuer").asString(), cognito.path("clientId").asString()));
          return true;
        });
    return child.sinceLaunch();
  }

  /** The edge, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** What a service needs to run against this local-aws; known once {@link #awaitReady} returned. */
  public LocalAwsAccess access() {
    LocalAwsAccess known = access.get();
    if (known == null) {
      throw new IllegalStateException("local-aws is not ready yet");
    }
    return known;
  }

  public ChildProcess process() {
    return child;
  }

  /** SIGKILL, descendants too. */
  public void kill() {
    child.kill();
  }

  @Override
  public void close() {
    child.close();
  }
}
