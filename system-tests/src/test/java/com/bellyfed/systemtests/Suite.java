package com.bellyfed.systemtests;

import static org.awaitility.Awaitility.await;

import com.bellyfed.testing.HttpApi;
import com.bellyfed.testing.processes.LocalAwsAccess;
import com.bellyfed.testing.processes.LocalAwsProcess;
import com.bellyfed.testing.processes.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * local-aws and the four services as real processes, started once per test JVM ({@link SystemTest}) and
 * killed at its end, even when the JVM ends otherwise (a shutdown hook). The tests reach them only over
 * HTTP and through AWS SDK clients against local-aws's edge.
 */
public final class Suite implements AutoCloseable {

  /** The dev topology's names (local-aws provisions {@code --env dev}). */
  static final String ENV = "dev";

  // Small heaps, C1 only and the serial collector: five JVMs share two cores with the build, and these tests
  // measure behaviour, not speed; C1 halves a Spring Boot start-up here.
  private static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final List<String> SERVICE_SETTINGS = List.of(
      // The services refuse to start without a cursor secret; deployments set their own.
      "--bellyfed.paging.cursor-secret=system-tests-only-cursor-secret-0123456789",
      // A failing message is received again after 1 s, 2 s, then dead-lettered (3 receives): seconds, not the default's minute.
      "--bellyfed.events.consumer.first-backoff=1s");

  // Shared with the kill hook: a local-aws restarted by a drill replaces the one it killed.
  private final AtomicReference<LocalAwsProcess> localAws;
  private final List<ServiceProcess> services;
  private final Clients clients;
  private final Users users;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Suite(AtomicReference<LocalAwsProcess> localAws, List<ServiceProcess> services) {
    this.localAws = localAws;
    this.services = services;
    this.clients = new Clients(localAws.get().endpoint());
    this.users = new Users(clients.cognito(), localAws.get().endpoint(), localAws.get().access());
  }

