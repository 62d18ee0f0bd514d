package com.bellyfed.events.topology;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An SQS queue of one flow. A flow's main queue redrives to its dead-letter queue; a dead-letter
 * queue has no redrive of its own.
 *
 * @param name the queue name
 * @param flow the flow it serves (user-signup, import, ...)
 * @param deadLetter true for a flow's dead-letter queue
 * @param redrive where and after how many receives messages move on; null for dead-letter queues
 * @param retention how long SQS keeps a message
 * @param visibilityTimeout the default visibility timeout of a received message
 */
public record QueueDefinition(
    String name,
    String flow,
    boolean deadLetter,
    @Nullable RedrivePolicy redrive,
    Duration retention,
    Duration visibilityTimeout) {

  /** Moves a message to {@code deadLetterQueue} once it was received {@code maxReceiveCount} times. */
  public record RedrivePolicy(String deadLetterQueue, int maxReceiveCount) {}
}
