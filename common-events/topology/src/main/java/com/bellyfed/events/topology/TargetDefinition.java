package com.bellyfed.events.topology;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule target: an SQS queue, with an optional input path or transformer, a retry policy and the
 * queue that receives events EventBridge could not deliver.
 */
public record TargetDefinition(
    String id,
    String queue,
    @Nullable String inputPath,
    @Nullable InputTransformer inputTransformer,
    int maximumRetryAttempts,
    Duration maximumEventAge,
    @Nullable String deadLetterQueue) {

  /** EventBridge's input transformer: JSON paths named for use as {@code <name>} in a template. */
  public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {}

  public static TargetDefinition toQueue(String queue, String deadLetterQueue) {
    return new TargetDefinition(
        queue, queue, null, null, 10, Duration.ofHours(1), deadLetterQueue);
  }
}
