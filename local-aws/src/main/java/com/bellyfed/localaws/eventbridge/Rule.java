package com.bellyfed.localaws.eventbridge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule of one bus. Immutable: every change replaces it. */
record Rule(
    String name,
    String busName,
    String arn,
    String eventPattern,
    boolean enabled,
    String description,
    Map<String, Target> targets,
    Instant createdAt) {

  Rule {
    targets = Map.copyOf(new LinkedHashMap<>(targets));
  }

  Rule withPattern(String pattern, boolean isEnabled, String newDescription) {
    return new Rule(name, busName, arn, pattern, isEnabled, newDescription, targets, createdAt);
  }

  Rule withEnabled(boolean isEnabled) {
    return new Rule(name, busName, arn, eventPattern, isEnabled, description, targets, createdAt);
  }

  Rule withTargets(Map<String, Target> replaced) {
    return new Rule(name, busName, arn, eventPattern, enabled, description, replaced, createdAt);
  }
}
