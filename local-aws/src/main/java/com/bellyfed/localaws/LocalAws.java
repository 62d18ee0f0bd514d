package com.bellyfed.localaws;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.provisioning.ProvisioningReport;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.cloudwatch.CloudWatchAdminHandler;
import com.bellyfed.localaws.cloudwatch.CloudWatchService;
import com.bellyfed.localaws.cognito.CognitoAdminHandler;
import com.bellyfed.localaws.cognito.CognitoService;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import com.bellyfed.localaws.cognito.UserPools;
import com.bellyfed.localaws.cognito.WellKnownHandler;
import com.bellyfed.localaws.dynamodb.DynamoDbService;
import com.bellyfed.localaws.dynamodb.engine.Database;
import com.bellyfed.localaws.dynamodb.engine.JournalLog;
import com.bellyfed.localaws.dynamodb.persistence.FsyncPolicy;
import com.bellyfed.localaws.dynamodb.persistence.Journal;
import com.bellyfed.localaws.dynamodb.persistence.JournalSettings;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.edge.EdgeServer;
import com.bellyfed.localaws.edge.ProxyBackend;
import com.bellyfed.localaws.eventbridge.EventBridgeService;
import com.bellyfed.localaws.faults.FaultAdminHandler;
import com.bellyfed.localaws.faults.FaultInjector;
import com.bellyfed.localaws.sqs.ElasticMqServer;
import com.bellyfed.localaws.sqs.MessageRetention;
import com.bellyfed.localaws.sqs.StoredPurges;
import com.bellyfed.localaws.edge.ServiceBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS (ElasticMQ), DynamoDB (our engine), EventBridge and Cognito user pools (our emulators) on one loopback edge
 * endpoint, with fault injection, and the Bellyfed topology provisioned at start-up.
 */
