package com.bellyfed.events.topology;

import java.util.List;

/** A topology broke one or more rules; the message lists each, naming the broken part. */
public class TopologyValidationException extends IllegalStateException {

  private final List<String> violations;

  public TopologyValidationException(List<String> violations) {
    super("Invalid topology:\n  - " + String.join("\n  - ", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
