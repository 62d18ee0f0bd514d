package com.bellyfed.deploy.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.deploy.cloudformation.CloudFormation;
import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.naming.Environment;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceRequest;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ECS definitions read back with the AWS SDK's own model classes (an unknown or misspelt field fails
 * the read), checked for the settings every deployment of a service shares, and against the CloudFormation
 * template they run on: roles, log groups, cluster, secret and deployment alarms exist there under the same names.
 * Field reference: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
 * and https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html
 */
class EcsDefinitionsTests {

  private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static RegisterTaskDefinitionRequest task(ServiceSpec service, Environment environment) {
    String text = JSON.writeValueAsString(EcsDefinitions.taskDefinition(service, environment));
    return JSON.readValue(text, RegisterTaskDefinitionRequest.serializableBuilderClass()).build();
  }

  private static CreateServiceRequest service(ServiceSpec service, Environment environment) {
    String text = JSON.writeValueAsString(EcsDefinitions.service(service, environment));
    return JSON.readValue(text, CreateServiceRequest.serializableBuilderClass()).build();
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyTaskRunsUnprivilegedReadOnlyAndReportsReadinessFromTheManagementPort(Environment environment) {
    for (ServiceSpec spec : ServiceSpec.ALL) {
      RegisterTaskDefinitionRequest task = task(spec, environment);
      assertThat(task.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
      assertThat(task.networkModeAsString()).isEqualTo("awsvpc");
      assertThat(task.containerDefinitions()).hasSize(1);
      ContainerDefinition container = task.containerDefinitions().get(0);
      assertThat(container.user()).isEqualTo("10001");
      assertThat(container.readonlyRootFilesystem()).isTrue();
      assertThat(container.linuxParameters().capabilities().drop()).containsExactly("ALL");
      assertThat(container.mountPoints()).singleElement().satisfies(mount -> assertThat(mount.containerPath()).isEqualTo("/tmp"));
      assertThat(container.portMappings()).extracting(mapping -> mapping.containerPort()).containsExactly(spec.port(), spec.managementPort());
      assertThat(container.healthCheck().command()).containsExactly("CMD-SHELL",
          "curl -fsS http://localhost:" + spec.managementPort() + "/actuator/health/readiness || exit 1");
      assertThat(container.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
      assertThat(container.environment()).extracting(KeyValuePair::name).contains(
          "BELLYFED_EVENTS_ENVIRONMENT", "AWS_REGION", "BELLYFED_SECURITY_ISSUER_URI", "BELLYFED_SECURITY_CLIENT_IDS", "MANAGEMENT_SERVER_PORT");
      assertThat(container.environment()).filteredOn(variable -> variable.name().equals("BELLYFED_EVENTS_ENVIRONMENT"))
          .extracting(KeyValuePair::value).containsExactly(environment.id());
      assertThat(container.environment()).extracting(KeyValuePair::name).doesNotContain("BELLYFED_PAGING_CURSOR_SECRET");
      assertThat(container.secrets()).extracting(secret -> secret.name())
          .isEqualTo(spec.pages() ? java.util.List.of("BELLYFED_PAGING_CURSOR_SECRET") : java.util.List.of());
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyServiceRollsBackADeploymentThatNeverBecomesHealthyAndStaysPrivate(Environment environment) {
    for (ServiceSpec spec : ServiceSpec.ALL) {
      CreateServiceRequest service = service(spec, environment);
      assertThat(service.deploymentConfiguration().deploymentCircuitBreaker().enable()).isTrue();
      assertThat(service.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
      assertThat(service.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
      // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html
      assertThat(service.deploymentConfiguration().alarms().enable()).isTrue();
      assertThat(service.deploymentConfiguration().alarms().rollback()).isTrue();
      assertThat(service.deploymentConfiguration().alarms().alarmNames())
          .containsExactly("bellyfed-" + environment.id() + "-" + spec.name() + "-error-rate-over-1-percent",
              "bellyfed-" + environment.id() + "-" + spec.name() + "-events-dropped");
      assertThat(service.launchTypeAsString()).isEqualTo("FARGATE");
      assertThat(service.networkConfiguration().awsvpcConfiguration().assignPublicIpAsString()).isEqualTo("DISABLED");
      assertThat(service.taskDefinition()).isEqualTo(task(spec, environment).family());
      assertThat(service.desiredCount()).isEqualTo(environment == Environment.DEV ? 1 : 2);
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void theRolesLogGroupsClusterSecretAndAlarmsTheTasksNameAreInTheEnvironmentsTemplate(Environment environment) {
    JsonNode template = CloudFormation.template(environment);
    Set<String> roles = new HashSet<>();
    Set<String> logGroups = new HashSet<>();
    Set<String> clusters = new HashSet<>();
    Set<String> alarms = new HashSet<>();
    StringBuilder policies = new StringBuilder();
    template.path("Resources").forEach(resource -> {
      JsonNode properties = resource.path("Properties");
      switch (resource.path("Type").asString("")) {
        case "AWS::IAM::Role" -> {
          roles.add(properties.path("RoleName").asString(""));
          policies.append(properties.path("Policies"));
        }
        case "AWS::Logs::LogGroup" -> logGroups.add(properties.path("LogGroupName").asString(""));
        case "AWS::ECS::Cluster" -> clusters.add(properties.path("ClusterName").asString(""));
        case "AWS::CloudWatch::Alarm" -> alarms.add(properties.path("AlarmName").asString(""));
        default -> { }
      }
    });
    for (ServiceSpec spec : ServiceSpec.ALL) {
      RegisterTaskDefinitionRequest task = task(spec, environment);
      assertThat(roles).contains(task.taskRoleArn().substring(task.taskRoleArn().indexOf(":role/") + 6));
      assertThat(roles).contains(task.executionRoleArn().substring(task.executionRoleArn().indexOf(":role/") + 6));
      assertThat(logGroups).contains(task.containerDefinitions().get(0).logConfiguration().options().get("awslogs-group"));
      assertThat(clusters).containsExactly(service(spec, environment).cluster());
      assertThat(alarms).containsAll(service(spec, environment).deploymentConfiguration().alarms().alarmNames());
      task.containerDefinitions().get(0).secrets().forEach(secret ->
          assertThat(policies).contains(secret.valueFrom().substring(secret.valueFrom().indexOf(":parameter/") + 10)));
    }
  }
}
