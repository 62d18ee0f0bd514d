package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.naming.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code bellyfed-{env}.json} for every environment into the directory given (default {@code deploy/cloudformation}). */
public final class TemplateMain {

  private TemplateMain() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "deploy/cloudformation");
    Files.createDirectories(directory);
    for (Environment environment : Environment.values()) {
      Path file = directory.resolve(fileName(environment));
      Files.writeString(file, CloudFormation.text(environment), StandardCharsets.UTF_8);
      System.out.println("Wrote " + file);
    }
  }

  public static String fileName(Environment environment) {
    return "bellyfed-" + environment.id() + ".json";
  }
}
