package com.bellyfed.deploy.ecs;

import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.naming.Environment;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's Fargate task definition and ECS service. The task runs as the unprivileged user on a
 * read-only root filesystem (only {@code /tmp} is writable) with every capability dropped, reports ready
 * through the management port's readiness probe, logs to its own CloudWatch log group, takes the cursor
 * secret from SSM and assumes the service's role of the CloudFormation template. A deployment that never
 * becomes healthy rolls back (the deployment circuit breaker), and so does one during which the service's
 * error-rate or dropped-events alarm goes off (deployment alarms).
 */
public final class EcsDefinitions {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EcsDefinitions() {}

  public static String family(ServiceSpec service, Environment environment) {
    return "bellyfed-" + service.name() + "-" + environment.id();
  }

  /** The input of {@code aws ecs register-task-definition --cli-input-json}. */
  public static ObjectNode taskDefinition(ServiceSpec service, Environment environment) {
    String env = environment.id();
    ObjectNode task = NODES.objectNode();
    task.put("family", family(service, environment));
    task.put("taskRoleArn", "arn:aws:iam::${AWS_ACCOUNT_ID}:role/bellyfed-" + service.name() + "-" + env);
    task.put("executionRoleArn", "arn:aws:iam::${AWS_ACCOUNT_ID}:role/bellyfed-ecs-execution-" + env);
    task.put("networkMode", "awsvpc");
    task.putArray("requiresCompatibilities").add("FARGATE");
    task.put("cpu", Integer.toString(service.cpuUnits()));
    task.put("memory", Integer.toString(service.memoryMiB()));
    task.putObject("runtimePlatform").put("operatingSystemFamily", "LINUX").put("cpuArchitecture", "X86_64");
    task.putArray("volumes").addObject().put("name", "tmp");

    ObjectNode container = task.putArray("containerDefinitions").addObject();
    container.put("name", service.name());
    container.put("image", "${IMAGE_REGISTRY}/bellyfed/" + service.name() + ":${IMAGE_TAG}");
    container.put("essential", true);
    container.put("user", Integer.toString(ServiceSpec.USER_ID));
    container.put("readonlyRootFilesystem", true);
    container.putObject("linuxParameters").putObject("capabilities").putArray("drop").add("ALL");
    container.putArray("mountPoints").addObject().put("sourceVolume", "tmp").put("containerPath", "/tmp").put("readOnly", false);
    ArrayNode ports = container.putArray("portMappings");
    ports.addObject().put("name", "api").put("containerPort", service.port()).put("protocol", "tcp");
    ports.addObject().put("name", "management").put("containerPort", service.managementPort()).put("protocol", "tcp");

    ArrayNode environmentVariables = container.putArray("environment");
    variable(environmentVariables, "BELLYFED_EVENTS_ENVIRONMENT", env);
    variable(environmentVariables, "AWS_REGION", "${AWS_REGION}");
    variable(environmentVariables, "SERVER_PORT", Integer.toString(service.port()));
    variable(environmentVariables, "MANAGEMENT_SERVER_PORT", Integer.toString(service.managementPort()));
    variable(environmentVariables, "BELLYFED_SECURITY_ISSUER_URI", "https://cognito-idp.${AWS_REGION}.amazonaws.com/${USER_POOL_ID}");
    variable(environmentVariables, "BELLYFED_SECURITY_CLIENT_IDS", "${WEB_CLIENT_ID}");
    variable(environmentVariables, "BELLYFED_SECURITY_CORS_ALLOWED_ORIGINS", "${FRONTEND_ORIGIN}");
    // On ECS, CloudWatch is where the metrics are seen: the export is on (Spring Cloud AWS, by the namespace).
    variable(environmentVariables, "MANAGEMENT_CLOUDWATCH_METRICS_EXPORT_NAMESPACE", "Bellyfed/" + env);
    variable(environmentVariables, "JAVA_TOOL_OPTIONS",
        "-XX:MaxRAMPercentage=" + ServiceSpec.HEAP_PERCENT + " -XX:+ExitOnOutOfMemoryError");
    if (service.pages()) {
      container.putArray("secrets").addObject()
          .put("name", "BELLYFED_PAGING_CURSOR_SECRET")
          .put("valueFrom", "arn:aws:ssm:${AWS_REGION}:${AWS_ACCOUNT_ID}:parameter" + ServiceSpec.cursorSecretParameter(env));
    }

    ObjectNode health = container.putObject("healthCheck");
    health.putArray("command").add("CMD-SHELL").add("curl -fsS " + service.readinessUrl() + " || exit 1");
    health.put("interval", 10).put("timeout", 5).put("retries", 3).put("startPeriod", 60);

    ObjectNode logs = container.putObject("logConfiguration");
    logs.put("logDriver", "awslogs");
    logs.putObject("options")
        .put("awslogs-group", service.logGroup(env))
        .put("awslogs-region", "${AWS_REGION}")
        .put("awslogs-stream-prefix", service.name());
    tags(task.putArray("tags"), service, environment);
    return task;
  }

  /** The input of {@code aws ecs create-service --cli-input-json} (and, without the first four fields, of update-service). */
  public static ObjectNode service(ServiceSpec service, Environment environment) {
    ObjectNode definition = NODES.objectNode();
    definition.put("cluster", "bellyfed-" + environment.id());
    definition.put("serviceName", service.name());
    definition.put("taskDefinition", family(service, environment));
    definition.put("desiredCount", environment == Environment.DEV ? 1 : 2);
    definition.put("launchType", "FARGATE");
    definition.put("platformVersion", "LATEST");
    ObjectNode deployment = definition.putObject("deploymentConfiguration");
    deployment.putObject("deploymentCircuitBreaker").put("enable", true).put("rollback", true);
    deployment.put("maximumPercent", 200).put("minimumHealthyPercent", 100);
    // A deployment that stays healthy yet fails requests or loses events rolls back too: ECS watches these alarms
    // of the CloudFormation template during the deployment and its bake time.
    ObjectNode alarms = deployment.putObject("alarms");
    ArrayNode alarmNames = alarms.putArray("alarmNames");
    deploymentAlarms(service, environment).forEach(alarmNames::add);
    alarms.put("enable", true).put("rollback", true);
    ObjectNode network = definition.putObject("networkConfiguration").putObject("awsvpcConfiguration");
    network.putArray("subnets").add("${PRIVATE_SUBNET_A}").add("${PRIVATE_SUBNET_B}");
    network.putArray("securityGroups").add("${SERVICE_SECURITY_GROUP}");
    network.put("assignPublicIp", "DISABLED");
    definition.put("enableExecuteCommand", false);
    definition.put("propagateTags", "SERVICE");
    definition.put("enableECSManagedTags", true);
    tags(definition.putArray("tags"), service, environment);
    return definition;
  }

  /** The alarms (deploy/cloudformation) whose ALARM rolls a deployment of the service back. */
  public static List<String> deploymentAlarms(ServiceSpec service, Environment environment) {
    String prefix = "bellyfed-" + environment.id() + "-" + service.name();
    return List.of(prefix + "-error-rate-over-1-percent", prefix + "-events-dropped");
  }

  private static void variable(ArrayNode into, String name, String value) {
    into.addObject().put("name", name).put("value", value);
  }

  private static void tags(ArrayNode into, ServiceSpec service, Environment environment) {
    into.addObject().put("key", "project").put("value", "bellyfed");
    into.addObject().put("key", "environment").put("value", environment.id());
    into.addObject().put("key", "component").put("value", service.name());
  }
}
