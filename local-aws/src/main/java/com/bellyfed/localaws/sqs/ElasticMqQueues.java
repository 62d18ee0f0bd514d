package com.bellyfed.localaws.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.ImmediateNextDelivery$;
import org.elasticmq.Limits;
import org.elasticmq.Limits$;
import org.elasticmq.MessageAttribute;
import org.elasticmq.NewMessageData;
import org.elasticmq.StringMessageAttribute;
import org.elasticmq.msg.LookupQueue;
import org.elasticmq.msg.SendMessage;
import org.jspecify.annotations.Nullable;
import scala.Option;
import scala.util.Either;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Puts messages into ElasticMQ's standard queues in-process, by its queue actors, for the
 * EventBridge emulator's deliveries. A message sent this way is the one an SQS SendMessage of the
 * same body would leave in the queue (the queue's delay applies, receivers waiting on the queue get
 * it at once, receive and delete through the edge as usual), without what the HTTP round trip
 * cost per message: the SDK's signing and checksum, ElasticMQ's JSON parsing, its per-character
 * validation and its MD5, which together took more CPU than anything else in local-aws at
 * 1,000 events/s (docs/decisions.md, decision 3).
 */
public final class ElasticMqQueues {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** ElasticMQ's strict limit, in characters as it counts them. */
  private static final int MAX_BODY_CHARS = 262_144;

  private final ActorRef queueManager;
  private final Limits limits;

  ElasticMqQueues(ActorRef queueManager, Limits limits) {
    this.queueManager = queueManager;
    this.limits = limits;
  }

  /** One message: its body and its String message attributes. */
  public record Outgoing(String body, Map<String, String> attributes) {

    public static Outgoing of(String body) {
      return new Outgoing(body, Map.of());
    }
  }

  /**
   * Sends the messages to the queue in their order, each on its own as SendMessageBatch does.
   *
   * @return per message, the error that refused it (as SQS names it), or null when it was sent
   * @throws QueueDoesNotExistException when there is no queue of that name
   * @throws SqsException when ElasticMQ did not answer in time
   */
  public List<@Nullable SqsException> send(String queueName, List<Outgoing> messages) {
    if (queueName.endsWith(".fifo")) {
      // A FIFO target needs the MessageGroupId of the target's SqsParameters, which the emulator does not take.
      throw error("InvalidParameterValue", "local-aws delivers EventBridge events to standard queues only, not " + queueName, 400);
    }
    ActorRef queue = lookup(queueName);
    List<@Nullable SqsException> refusals = new ArrayList<>(messages.size());
    List<@Nullable CompletableFuture<Object>> replies = new ArrayList<>(messages.size());
    for (Outgoing message : messages) {
      Optional<String> problem = problemWith(message);
      refusals.add(problem.map(code -> error(code, "Message refused by " + queueName + ": " + code, 400)).orElse(null));
      replies.add(problem.isPresent() ? null : Patterns.ask(queue, new SendMessage(data(message)), TIMEOUT).toCompletableFuture());
    }
    for (int i = 0; i < replies.size(); i++) {
      CompletableFuture<Object> reply = replies.get(i);
      if (reply != null) {
        try {
          reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          refusals.set(i, error("ServiceUnavailable", "ElasticMQ did not take the message: " + e, 503));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw error("ServiceUnavailable", "Interrupted while sending to " + queueName, 503);
        }
      }
    }
    return refusals;
  }

  private ActorRef lookup(String queueName) {
    Object found;
    try {
      found = Patterns.ask(queueManager, new LookupQueue(queueName), TIMEOUT).toCompletableFuture()
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw error("ServiceUnavailable", "ElasticMQ did not answer a queue lookup: " + e, 503);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error("ServiceUnavailable", "Interrupted while looking up " + queueName, 503);
    }
    if (found instanceof Option<?> option && option.isDefined() && option.get() instanceof ActorRef queue) {
      return queue;
    }
    throw (QueueDoesNotExistException) QueueDoesNotExistException.builder()
        .message("The specified queue does not exist: " + queueName)
        .statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AWS.SimpleQueueService.NonExistentQueue")
            .errorMessage("The specified queue does not exist.").build())
        .build();
  }

  /**
   * What SQS would refuse in the message, as ElasticMQ's strict limits say. The common case, a body
   * of valid characters within the size, is checked here in one pass; ElasticMQ's own check, which
   * boxes every character, runs only to name what is wrong.
   */
  private Optional<String> problemWith(Outgoing message) {
    if (!plainlyValid(message.body())) {
      Either<String, ?> verdict = Limits$.MODULE$.verifyMessageBody(message.body(), limits);
      if (verdict.isLeft()) {
        return Optional.of(verdict.left().get());
      }
    }
    for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
      Either<String, ?> verdict = Limits$.MODULE$.verifyMessageStringAttribute(attribute.getKey(), attribute.getValue(), limits);
      if (verdict.isLeft()) {
        return Optional.of(verdict.left().get());
      }
    }
    return Optional.empty();
  }

  /** Non-empty, within the size, and only the characters SQS allows: #x9 #xA #xD #x20-#xD7FF #xE000-#xFFFD #x10000-#x10FFFF. */
  static boolean plainlyValid(String body) {
    int length = body.length();
    if (length == 0 || length > MAX_BODY_CHARS) {
      return false;
    }
    for (int i = 0; i < length; ) {
      int c = body.codePointAt(i);
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static NewMessageData data(Outgoing message) {
    scala.collection.immutable.Map<String, MessageAttribute> attributes = scala.collection.immutable.Map$.MODULE$.empty();
    for (Map.Entry<String, String> attribute : message.attributes().entrySet()) {
      attributes = attributes.updated(attribute.getKey(), new StringMessageAttribute(attribute.getValue(), Option.empty()));
    }
    // No id (the queue gives one), no delay of its own (the queue's applies), no FIFO group or deduplication.
    return new NewMessageData(Option.empty(), message.body(), attributes, ImmediateNextDelivery$.MODULE$,
        Option.empty(), Option.empty(), 0, Option.empty(), Option.empty(), Option.empty());
  }

  private static SqsException error(String code, String message, int status) {
    return (SqsException) SqsException.builder()
        .message(message)
        .statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .build();
  }
}
