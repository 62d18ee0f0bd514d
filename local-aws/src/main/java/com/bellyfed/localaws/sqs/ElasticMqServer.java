package com.bellyfed.localaws.sqs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.Limits;
import org.elasticmq.NodeAddress;
import org.elasticmq.ElasticMQError;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.msg.CreateQueue;
import org.elasticmq.msg.RestoreMessages;
import org.elasticmq.persistence.CreateQueueMetadata;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * An embedded ElasticMQ on a free loopback port. Queue URLs it hands out point at the edge, so
 * clients never see ElasticMQ's own port. Its queues are also open in-process ({@link #queues()}),
 * for the EventBridge emulator's deliveries.
 *
 * <p>Given a directory, it keeps its queues and messages there ({@link QueueStore}) and, at start,
 * creates the stored queues again and puts their messages back before it serves anyone, as
 * elasticmq-server does with its {@code messages-storage}.
 */
public final class ElasticMqServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ElasticMqServer.class);
  private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
  private static final String NO_DELAY = "pekko.http.server.socket-options.tcp-no-delay";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem actorSystem;
  private final SQSRestServer server;
  private final URI endpoint;
  private final ElasticMqQueues queues;
  private final @Nullable Stored stored;

  /** The store of a persistent ElasticMQ and its writer. */
  private record Stored(QueueStore store, QueueStoreWriter writer) {}

  private ElasticMqServer(
      ActorSystem actorSystem, SQSRestServer server, int port, ElasticMqQueues queues, @Nullable Stored stored) {
    this.actorSystem = actorSystem;
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
    this.queues = queues;
    this.stored = stored;
  }

  /** An ElasticMQ in memory. */
  public static ElasticMqServer start(int edgePort, String region, String account) {
    return start(edgePort, region, account, null);
  }

  /**
   * An ElasticMQ that keeps its queues and messages in {@code storeDirectory} (restoring what is
   * there), or in memory when it is null.
   */
  public static ElasticMqServer start(int edgePort, String region, String account, @Nullable Path storeDirectory) {
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
    Stored stored = storeDirectory == null ? null : open(storeDirectory);
    ActorSystem actorSystem = ActorSystem.create("elasticmq", config);
    try {
      Option<ActorRef> listener =
          stored == null ? Option.empty() : Option.apply(actorSystem.actorOf(QueueStoreListener.props(stored.writer())));
      ActorRef queueManager = actorSystem.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), limits, listener));
      if (stored != null) {
        restore(stored, queueManager);
        // Only now: the restore read the store on this thread, and the store is its writer's alone from here on.
        stored.writer().start();
      }
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
      return new ElasticMqServer(actorSystem, server, port, new ElasticMqQueues(queueManager, limits), stored);
    } catch (RuntimeException e) {
      actorSystem.terminate();
      if (stored != null) {
        closeStore(stored);
      }
      throw e;
    }
  }

  private static Stored open(Path directory) {
    try {
      QueueStore store = QueueStore.open(directory);
      return new Stored(store, new QueueStoreWriter(store));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates the stored queues, dead-letter queues first, and puts their messages back as they were:
   * bodies, attributes, ids, receive counts, FIFO groups and deduplication ids, and when each is
   * visible next (a delayed message stays delayed, one in flight stays in flight with its receipt
   * handle until its visibility timeout ends).
   */
  private static void restore(Stored stored, ActorRef queueManager) {
    int queueCount = 0;
    int messageCount = 0;
    try {
      for (CreateQueueMetadata queue : stored.store().queues()) {
        Either<ElasticMQError, ActorRef> created = ask(queueManager, new CreateQueue(queue.toCreateQueueData()));
        if (created.isLeft()) {
          log.error("SQS: could not restore queue {}: {}", queue.name(), created.left().get().message());
          continue;
        }
        List<InternalMessage> messages = stored.store().messages(queue.name(), queue.isFifo());
        stored.writer().submit(new QueueStoreWriter.Restored(queue.name(), messages), null);
        ask(created.right().get(), new RestoreMessages(CollectionConverters.asScala(messages).toList()));
        queueCount++;
        messageCount += messages.size();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("SQS: cannot read the stored queues: " + e.getMessage(), e);
    }
    if (queueCount > 0) {
      log.info("SQS: restored {} queues with {} messages", queueCount, messageCount);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T ask(ActorRef actor, Object message) {
    try {
      return (T) Patterns.ask(actor, message, RESTORE_TIMEOUT).toCompletableFuture()
          .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while restoring SQS", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("SQS: restoring the stored queues failed: " + e, e);
    }
  }

  /**
   * Tells the store that a PurgeQueue of {@code queueName} arrived at {@code arrived}, and waits until
   * the messages it removed are gone from the store too: ElasticMQ's purge tells no listener.
   */
  public void purged(String queueName, Instant arrived) throws InterruptedException {
    if (stored == null) {
      return;
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    stored.writer().submit(new QueueStoreWriter.Purge(queueName, arrived), () -> written.complete(null));
    try {
      written.get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      log.error("SQS: the purge of {} was not stored in time; purged messages may come back after a restart", queueName);
    }
  }

  /** Whether queues and messages are kept in a directory. */
  public boolean persistent() {
    return stored != null;
  }

  private static void closeStore(Stored stored) {
    try {
      stored.writer().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      stored.store().close();
    } catch (SQLException e) {
      System.err.println("local-aws: failed to close the SQS store: " + e);
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
      // After the queue actors: nothing submits any more, and what they submitted is written.
      if (stored != null) {
        closeStore(stored);
      }
    }
  }
}