public final class LocalAws implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalAws.class);

  /** The account id in every ARN and queue URL, as LocalStack uses. */
  public static final String ACCOUNT = "000000000000";

  private final Settings settings;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final FaultInjector faults = new FaultInjector();
  private EdgeServer edge;
  private EventBridgeService eventBridge;
  private URI sqsBackend;
  private Database database;
  private @Nullable ProvisioningReport provisioning;
  private Duration startupTime = Duration.ZERO;
  private volatile boolean ready;
  // Signs local-aws's own requests, which StartupGate lets through while it provisions.
  private final String provisionerAccessKey = "LOCALAWS" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
  private SqsClient sqs;
  private DynamoDbClient dynamoDb;
  private EventBridgeClient events;
  private CognitoIdentityProviderClient cognitoClient;
  private CognitoService cognito;
  private CloudWatchClient cloudWatchClient;
  private CloudWatchService cloudWatch;
  private @Nullable ProvisionedPool userPool;

  /**
   * How to start.
   *
   * @param port the edge port; 0 picks a free one
   * @param dataDir where DynamoDB, SQS and the user pools' keys are kept between runs; in memory when null
   * @param environment the environment whose topology is provisioned
   * @param region the region in ARNs and queue URLs
   * @param provision whether to apply the topology at start-up
   * @param targetRetryBase the first backoff of a failed EventBridge delivery
   * @param ttlSweep how often DynamoDB deletes items whose time to live has passed
   * @param fsync when DynamoDB's writes in {@code dataDir} are forced to disk (see {@link FsyncPolicy})
   */
  public record Settings(
      int port,
      @Nullable Path dataDir,
      Environment environment,
      String region,
      boolean provision,
      Duration targetRetryBase,
      Duration ttlSweep,
      FsyncPolicy fsync) {

    public static Settings defaults() {
      return new Settings(
          4566, null, Environment.DEV, "us-east-1", true, Duration.ofMillis(500), Duration.ofSeconds(1), FsyncPolicy.INTERVAL);
    }

    public Settings withFsync(FsyncPolicy newFsync) {
      return new Settings(port, dataDir, environment, region, provision, targetRetryBase, ttlSweep, newFsync);
    }

    public Settings withTtlSweep(Duration newSweep) {
      return new Settings(port, dataDir, environment, region, provision, targetRetryBase, newSweep, fsync);
    }

    public Settings withPort(int newPort) {
      return new Settings(newPort, dataDir, environment, region, provision, targetRetryBase, ttlSweep, fsync);
    }

    public Settings withDataDir(@Nullable Path newDataDir) {
      return new Settings(port, newDataDir, environment, region, provision, targetRetryBase, ttlSweep, fsync);
    }

    public Settings withEnvironment(Environment newEnvironment) {
      return new Settings(port, dataDir, newEnvironment, region, provision, targetRetryBase, ttlSweep, fsync);
    }

    public Settings withRegion(String newRegion) {
      return new Settings(port, dataDir, environment, newRegion, provision, targetRetryBase, ttlSweep, fsync);
    }

    public Settings withProvision(boolean newProvision) {
      return new Settings(port, dataDir, environment, region, newProvision, targetRetryBase, ttlSweep, fsync);
    }

    public Settings withTargetRetryBase(Duration newBase) {
      return new Settings(port, dataDir, environment, region, provision, newBase, ttlSweep, fsync);
    }
  }

  private LocalAws(Settings settings) {
    this.settings = settings;
  }

  /** Starts every emulator and the edge, then provisions the topology unless told not to. */
  public static LocalAws start(Settings settings) {
    LocalAws localAws = new LocalAws(settings);
    try {
      localAws.startAll();
      return localAws;
    } catch (RuntimeException | IOException e) {
      localAws.close();
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private void startAll() throws IOException {
    long started = System.nanoTime();
    edge = remember(new EdgeServer(settings.port()));
    // ElasticMQ's actor system takes the longest to start; everything else is built meanwhile, the SDK
    // clients included, whose classes take most of the rest of a cold start to load.
    CompletableFuture<ElasticMqServer> sqsStarting =
        CompletableFuture.supplyAsync(() -> ElasticMqServer.start(edge.port(), settings.region(), ACCOUNT, dataPath("sqs")));
    try {
      database = remember(new Database(settings.region(), ACCOUNT, Clock.systemUTC(), settings.ttlSweep()));
      if (settings.dataDir() != null) {
        Journal journal =
            remember(Journal.open(settings.dataDir(), JournalSettings.defaults().withFsync(settings.fsync()), database::replay));
        database.finishRecovery();
        database.writeLog(new JournalLog(journal));
        journal.checkpointAutomatically(database::snapshot);
      }
      DynamoDbService dynamoDbService = new DynamoDbService(database);
      AwsClients clients = new AwsClients(endpoint(), Region.of(settings.region()), provisionerAccessKey);
      sqs = remember(clients.sqs());
      dynamoDb = remember(clients.dynamoDb());
      events = remember(clients.eventBridge());
      cognitoClient = remember(clients.cognito());
      cloudWatchClient = remember(clients.cloudWatch());
      cloudWatch = new CloudWatchService(Clock.systemUTC());
      var elasticMq = remember(join(sqsStarting));
      sqsBackend = elasticMq.endpoint();
      eventBridge =
          remember(new EventBridgeService(settings.region(), ACCOUNT, elasticMq.queues(), settings.targetRetryBase()));
      UserPools pools =
          new UserPools(
              settings.region(), ACCOUNT, endpoint().toString(),
              settings.dataDir() == null ? null : settings.dataDir().resolve("cognito"), Clock.systemUTC());
      cognito = new CognitoService(pools, this::postConfirmation);
      ServiceBackend sqsService = new MessageRetention(remember(new ProxyBackend(elasticMq.endpoint())), dataPath("sqs/retention.properties"));
      edge.backend(AwsService.SQS, elasticMq.persistent() ? new StoredPurges(sqsService, elasticMq) : sqsService)
          .backend(AwsService.DYNAMODB, dynamoDbService)
          .backend(AwsService.EVENTS, eventBridge)
          .backend(AwsService.COGNITO_IDP, cognito)
          .backend(AwsService.CLOUDWATCH, cloudWatch)
          .get(WellKnownHandler.PATH, new WellKnownHandler(pools))
          .filter(new StartupGate(() -> ready, provisionerAccessKey).then(faults))
          .admin("/_local-aws/faults", new FaultAdminHandler(faults))
          .admin("/_local-aws/cognito", new CognitoAdminHandler(cognito, this::defaultClient))
          .admin("/_local-aws/cloudwatch", new CloudWatchAdminHandler(cloudWatch))
          .admin("/_local-aws/health", new HealthHandler(this));
      edge.start();
    } catch (RuntimeException | IOException e) {
      // Whatever failed, ElasticMQ must not be left running unreferenced.
      sqsStarting.thenAccept(ElasticMqServer::close);
      throw e;
    }
    if (settings.provision()) {
      provisioning = new Provisioner(sqs, dynamoDb, events, cognitoClient, false).apply(topology());
      ProvisioningReport.UserPoolIds ids = provisioning.userPool();
      if (ids != null) {
        userPool = new ProvisionedPool(ids.userPoolId(), ids.clientId(), URI.create(cognito.pools().issuer(ids.userPoolId())));
      }
    }
    startupTime = Duration.ofNanos(System.nanoTime() - started);
    ready = true;
  }

  private @Nullable Path dataPath(String relative) {
    return settings.dataDir() == null ? null : settings.dataDir().resolve(relative);
  }

  /**
   * The PostConfirmation trigger of every pool: Cognito's payload as the detail of a
   * {@code PostConfirmation} event on the auth bus, through the same PutEvents as any client's
   * (docs/write-service.md, "User signup"). Without an auth bus (not provisioned) there is nothing to
   * trigger; a failed entry fails the confirmation, as a throwing Lambda does.
   */
  private void postConfirmation(ObjectNode payload) {
    String bus = topology().bus("auth").name();
    if (!eventBridge.hasBus(bus)) {
      log.info("Cognito: no bus {}, so no PostConfirmation event for {}", bus, payload.path("userName").asString(""));
      return;
    }
    ObjectNode request = Json.MAPPER.createObjectNode();
    request.putArray("Entries").addObject()
        .put("EventBusName", bus)
        .put("Source", "bellyfed.auth")
        .put("DetailType", "PostConfirmation")
        .put("Detail", payload.toString());
    JsonNode answer = eventBridge.putEvents(request);
    if (answer.path("FailedEntryCount").asInt() > 0) {
      JsonNode entry = answer.path("Entries").path(0);
      throw new IllegalStateException(entry.path("ErrorCode").asString("") + ": " + entry.path("ErrorMessage").asString(""));
    }
  }

  private CognitoAdminHandler.@Nullable DefaultClient defaultClient() {
    return userPool == null ? null : new CognitoAdminHandler.DefaultClient(userPool.userPoolId(), userPool.clientId());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** True once every emulator runs and the topology is provisioned. */
  public boolean isReady() {
    return ready;
  }


  private <T extends AutoCloseable> T remember(T resource) {
    resources.push(resource);
    return resource;
  }

  /** The edge endpoint, e.g. {@code http://localhost:4566}: set it as {@code AWS_ENDPOINT_URL}. */
  public URI endpoint() {
    return URI.create("http://localhost:" + edge.port());
  }

  public int port() {
    return edge.port();
  }

  public Region region() {
    return Region.of(settings.region());
  }

  public Settings settings() {
    return settings;
  }

  /** The topology of this instance's environment. */
  public Topology topology() {
    return Topology.bellyfed(settings.environment());
  }

  /** What start-up provisioning did; null when provisioning was off. */
  public @Nullable ProvisioningReport provisioningReport() {
    return provisioning;
  }

  public Duration startupTime() {
    return startupTime;
  }

  public FaultInjector faults() {
    return faults;
  }

  /** A shared SQS client of the edge; closed with local-aws. */
  public SqsClient sqs() {
    return sqs;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public EventBridgeClient eventBridge() {
    return events;
  }

  public CognitoIdentityProviderClient cognitoIdentityProvider() {
    return cognitoClient;
  }

  public CloudWatchClient cloudWatchClient() {
    return cloudWatchClient;
  }

  /** The CloudWatch emulator: what PutMetricData received. */
  public CloudWatchService cloudWatch() {
    return cloudWatch;
  }

  /** The Cognito emulator: signed tokens without a password, key rotation, the codes sent. */
  public CognitoService cognito() {
    return cognito;
  }

  /**
   * The environment's user pool and web app client as provisioned at start-up.
   *
   * @throws IllegalStateException when provisioning was off
   */
  public ProvisionedPool userPool() {
    if (userPool == null) {
      throw new IllegalStateException("local-aws started without provisioning: there is no user pool");
    }
    return userPool;
  }

  /** The environment's user pool, or null when provisioning was off. */
  @Nullable ProvisionedPool provisionedPool() {
    return userPool;
  }

  /**
   * Signs a user of the environment's pool in without a password (creating the user, confirmed, and
   * adding them to {@code groups}): the tokens a resource server under test gets from a real sign-in.
   */
  public CognitoService.SignedIn signIn(String username, String... groups) {
    return signIn(username, UnaryOperator.identity(), groups);
  }

  /** As {@link #signIn(String, String...)}, with the access token's claims changed before signing. */
  public CognitoService.SignedIn signIn(String username, UnaryOperator<JWTClaimsSet.Builder> adjustAccess, String... groups) {
    ProvisionedPool pool = userPool();
    return cognito.signIn(pool.userPoolId(), pool.clientId(), username, Arrays.asList(groups), adjustAccess);
  }

  /** ElasticMQ's own endpoint, bypassing the edge and its faults: for baselines in benchmarks. */
  public URI sqsBackendEndpoint() {
    return sqsBackend;
  }


  public Map<String, Long> eventBridgeStats() {
    return eventBridge.stats();
  }

  /** One line per emulated service with its URL. */
  public List<String> describe() {
    String url = endpoint().toString();
    return List.of(
        "SQS          " + url + "  (ElasticMQ; JSON and query protocols; " + (settings.dataDir() == null ? "in memory" : "messages in " + settings.dataDir().resolve("sqs")) + ")",
        "DynamoDB     " + url + "  (local-aws engine, " + (settings.dataDir() == null ? "in memory" : "data in " + settings.dataDir()) + ")",
        "EventBridge  " + url + "  (event-ruler emulator)",
        "Cognito      " + url + "  (user pools" + (userPool == null ? "" : "; issuer " + userPool.issuer() + ", client " + userPool.clientId()) + ")",
        "CloudWatch   " + url + "  (PutMetricData; received at " + url + "/_local-aws/cloudwatch/metrics)",
        "Faults       " + url + "/_local-aws/faults",
        "Health       " + url + "/_local-aws/health");
  }

  @Override
  public void close() {
    // The edge first, so that no request reaches a backend or the journal while they close.
    if (edge != null) {
      try {
        edge.close();
      } catch (RuntimeException e) {
        System.err.println("local-aws: failed to stop the edge: " + e);
      }
    }
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        System.err.println("local-aws: failed to stop a component: " + e);
      }
    }
  }
}
