package com.bellyfed.deploy;

import com.bellyfed.deploy.cloudformation.CloudFormation;
import com.bellyfed.deploy.ecs.EcsDefinitions;
import com.bellyfed.deploy.services.ServiceSpec;
import com.bellyfed.events.naming.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every file this module generates, by its path under {@code deploy/}: the CloudFormation template and the
 * ECS task and service definitions of each environment. The files are committed so that a reviewer sees
 * what a change deploys; a test keeps them equal to what the code generates.
 */
public final class GeneratedFiles {

  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GeneratedFiles() {}

  public static Map<String, String> all() {
    Map<String, String> files = new TreeMap<>();
    for (Environment environment : Environment.values()) {
      String env = environment.id();
      files.put("cloudformation/bellyfed-" + env + ".json", text(CloudFormation.template(environment)));
      for (ServiceSpec service : ServiceSpec.ALL) {
        files.put("ecs/" + env + "/" + service.name() + "-task.json", text(EcsDefinitions.taskDefinition(service, environment)));
        files.put("ecs/" + env + "/" + service.name() + "-service.json", text(EcsDefinitions.service(service, environment)));
      }
    }
    return files;
  }

  static String text(JsonNode json) {
    return JSON.writeValueAsString(json) + "\n";
  }

  /** Writes every file under the directory given (default {@code deploy}, run from the repository's root). */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "deploy");
    for (Map.Entry<String, String> file : all().entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      System.out.println("Wrote " + path);
    }
  }
}