  /**
   * Starts local-aws, then the four services at once; returns when all are ready. local-aws keeps its DynamoDB tables
   * (and its user pool's signing keys) in a data directory of this run, as a developer's {@code --data-dir} does, so
   * that a drill can restart it and find them again.
   */
  static Suite start() {
    Path logs = Path.of(property("logs"));
    // Shared with the kill hook: a service restarted by a drill replaces its entry, so the hook kills the new process.
    List<ServiceProcess> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicReference<LocalAwsProcess> localAws = new AtomicReference<>(
        LocalAwsProcess.start(localAwsJar(), logs.resolve("local-aws.log"), List.of("--data-dir", dataDir(logs).toString())));
    // From here on, whatever happens, nothing outlives the JVM.
    Thread killAll = new Thread(() -> {
      started.forEach(ServiceProcess::kill);
      localAws.get().kill();
    }, "system-tests-kill");
    Runtime.getRuntime().addShutdownHook(killAll);
    try {
      long begun = System.nanoTime();
      localAws.get().awaitReady(Duration.ofMinutes(2));
      LocalAwsAccess access = localAws.get().access();
      for (String service : List.of("query-service", "write-service", "import-service", "analytics-service")) {
        started.add(ServiceProcess.start(service, jar(service), access, logs.resolve(service + ".log"), SERVICE_JVM, SERVICE_SETTINGS));
      }
      // All at once: one that exits fails the start at once, whichever it is.
      // Bounded generously: on two cores shared with other builds a Spring Boot start was seen taking 2.5 minutes.
      await("the four services ready (logs in " + logs + ")").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(100))
          .until(() -> started.stream().allMatch(ServiceProcess::isReady));
      System.out.printf("system tests: local-aws and four services ready in %d ms, logs in %s%n",
          Duration.ofNanos(System.nanoTime() - begun).toMillis(), logs);
      return new Suite(localAws, started);
    } catch (RuntimeException | Error failed) {
      killAll.run();
      throw failed;
    }
  }

  /** A new, empty directory for local-aws's data beside the logs: every run starts from nothing. */
  private static Path dataDir(Path logs) {
    try {
      Files.createDirectories(logs);
      return Files.createTempDirectory(logs, "local-aws-data-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** local-aws's runnable jar, which its build writes beside the library jar Maven resolves (not attached). */
  private static Path localAwsJar() {
    Path jar = Path.of(property("local-aws-library")).resolveSibling("local-aws-exec.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("local-aws's runnable jar " + jar + " is missing: build with -am, so that local-aws is packaged");
    }
    return jar;
  }

  private static Path jar(String program) {
    Path jar = Path.of(property(program + "-jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(program + "'s jar " + jar + " is missing: build with -am, so that the services are packaged");
    }
    return jar;
  }

  private static String property(String name) {
    String value = System.getProperty("bellyfed.system-tests." + name);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException("system property bellyfed.system-tests." + name + " is not set: run through Maven (failsafe sets it)");
    }
    return value;
  }

  public HttpApi query() {
    return new HttpApi(service("query-service").port());
  }

  /** A caller of query-service, write-service, import-service or analytics-service with an access token. */
  public Caller as(Users.SignedIn user, String service) {
    return new Caller(service(service).port(), () -> "Bearer " + user.accessToken());
  }

  /**
   * A crash and a restart: SIGKILL to the service (nothing of its shutdown runs), then the same jar started again on
   * the same ports; returns at once, the new process not yet ready ({@link ServiceProcess#awaitReady}).
   */
  public ServiceProcess killAndRestart(String name) {
    ServiceProcess old = service(name);
    old.kill();
    ServiceProcess restarted = old.restart(jar(name), localAws.get().access(), SERVICE_JVM, SERVICE_SETTINGS);
    services.set(services.indexOf(old), restarted);
    return restarted;
  }

  public ServiceProcess service(String name) {
    return services.stream().filter(service -> service.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  public LocalAwsProcess localAws() {
    return localAws.get();
  }

  /**
   * A crash of local-aws: SIGKILL, nothing of its shutdown runs. {@link #restartLocalAws()} starts it again; the services
   * are left alone meanwhile, and must find it again by themselves.
   */
  public void killLocalAws() {
    localAws.get().kill();
  }

  /** local-aws started again on the same port with the same data directory; returns at once, not yet ready ({@link LocalAwsProcess#awaitReady}). */
  public LocalAwsProcess restartLocalAws() {
    return localAws.updateAndGet(LocalAwsProcess::restart);
  }

  public HttpApi localAwsAdmin() {
    return new HttpApi(localAws.get().endpoint().getPort());
  }

  public Clients aws() {
    return clients;
  }

  public Users users() {
    return users;
  }

  /** The services first, while local-aws still answers their last calls; then local-aws. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      clients.close();
      services.forEach(ServiceProcess::close);
      localAws.get().close();
    }
  }

  /** AWS SDK v2 clients against local-aws's edge, as any AWS client would be configured for it. */
  public static final class Clients implements AutoCloseable {

    private final CognitoIdentityProviderClient cognito;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final EventBridgeClient events;

    Clients(URI endpoint) {
      this.cognito = configure(CognitoIdentityProviderClient.builder(), endpoint).build();
      this.dynamoDb = configure(DynamoDbClient.builder(), endpoint).build();
      this.sqs = configure(SqsClient.builder(), endpoint).build();
      this.events = configure(EventBridgeClient.builder(), endpoint).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
        B builder, URI endpoint) {
      return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
          .httpClientBuilder(UrlConnectionHttpClient.builder());
    }

    public CognitoIdentityProviderClient cognito() {
      return cognito;
    }

    public DynamoDbClient dynamoDb() {
      return dynamoDb;
    }

    public SqsClient sqs() {
      return sqs;
    }

    public EventBridgeClient events() {
      return events;
    }

    /** A table of the dev topology by its short name, e.g. {@code users}: {@code bellyfed-users-dev} (common-events' {@code Names}). */
    public static String table(String name) {
      return "bellyfed-" + name + "-" + ENV;
    }

    @Override
    public void close() {
      cognito.close();
      dynamoDb.close();
      sqs.close();
      events.close();
    }
  }
}
