package com.bellyfed.events.provisioning;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What one provisioning run did to each resource.
 *
 * @param userPool the ids of the environment's user pool and web client; null when Cognito was not provisioned
 */
public record ProvisioningReport(List<Change> changes, @Nullable UserPoolIds userPool) {

  public ProvisioningReport {
    changes = List.copyOf(changes);
  }

  public ProvisioningReport(List<Change> changes) {
    this(changes, null);
  }

  /** The ids AWS (or local-aws) gave the environment's pool and its web app client. */
  public record UserPoolIds(String userPoolId, String clientId) {}

  /** What happened to one resource. */
  public record Change(String kind, String name, Action action, String detail) {
    @Override
    public String toString() {
      return String.format("%-9s %-6s %s%s", action, kind, name, detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /** CONFLICT marks a resource that exists in a shape the provisioner must not change (key schema). */
  public enum Action {
    CREATED,
    UPDATED,
    UNCHANGED,
    CONFLICT
  }

  public boolean changedAnything() {
    return changes.stream().anyMatch(change -> change.action() != Action.UNCHANGED);
  }

  public List<Change> conflicts() {
    return changes.stream().filter(change -> change.action() == Action.CONFLICT).toList();
  }

  public long count(Action action) {
    return changes.stream().filter(change -> change.action() == action).count();
  }

  /** One line per created, updated or conflicting resource, then the totals. */
  public String summary() {
    String lines =
        changes.stream()
            .filter(change -> change.action() != Action.UNCHANGED)
            .map(Change::toString)
            .collect(Collectors.joining("\n"));
    String totals =
        String.format(
            "%d created, %d updated, %d unchanged, %d conflicts",
            count(Action.CREATED), count(Action.UPDATED), count(Action.UNCHANGED), count(Action.CONFLICT));
    return lines.isEmpty() ? totals : lines + "\n" + totals;
  }
}
