package com.bellyfed.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed files under deploy/ are exactly what the code generates: none stale, none missing, none left over. */
class GeneratedFilesTests {

  private static final String HOW = "run ./mvnw -pl deploy -am test -Dtest=GeneratedFilesTests -Dsurefire.failIfNoSpecifiedTests=false -Ddeploy.write=true";

  @Test
  void theCommittedFilesAreWhatTheCodeGenerates() throws IOException {
    Map<String, String> generated = GeneratedFiles.all();
    Path root = Path.of(".");
    if (Boolean.getBoolean("deploy.write")) {
      GeneratedFiles.main(new String[] {root.toString()});
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = root.resolve(file.getKey());
      assertThat(path).as(HOW).exists();
      assertThat(Files.readString(path, StandardCharsets.UTF_8)).as("deploy/%s is stale: %s", file.getKey(), HOW).isEqualTo(file.getValue());
    }
    Set<String> committed;
    try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("cloudformation")), Files.walk(root.resolve("ecs")))) {
      committed = files.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/')).collect(Collectors.toSet());
    }
    assertThat(committed).as("files no generator writes any more: delete them").isEqualTo(generated.keySet());
  }
}
