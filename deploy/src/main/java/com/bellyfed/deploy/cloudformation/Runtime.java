package com.bellyfed.deploy.cloudformation;

import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.topology.Topology;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the ECS definitions (deploy/ecs) stand on: the cluster, each service's log group, and the execution
 * role ECS pulls images, writes logs and reads the cursor secret with. That role takes AWS's managed
 * execution policy (ECR's GetAuthorizationToken has no resource to name) plus the one SSM parameter.
 */
final class Runtime {

  static final String EXECUTION_ROLE = "EcsExecutionRole";

  private Runtime() {}

  static String cluster(String environment) {
    return "bellyfed-" + environment;
  }

  static void add(Template template, Topology topology, Tags tags) {
    String env = topology.environment().id();
    ObjectNode cluster = template.resource("EcsCluster", "AWS::ECS::Cluster");
    cluster.put("ClusterName", cluster(env));
    cluster.putArray("ClusterSettings").addObject().put("Name", "containerInsights").put("Value", "enabled");
    cluster.set("Tags", tags.list("runtime"));

    for (ServiceSpec service : ServiceSpec.ALL) {
      ObjectNode logs = template.resource(Template.logicalId(service.name(), "LogGroup"), "AWS::Logs::LogGroup");
      logs.put("LogGroupName", service.logGroup(env));
      logs.put("RetentionInDays", 30);
      logs.set("Tags", tags.list(service.name()));
    }

    ObjectNode role = template.resource(EXECUTION_ROLE, "AWS::IAM::Role");
    role.put("RoleName", "bellyfed-ecs-execution-" + env);
    role.set("AssumeRolePolicyDocument", ServiceRoles.trust("ecs-tasks.amazonaws.com"));
    role.putArray("ManagedPolicyArns").add(Template.sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"));
    ObjectNode document = ServiceRoles.document();
    ServiceRoles.allow(document, "ReadTheCursorSecret", Template.array().add("ssm:GetParameters"),
        Template.array().add(Template.sub(
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter" + ServiceSpec.cursorSecretParameter(env))));
    role.putArray("Policies").addObject().put("PolicyName", "cursor-secret").set("PolicyDocument", document);
    role.set("Tags", tags.list("runtime"));
  }
}
