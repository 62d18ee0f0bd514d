package com.bellyfed.deploy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.deploy.cloudformation.CloudFormation;
import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.naming.Environment;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * helm/bellyfed linted and rendered for every environment's values with helm-java (the helm library,
 * no binary), and the rendered manifests checked for what the cluster would otherwise find out late.
 */
class HelmChartTests {

  private static final Path CHART = Path.of("..", "helm", "bellyfed");
  private static final Map<Environment, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

  private static List<Map<String, Object>> render(Environment environment) {
    return RENDERED.computeIfAbsent(environment, env -> {
      String manifests = new Helm(CHART).template()
          .withName("bellyfed")
          .withNamespace("bellyfed")
          .withValuesFile(CHART.resolve("values-" + env.id() + ".yaml"))
          .call();
      List<Map<String, Object>> documents = new ArrayList<>();
      for (Object document : new Yaml(new LoaderOptions()).loadAll(manifests)) {
        if (document != null) {
          documents.add(map(document));
        }
      }
      return documents;
    });
  }

  private static List<Map<String, Object>> kind(Environment environment, String kind) {
    return render(environment).stream().filter(document -> kind.equals(document.get("kind"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }

  private static Object at(Map<String, Object> document, String... path) {
    Object value = document;
    for (String key : path) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(key);
    }
    return value;
  }

  private static String name(Map<String, Object> document) {
    return (String) at(document, "metadata", "name");
  }

  @Test
  void theChartLintsWithoutWarnings() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everyContainerHasProbesOnTheManagementPortLimitsAndARestrictiveSecurityContext(Environment environment) {
    List<Map<String, Object>> deployments = kind(environment, "Deployment");
    assertThat(deployments).extracting(HelmChartTests::name)
        .containsExactlyInAnyOrderElementsOf(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
    for (Map<String, Object> deployment : deployments) {
      ServiceSpec spec = ServiceSpec.ALL.stream().filter(service -> service.name().equals(name(deployment))).findFirst().orElseThrow();
      Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
      assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
      assertThat(at(pod, "securityContext", "runAsUser")).isEqualTo(ServiceSpec.USER_ID);
      for (Object item : list(pod.get("containers"))) {
        Map<String, Object> container = map(item);
        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo(ServiceSpec.READINESS);
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo(ServiceSpec.LIVENESS);
        assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo(ServiceSpec.LIVENESS);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
          assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo("management");
        }
        assertThat(list(container.get("ports"))).extracting(port -> map(port).get("containerPort"))
            .containsExactly(spec.port(), spec.managementPort());
        assertThat(at(container, "resources", "limits", "memory")).isNotNull();
        assertThat(at(container, "resources", "limits", "cpu")).isNotNull();
        assertThat(at(container, "resources", "requests", "memory")).isEqualTo(at(container, "resources", "limits", "memory"));
        assertThat(at(container, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(list(at(container, "securityContext", "capabilities", "drop"))).containsExactly("ALL");
        assertThat(list(container.get("volumeMounts"))).extracting(mount -> map(mount).get("mountPath")).containsExactly("/tmp");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void noSecretValueIsRenderedOnlyReferences(Environment environment) {
    assertThat(kind(environment, "Secret")).isEmpty();
    for (Map<String, Object> configMap : kind(environment, "ConfigMap")) {
      assertThat(map(configMap.get("data")).keySet()).noneMatch(key -> key.matches(".*(SECRET|PASSWORD|TOKEN|KEY).*"));
    }
    for (Map<String, Object> deployment : kind(environment, "Deployment")) {
      for (Object item : list(at(deployment, "spec", "template", "spec", "containers"))) {
        for (Object variable : list(map(item).get("env"))) {
          Map<String, Object> env = map(variable);
          assertThat(env).as("%s %s", name(deployment), env.get("name")).doesNotContainKey("value");
          assertThat(at(env, "valueFrom", "secretKeyRef", "name")).isNotNull();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void everySelectorSelectsItsServicesPods(Environment environment) {
    Map<String, Map<String, Object>> podLabels = kind(environment, "Deployment").stream()
        .collect(Collectors.toMap(HelmChartTests::name, deployment -> map(at(deployment, "spec", "template", "metadata", "labels"))));
    for (Map<String, Object> deployment : kind(environment, "Deployment")) {
      assertThat(podLabels.get(name(deployment))).containsAllEntriesOf(map(at(deployment, "spec", "selector", "matchLabels")));
    }
    for (Map<String, Object> service : kind(environment, "Service")) {
      assertThat(podLabels.get(name(service))).as(name(service)).containsAllEntriesOf(map(at(service, "spec", "selector")));
    }
    for (String kind : List.of("PodDisruptionBudget")) {
      for (Map<String, Object> document : kind(environment, kind)) {
        assertThat(podLabels.get(name(document))).containsAllEntriesOf(map(at(document, "spec", "selector", "matchLabels")));
      }
    }
    for (Map<String, Object> policy : kind(environment, "NetworkPolicy")) {
      assertThat(podLabels.get(name(policy))).containsAllEntriesOf(map(at(policy, "spec", "podSelector", "matchLabels")));
    }
    for (Map<String, Object> scaler : kind(environment, "HorizontalPodAutoscaler")) {
      assertThat(podLabels).containsKey((String) at(scaler, "spec", "scaleTargetRef", "name"));
    }
    for (Map<String, Object> scaler : kind(environment, "ScaledObject")) {
      assertThat(podLabels).containsKey((String) at(scaler, "spec", "scaleTargetRef", "name"));
    }
    for (Map<String, Object> deployment : kind(environment, "Deployment")) {
      List<Object> spread = list(at(deployment, "spec", "template", "spec", "topologySpreadConstraints"));
      assertThat(spread).extracting(constraint -> map(constraint).get("topologyKey"))
          .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
      for (Object constraint : spread) {
        assertThat(podLabels.get(name(deployment))).containsAllEntriesOf(map(at(map(constraint), "labelSelector", "matchLabels")));
      }
    }
    for (Map<String, Object> deployment : kind(environment, "Deployment")) {
      String account = (String) at(deployment, "spec", "template", "spec", "serviceAccountName");
      assertThat(kind(environment, "ServiceAccount")).extracting(HelmChartTests::name).contains(account);
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void eachServiceAccountAssumesItsServicesRoleOfTheEnvironmentsTemplate(Environment environment) {
    String template = CloudFormation.template(environment).toString();
    for (Map<String, Object> account : kind(environment, "ServiceAccount")) {
      String role = (String) at(account, "metadata", "annotations", "eks.amazonaws.com/role-arn");
      assertThat(role).endsWith(":role/bellyfed-" + name(account) + "-" + environment.id());
      assertThat(template).contains("\"RoleName\":\"" + role.substring(role.indexOf(":role/") + 6) + "\"");
    }
  }

  @Test
  void prodScalesTheListenersOnQueueDepthAndKeepsTwoPodsThroughDisruptions() {
    List<Map<String, Object>> scalers = kind(Environment.PROD, "ScaledObject");
    assertThat(scalers).extracting(HelmChartTests::name).containsExactlyInAnyOrder("write-service", "import-service", "analytics-service");
    for (Map<String, Object> scaler : scalers) {
      assertThat(list(at(scaler, "spec", "triggers"))).extracting(trigger -> map(trigger).get("type")).contains("aws-sqs-queue");
    }
    assertThat(kind(Environment.PROD, "HorizontalPodAutoscaler")).extracting(HelmChartTests::name).containsExactly("query-service");
    assertThat(kind(Environment.PROD, "PodDisruptionBudget")).allSatisfy(budget -> assertThat(at(budget, "spec", "minAvailable")).isEqualTo(2));
    assertThat(kind(Environment.DEV, "PodDisruptionBudget")).isEmpty();
    assertThat(kind(Environment.DEV, "Deployment")).allSatisfy(deployment -> assertThat(at(deployment, "spec", "replicas")).isEqualTo(1));
  }

  @ParameterizedTest
  @EnumSource(value = Environment.class, names = {"STAGING", "PROD"})
  void eachServiceMonitorScrapesItsServicesManagementPortUnderTheJobTheRulesName(Environment environment) throws IOException {
    Map<String, Map<String, Object>> services = kind(environment, "Service").stream()
        .collect(Collectors.toMap(HelmChartTests::name, service -> service));
    List<Map<String, Object>> monitors = kind(environment, "ServiceMonitor");
    assertThat(monitors).hasSize(ServiceSpec.ALL.size());
    List<String> jobs = new ArrayList<>();
    for (Map<String, Object> monitor : monitors) {
      Map<String, Object> service = services.get(name(monitor));
      assertThat(service).as(name(monitor)).isNotNull();
      Map<String, Object> labels = map(at(service, "metadata", "labels"));
      assertThat(labels).containsAllEntriesOf(map(at(monitor, "spec", "selector", "matchLabels")));
      Map<String, Object> endpoint = map(list(at(monitor, "spec", "endpoints")).get(0));
      assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
      assertThat(list(at(service, "spec", "ports"))).extracting(port -> map(port).get("name")).contains(endpoint.get("port"));
      // The Prometheus Operator names the job after the Service's label that jobLabel names.
      jobs.add((String) labels.get((String) at(monitor, "spec", "jobLabel")));
    }
    String rules = Files.readString(Path.of("..", "monitoring", "prometheus", "bellyfed-alerts.yml"), StandardCharsets.UTF_8);
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("job=~\"([^\"]+)\"").matcher(rules);
    assertThat(matcher.find()).isTrue();
    assertThat(jobs).containsExactlyInAnyOrder(matcher.group(1).split("\\|"));
  }

  @Test
  void kedaScalesEachListenerOnTheQueuesItConsumesWhichItsRoleMayRead() {
    JsonNode template = CloudFormation.template(Environment.PROD);
    Map<String, String> queueIds = new java.util.HashMap<>();
    template.path("Resources").propertyNames().forEach(id -> {
      JsonNode resource = template.path("Resources").path(id);
      if (resource.path("Type").asString("").equals("AWS::SQS::Queue")) {
        queueIds.put(resource.path("Properties").path("QueueName").asString(""), id);
      }
    });
    for (Map<String, Object> scaler : kind(Environment.PROD, "ScaledObject")) {
      JsonNode role = StreamSupport.stream(template.path("Resources").spliterator(), false)
          .filter(resource -> resource.path("Properties").path("RoleName").asString("").equals("bellyfed-" + name(scaler) + "-prod"))
          .findFirst()
          .orElseThrow();
      JsonNode consume = StreamSupport.stream(role.path("Properties").path("Policies").get(0).path("PolicyDocument").path("Statement").spliterator(), false)
          .filter(statement -> statement.path("Sid").asString("").equals("ConsumeQueues"))
          .findFirst()
          .orElseThrow();
      assertThat(consume.path("Action").toString()).contains("sqs:GetQueueAttributes");
      List<String> readable = StreamSupport.stream(consume.path("Resource").spliterator(), false)
          .map(resource -> resource.path("Fn::GetAtt").get(0).asString(""))
          .toList();
      List<String> scaledOn = list(at(scaler, "spec", "triggers")).stream()
          .map(HelmChartTests::map)
          .filter(trigger -> "aws-sqs-queue".equals(trigger.get("type")))
          .map(trigger -> (String) at(trigger, "metadata", "queueURL"))
          .map(url -> url.substring(url.lastIndexOf('/') + 1))
          .toList();
      assertThat(scaledOn).as(name(scaler)).isNotEmpty().allSatisfy(queue -> assertThat(queueIds).containsKey(queue));
      assertThat(scaledOn.stream().map(queueIds::get).toList()).as("%s scales on exactly the queues it consumes", name(scaler))
          .containsExactlyInAnyOrderElementsOf(readable);
    }
  }

  @ParameterizedTest
  @EnumSource(Environment.class)
  void noDisruptionBudgetAsksForEveryReplicaTheServiceMayBeScaledTo(Environment environment) {
    // A budget of minAvailable >= replicas lets no pod be evicted: node drains would hang.
    Map<String, Integer> fewest = new java.util.HashMap<>();
    kind(environment, "Deployment").forEach(deployment ->
        fewest.put(name(deployment), (Integer) at(deployment, "spec", "replicas")));
    kind(environment, "HorizontalPodAutoscaler").forEach(scaler -> fewest.put(name(scaler), (Integer) at(scaler, "spec", "minReplicas")));
    kind(environment, "ScaledObject").forEach(scaler -> fewest.put(name(scaler), (Integer) at(scaler, "spec", "minReplicaCount")));
    for (Map<String, Object> budget : kind(environment, "PodDisruptionBudget")) {
      assertThat(fewest.get(name(budget))).as(name(budget)).isNotNull();
      assertThat((Integer) at(budget, "spec", "minAvailable")).as(name(budget)).isLessThan(fewest.get(name(budget)));
    }
  }

  @Test
  void thePrometheusRuleHasExactlyTheAlertsOfMonitoring() throws IOException {
    Path monitoring = Path.of("..", "monitoring", "prometheus", "bellyfed-alerts.yml");
    assertThat(CHART.resolve("files/bellyfed-alerts.yml"))
        .as("helm/bellyfed/files/bellyfed-alerts.yml is a copy of monitoring/prometheus/bellyfed-alerts.yml: copy it again")
        .hasSameTextualContentAs(monitoring, StandardCharsets.UTF_8);
    Map<String, Object> rules = kind(Environment.PROD, "PrometheusRule").stream().findFirst().orElseThrow();
    Map<String, Object> source = map(new Yaml().load(Files.readString(monitoring, StandardCharsets.UTF_8)));
    assertThat(alerts(map(rules.get("spec")))).isNotEmpty().isEqualTo(alerts(source));
    assertThat(kind(Environment.DEV, "PrometheusRule")).isEmpty();
  }

  private static List<String> alerts(Map<String, Object> rules) {
    return list(rules.get("groups")).stream()
        .flatMap(group -> list(map(group).get("rules")).stream())
        .map(rule -> map(rule).get("alert") + " := " + String.valueOf(map(rule).get("expr")).strip())
        .toList();
  }
}
