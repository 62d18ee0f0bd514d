package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.topology.TableDefinition;
import com.bellyfed.events.topology.Topology;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One role per service with exactly the grants of {@link ServiceAccess}: named actions on named ARNs, each
 * index named too, so that no statement holds a wildcard. The role trusts ECS tasks and, when the template
 * is given an EKS cluster's OIDC provider, that service's Kubernetes service account (IRSA).
 */
final class ServiceRoles {

  static final String OIDC_PROVIDER_ARN = "EksOidcProviderArn";
  static final String OIDC_ISSUER = "EksOidcIssuer";
  static final String NAMESPACE = "KubernetesNamespace";
  static final String METRICS_SID = "PublishMetricsToTheEnvironmentsNamespace";
  private static final String HAS_OIDC = "HasEksOidcProvider";
  private static final JsonMapper JSON = JsonMapper.shared();

  private ServiceRoles() {}

  static String logicalId(String service) {
    return Template.logicalId(service, "Role");
  }

  static void add(Template template, Topology topology, Tags tags) {
    template.parameter(OIDC_PROVIDER_ARN, "String", "The EKS cluster's IAM OIDC provider ARN, for IRSA; empty on ECS only")
        .put("Default", "");
    template.parameter(OIDC_ISSUER, "String", "The EKS cluster's OIDC issuer without https://, e.g. oidc.eks.eu-west-1.amazonaws.com/id/ABC")
        .put("Default", "");
    template.parameter(NAMESPACE, "String", "The Kubernetes namespace the chart is installed in").put("Default", "bellyfed");
    ObjectNode notEmpty = Template.object();
    ObjectNode equals = Template.object();
    equals.putArray("Fn::Equals").add(Template.ref(OIDC_PROVIDER_ARN)).add("");
    notEmpty.putArray("Fn::Not").add(equals);
    template.condition(HAS_OIDC, notEmpty);

    for (Map.Entry<String, List<Grant>> service : ServiceAccess.of(topology).entrySet()) {
      String name = service.getKey();
      ObjectNode role = template.resource(logicalId(name), "AWS::IAM::Role");
      role.put("RoleName", "bellyfed-" + name + "-" + topology.environment().id());
      role.put("Description", "What " + name + " may do in AWS: see docs/deployment.md");
      ObjectNode trust = Template.object();
      trust.putArray("Fn::If").add(HAS_OIDC).add(Template.sub(JSON.writeValueAsString(withIrsa(name)))).add(trust("ecs-tasks.amazonaws.com"));
      role.set("AssumeRolePolicyDocument", trust);
      ObjectNode document = document();
      for (Grant grant : service.getValue()) {
        ArrayNode actions = Template.array();
        grant.actions().forEach(actions::add);
        ArrayNode resources = Template.array();
        grant.resources().forEach(resource -> arns(topology, resource, resources));
        allow(document, grant.sid(), actions, resources);
      }
      publishMetrics(document, topology.environment().id());
      role.putArray("Policies").addObject().put("PolicyName", name).set("PolicyDocument", document);
      role.set("Tags", tags.list(name));
      template.output(Template.logicalId(name, "RoleArn"), Template.arn(logicalId(name)), "The role of " + name + "'s tasks and pods");
    }
  }

  /**
   * ECS tasks, and the service's Kubernetes service account through the cluster's OIDC provider. The
   * condition keys name the issuer, and CloudFormation resolves no function in a key, so this document is a
   * string for {@code Fn::Sub}, which IAM takes as the JSON it is.
   */
  private static ObjectNode withIrsa(String service) {
    ObjectNode document = trust("ecs-tasks.amazonaws.com");
    ObjectNode statement = document.withArray("Statement").addObject();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Federated", "${" + OIDC_PROVIDER_ARN + "}");
    statement.put("Action", "sts:AssumeRoleWithWebIdentity");
    ObjectNode condition = statement.putObject("Condition").putObject("StringEquals");
    condition.put("${" + OIDC_ISSUER + "}:sub", "system:serviceaccount:${" + NAMESPACE + "}:" + service);
    condition.put("${" + OIDC_ISSUER + "}:aud", "sts.amazonaws.com");
    return document;
  }

  private static void arns(Topology topology, Grant.Resource resource, ArrayNode into) {
    // No pattern-matching switch: the build targets Java 17.
    if (resource instanceof Grant.Table table) {
      TableDefinition definition = topology.table(table.logicalName());
      String id = Tables.logicalId(definition.name());
      into.add(Template.arn(id));
      if (table.withIndexes()) {
        definition.indexes().forEach(index -> into.add(Template.sub("${" + id + ".Arn}/index/" + index.name())));
      }
    } else if (resource instanceof Grant.Queue queue) {
      into.add(Template.arn(Queues.logicalId(topology.queue(queue.flow()).name())));
    } else if (resource instanceof Grant.DeadLetterQueue queue) {
      into.add(Template.arn(Queues.logicalId(topology.deadLetterQueue(queue.flow()).name())));
    } else if (resource instanceof Grant.Bus bus) {
      into.add(Template.arn(Rules.busLogicalId(topology.bus(bus.domain()).name())));
    } else {
      throw new IllegalArgumentException("Unknown resource " + resource);
    }
  }

  /**
   * {@code cloudwatch:PutMetricData} names no resource (IAM's service authorization reference lists none for
   * it), so the statement takes {@code *} and is narrowed to the environment's namespace by the
   * {@code cloudwatch:namespace} condition key: the one wildcard a service role holds.
   */
  static void publishMetrics(ObjectNode document, String environment) {
    ObjectNode statement = document.withArray("Statement").addObject();
    statement.put("Sid", METRICS_SID);
    statement.put("Effect", "Allow");
    statement.putArray("Action").add("cloudwatch:PutMetricData");
    statement.putArray("Resource").add("*");
    statement.putObject("Condition").putObject("StringEquals").put("cloudwatch:namespace", "Bellyfed/" + environment);
  }

  static ObjectNode trust(String service) {
    ObjectNode document = document();
    ObjectNode statement = document.withArray("Statement").addObject();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", service);
    statement.put("Action", "sts:AssumeRole");
    return document;
  }

  static ObjectNode document() {
    ObjectNode document = Template.object();
    document.put("Version", "2012-10-17");
    document.putArray("Statement");
    return document;
  }

  static void allow(ObjectNode document, String sid, ArrayNode actions, ArrayNode resources) {
    ObjectNode statement = document.withArray("Statement").addObject();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.set("Action", actions);
    statement.set("Resource", resources);
  }
}
