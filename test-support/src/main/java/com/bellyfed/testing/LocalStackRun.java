package com.bellyfed.testing;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A LocalStack container for a service's {@code *LocalStackIntegrationTests} (profile {@code localstack}),
 * and what a test needs to point SDK clients and the service at it. The service is configured only
 * through {@code spring.cloud.aws.*}, as a deployment would be. Testcontainers is an optional
 * dependency here: a module whose tests use this class declares {@code testcontainers-localstack}.
 */
public final class LocalStackRun implements AutoCloseable {

  private final LocalStackContainer container;
  private final Deque<AutoCloseable> closing = new ArrayDeque<>();

  private LocalStackRun(LocalStackContainer container) {
    this.container = container;
  }

  /**
   * Why the LocalStack tests of this run do not run, or null when they do: they run only with
   * {@code -Plocalstack} and where Docker (or podman's Docker socket) can run the image. A profile
   * that was asked for and cannot run says so in the build's output, not only in the report.
   */
  public static @Nullable String skipReason() {
    if (!Boolean.getBoolean("bellyfed.localstack")) {
      return "LocalStack tests run only with -Plocalstack";
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      String reason = "LocalStack tests skipped: no Docker (or podman Docker socket) is available to run " + image();
      System.err.println(reason);
      return reason;
    }
    return null;
  }

  /** Starts LocalStack with the services the topology uses: DynamoDB, SQS and EventBridge. */
  public static LocalStackRun start() {
    LocalStackContainer container = new LocalStackContainer(image()).withServices("dynamodb", "sqs", "events");
    container.start();
    return new LocalStackRun(container);
  }

  /** An SDK client builder pointed at the container. */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    return builder
        .endpointOverride(container.getEndpoint())
        .region(Region.of(container.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())));
  }

  /** A service's command line: a random port, {@code spring.cloud.aws.*} naming the container, then {@code more}. */
  public String[] serviceArguments(String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.cloud.aws.endpoint=" + container.getEndpoint(),
        "--spring.cloud.aws.region.static=" + container.getRegion(),
        "--spring.cloud.aws.credentials.access-key=" + container.getAccessKey(),
        "--spring.cloud.aws.credentials.secret-key=" + container.getSecretKey()));
    arguments.addAll(List.of(more));
    return arguments.toArray(String[]::new);
  }

  /**
   * A service's command line as a deployment gives it: {@link #serviceArguments}, no local or test profile, so
   * every setting the service requires there is given (the environment dev, whose topology the test provisions;
   * the token issuer and its app client; a cursor secret), and a random management port; then {@code more}.
   * LocalStack's free edition has no Cognito, so the issuer is local-aws's user pool (or, for a test that sends
   * no token, any address: the service reads the issuer's keys only when a token comes).
   */
  public String[] deployedArguments(URI issuer, String clientId, String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--management.server.port=0",
        "--bellyfed.events.environment=dev",
        "--bellyfed.security.issuer-uri=" + issuer,
        "--bellyfed.security.client-ids=" + clientId,
        "--bellyfed.paging.cursor-secret=localstack-only-cursor-secret-0123456789"));
    arguments.addAll(List.of(more));
    return serviceArguments(arguments.toArray(String[]::new));
  }

  /**
   * {@code resource} (the service, an SDK client, the token issuer) again, to be closed when this run closes:
   * the last given first, all before the container stops, so that a test's {@code @AfterAll} closes only the run.
   */
  public <T extends AutoCloseable> T closing(T resource) {
    closing.push(resource);
    return resource;
  }

  @Override
  public void close() {
    IllegalStateException failed = new IllegalStateException("Closing what ran against LocalStack failed");
    for (AutoCloseable resource : closing) {
      try {
        resource.close();
      } catch (Exception e) {
        failed.addSuppressed(e);
      }
    }
    closing.clear();
    container.stop();
    if (failed.getSuppressed().length > 0) {
      throw failed;
    }
  }

  private static String image() {
    return System.getProperty("bellyfed.localstack.image", "localstack/localstack:4");
  }
}
