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
