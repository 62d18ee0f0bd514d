package com.bellyfed.localaws.eventbridge;

import tools.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A rule target as PutTargets stored it.
 *
 * @param json the target exactly as given, returned by ListTargetsByRule
 */
record Target(
    String id,
    String arn,
    @Nullable String input,
    @Nullable String inputPath,
    @Nullable Map<String, String> inputPathsMap,
    @Nullable String inputTemplate,
    int maximumRetryAttempts,
    int maximumEventAgeSeconds,
    @Nullable String deadLetterArn,
    ObjectNode json) {

  // AWS's defaults when a target has no RetryPolicy.
  static final int DEFAULT_RETRY_ATTEMPTS = 185;
  static final int DEFAULT_EVENT_AGE_SECONDS = 86_400;
}
