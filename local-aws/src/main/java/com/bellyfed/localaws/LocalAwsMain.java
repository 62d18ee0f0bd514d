package com.bellyfed.localaws;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.provisioning.Provisioner;
import com.bellyfed.events.provisioning.ProvisioningReport;
import com.bellyfed.events.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code java -jar local-aws-exec.jar [--port 4566] [--data-dir DIR] [--env dev]}, and {@code provision}. */
@Command(
    name = "local-aws",
    mixinStandardHelpOptions = true,
    description = "SQS, DynamoDB, EventBridge and Cognito user pools on one loopback endpoint, with the Bellyfed topology provisioned.",
    subcommands = {LocalAwsMain.Provision.class, TokenCommand.class})
public final class LocalAwsMain implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "4566", description = "Edge port (default ${DEFAULT-VALUE}); 0 picks a free one.")
  int port;

  @Option(names = "--data-dir", description = "Keep DynamoDB tables and items, SQS queues and messages, and the user pools' keys in DIR between runs (default: in memory).")
  Path dataDir;

  @Option(names = "--env", defaultValue = "dev", description = "Environment whose topology to provision: dev, staging, prod.")
  String env;

  @Option(names = "--region", defaultValue = "us-east-1", description = "Region in ARNs and queue URLs.")
  String region;

  @Option(names = "--no-provision", description = "Start empty instead of provisioning the topology.")
  boolean noProvision;

  @Option(
      names = "--stop-when-ready",
      hidden = true,
      description = "Start, print the ready line, and stop: the build's class-data-sharing training run.")
  boolean stopWhenReady;

  @Option(
      names = "--fsync",
      defaultValue = "INTERVAL",
      description = "With --data-dir, when writes are forced to disk: ALWAYS (before each answer: survives power loss),"
          + " INTERVAL (every second: survives a crash of local-aws, may lose the last second on power loss),"
          + " NEVER (at checkpoints and stop). Every write reaches the operating system before it is answered (default ${DEFAULT-VALUE}).")
  com.bellyfed.localaws.dynamodb.persistence.FsyncPolicy fsync;

  @Option(
      names = "--ttl-sweep-interval",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description = "How often DynamoDB deletes items whose time to live has passed, e.g. 500ms, 1s, 1m (default ${DEFAULT-VALUE}).")
  java.time.Duration ttlSweep;

  public static void main(String[] args) {
    // Before any logger exists: our own configuration, which keeps the emulators' chatter at WARN.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "local-aws-logback.xml");
    }
    System.exit(new CommandLine(new LocalAwsMain()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    LocalAws.Settings settings =
        LocalAws.Settings.defaults()
            .withPort(port)
            .withDataDir(dataDir)
            .withEnvironment(Environment.of(env))
            .withRegion(region)
            .withProvision(!noProvision)
            .withTtlSweep(ttlSweep)
            .withFsync(fsync);
    LocalAws localAws = LocalAws.start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("local-aws: stopping");
                  localAws.close();
                  stopped.countDown();
                },
                "local-aws-shutdown"));
    ProvisioningReport report = localAws.provisioningReport();
    if (report != null) {
      System.out.println("Provisioned the " + env + " topology:");
      System.out.println(report.summary().indent(2).stripTrailing());
    }
    localAws.describe().forEach(System.out::println);
    System.out.printf(
        "local-aws ready in %d ms. Point any AWS SDK or CLI at it: AWS_ENDPOINT_URL=%s AWS_REGION=%s"
            + " AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local. Ctrl-C stops.%n",
        localAws.startupTime().toMillis(), localAws.endpoint(), region);
    if (stopWhenReady) {
      return 0;
    }
    stopped.await();
    return 0;
  }

  /** Durations as people write them: 500ms, 2s, 1m, 1h. */
  static final class DurationConverter implements CommandLine.ITypeConverter<java.time.Duration> {
    @Override
    public java.time.Duration convert(String value) {
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(value.trim());
      if (!matcher.matches()) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 500ms, 2s, 1m or 1h");
      }
      long amount = Long.parseLong(matcher.group(1));
      return switch (matcher.group(2)) {
        case "ms" -> java.time.Duration.ofMillis(amount);
        case "s" -> java.time.Duration.ofSeconds(amount);
        case "m" -> java.time.Duration.ofMinutes(amount);
        default -> java.time.Duration.ofHours(amount);
      };
    }
  }

  /** Applies the topology to any endpoint: local-aws, LocalStack or a real AWS account. */
  @Command(
      name = "provision",
      mixinStandardHelpOptions = true,
      description = "Create or update every bus, rule, queue, table and the user pool of the topology; a second run changes nothing.")
  static final class Provision implements Callable<Integer> {

    @Option(names = "--endpoint", description = "Endpoint URL, e.g. http://localhost:4566; omit for AWS itself (default credentials).")
    URI endpoint;

    @Option(names = "--env", defaultValue = "dev", description = "dev, staging or prod.")
    String env;

    @Option(names = "--region", defaultValue = "us-east-1")
    String region;

    @Override
    public Integer call() {
      AwsClients clients = new AwsClients(endpoint, Region.of(region));
      try (SqsClient sqs = clients.sqs();
          DynamoDbClient dynamoDb = clients.dynamoDb();
          EventBridgeClient events = clients.eventBridge();
          CognitoIdentityProviderClient cognito = clients.cognito()) {
        ProvisioningReport report =
            new Provisioner(sqs, dynamoDb, events, cognito, endpoint == null).apply(Topology.bellyfed(Environment.of(env)));
        System.out.println(report.summary());
        return report.conflicts().isEmpty() ? 0 : 1;
      }
    }
  }
}
