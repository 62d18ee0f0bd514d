package com.bellyfed.localaws.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;

/**
 * An embedded ElasticMQ on a free loopback port. Queue URLs it hands out point at the edge, so
 * clients never see ElasticMQ's own port. Its queues are also open in-process ({@link #queues()}),
 * for the EventBridge emulator's deliveries.
 */
public final class ElasticMqServer implements AutoCloseable {

  private static final String NO_DELAY = "pekko.http.server.socket-options.tcp-no-delay";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem actorSystem;
  private final SQSRestServer server;
  private final URI endpoint;
  private final ElasticMqQueues queues;

  private ElasticMqServer(ActorSystem actorSystem, SQSRestServer server, int port, ElasticMqQueues queues) {
    this.actorSystem = actorSystem;
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.queues = queues;
  }

  public static ElasticMqServer start(int edgePort, String region, String account) {
    // Pekko HTTP leaves Nagle's algorithm on; with the clients' delayed ACKs that cost several
    // milliseconds per call on loopback. Read by Pekko when the actor system is created.
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "on");
    }
    Limits limits = StrictSQSLimits$.MODULE$;
    // Ours rather than the builder's, so that the queue manager can be reached in-process too.
    // local-aws stops ElasticMQ itself (LocalAws.close, from its own shutdown hook): Pekko's hook would
    // only race it and warn that the JVM is already shutting down.
    Config config =
        ConfigFactory.parseString("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off").withFallback(ConfigFactory.load());
    ActorSystem actorSystem = ActorSystem.create("elasticmq", config);
    try {
      ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), limits, Option.empty()));
      SQSRestServer server =
          SQSRestServerBuilder.withActorSystem(actorSystem)
              .withQueueManagerActor(queueManager)
              .withSQSLimits(limits)
              .withInterface("127.0.0.1")
              .withDynamicPort()
              .withServerAddress(new NodeAddress("http", "localhost", edgePort, ""))
              .withAWSRegion(region)
              .withAWSAccountId(account)
              .start();
      int port = server.waitUntilStarted().localAddress().getPort();
      return new ElasticMqServer(actorSystem, server, port, new ElasticMqQueues(queueManager, limits));
    } catch (RuntimeException e) {
      actorSystem.terminate();
      throw e;
    }
  }

  /** ElasticMQ's own endpoint, for the edge. */
  public URI endpoint() {
    return endpoint;
  }

  /** The queues, in-process. */
  public ElasticMqQueues queues() {
    return queues;
  }

  @Override
  public void close() {
    try {
      server.stopAndWait();
    } finally {
      // The builder leaves an actor system it was given running.
      actorSystem.terminate();
      try {
        actorSystem.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        System.err.println("local-aws: ElasticMQ's actor system did not stop: " + e);
      }
    }
  }
}
