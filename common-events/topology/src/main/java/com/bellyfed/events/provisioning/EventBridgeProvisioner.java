package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.topology.EventBusDefinition;
import com.bellyfed.events.topology.RuleDefinition;
import com.bellyfed.events.topology.TargetDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DeadLetterConfig;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.InputTransformer;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RetryPolicy;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** Creates buses and rules and keeps rule targets exactly as the topology defines them. */
final class EventBridgeProvisioner {

  private final EventBridgeClient events;

  EventBridgeProvisioner(EventBridgeClient events) {
    this.events = events;
  }

  Change apply(EventBusDefinition bus) {
    try {
      events.describeEventBus(request -> request.name(bus.name()));
      return Provisioner.change("bus", bus.name(), Action.UNCHANGED, "");
    } catch (ResourceNotFoundException missing) {
      events.createEventBus(request -> request.name(bus.name()));
      return Provisioner.change("bus", bus.name(), Action.CREATED, "");
    }
  }

  List<Change> apply(RuleDefinition rule, Map<String, String> queueArns) {
    List<Change> changes = new ArrayList<>();
    Action ruleAction;
    try {
      DescribeRuleResponse actual =
          events.describeRule(request -> request.name(rule.name()).eventBusName(rule.bus()));
      boolean same =
          Json.same(rule.eventPattern(), actual.eventPattern()) && actual.state() == RuleState.ENABLED;
      ruleAction = same ? Action.UNCHANGED : Action.UPDATED;
    } catch (ResourceNotFoundException missing) {
      ruleAction = Action.CREATED;
    }
    if (ruleAction != Action.UNCHANGED) {
      events.putRule(
          request ->
              request
                  .name(rule.name())
                  .eventBusName(rule.bus())
                  .eventPattern(rule.eventPattern())
                  .state(RuleState.ENABLED)
                  .description("Feeds the " + rule.flow() + " flow"));
    }
    changes.add(Provisioner.change("rule", rule.bus() + "/" + rule.name(), ruleAction, ""));
    changes.add(applyTargets(rule, queueArns));
    return changes;
  }

  private Change applyTargets(RuleDefinition rule, Map<String, String> queueArns) {
    Map<String, Target> actual =
        events.listTargetsByRule(request -> request.rule(rule.name()).eventBusName(rule.bus())).targets().stream()
            .collect(Collectors.toMap(Target::id, Function.identity()));
    List<Target> desired = rule.targets().stream().map(target -> target(target, queueArns)).toList();
    List<Target> differing =
        desired.stream().filter(target -> !same(target, actual.get(target.id()))).toList();
    Set<String> desiredIds = desired.stream().map(Target::id).collect(Collectors.toSet());
    List<String> extra = actual.keySet().stream().filter(id -> !desiredIds.contains(id)).toList();
    String name = rule.name() + " targets";
    if (differing.isEmpty() && extra.isEmpty()) {
      return Provisioner.change("targets", name, Action.UNCHANGED, "");
    }
    if (!differing.isEmpty()) {
      var response =
          events.putTargets(request -> request.rule(rule.name()).eventBusName(rule.bus()).targets(differing));
      if (response.failedEntryCount() > 0) {
        throw new IllegalStateException("PutTargets for rule '" + rule.name() + "' failed: " + response.failedEntries());
      }
    }
    if (!extra.isEmpty()) {
      events.removeTargets(request -> request.rule(rule.name()).eventBusName(rule.bus()).ids(extra));
    }
    Action action = actual.isEmpty() ? Action.CREATED : Action.UPDATED;
    return Provisioner.change(
        "targets", name, action, "put " + differing.size() + ", removed " + extra.size());
  }

  private static Target target(TargetDefinition target, Map<String, String> queueArns) {
    Target.Builder builder =
        Target.builder()
            .id(target.id())
            .arn(requireArn(queueArns, target.queue()))
            .retryPolicy(
                RetryPolicy.builder()
                    .maximumRetryAttempts(target.maximumRetryAttempts())
                    .maximumEventAgeInSeconds((int) target.maximumEventAge().toSeconds())
                    .build());
    if (target.inputPath() != null) {
      builder.inputPath(target.inputPath());
    }
    if (target.inputTransformer() != null) {
      builder.inputTransformer(
          InputTransformer.builder()
              .inputPathsMap(target.inputTransformer().inputPathsMap())
              .inputTemplate(target.inputTransformer().inputTemplate())
              .build());
    }
    if (target.deadLetterQueue() != null) {
      builder.deadLetterConfig(DeadLetterConfig.builder().arn(requireArn(queueArns, target.deadLetterQueue())).build());
    }
    return builder.build();
  }

  private static String requireArn(Map<String, String> queueArns, String queue) {
    return Objects.requireNonNull(queueArns.get(queue), () -> "Queue '" + queue + "' was not provisioned");
  }

  private static boolean same(Target desired, Target actual) {
    return actual != null
        && desired.arn().equals(actual.arn())
        && Objects.equals(desired.inputPath(), actual.inputPath())
        && Objects.equals(desired.inputTransformer(), actual.inputTransformer())
        && Objects.equals(desired.retryPolicy(), actual.retryPolicy())
        && Objects.equals(desired.deadLetterConfig(), actual.deadLetterConfig());
  }
}
