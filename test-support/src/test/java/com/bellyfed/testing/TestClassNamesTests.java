package com.bellyfed.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs the classes named {@code *Tests}, Failsafe those named {@code *IntegrationTests}
 * (the parent pom): a test class named otherwise would run in neither, silently.
 */
class TestClassNamesTests {

  private static final Pattern TEST_ANNOTATION =
      Pattern.compile("@(?:[\\w.]+\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|LoadTest)\\b");

  @Test
  void everyTestClassOfEveryModuleIsNamedSoThatSurefireOrFailsafeRunsIt() throws IOException {
    // Surefire runs in this module's directory; its parent is the repository.
    Path repository = Path.of("").toAbsolutePath().getParent();
    try (Stream<Path> files = Files.walk(repository)) {
      List<String> unnamed = files
          .filter(path -> path.toString().endsWith(".java"))
          .filter(path -> path.toString().contains("/src/test/java/"))
          .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
          .filter(path -> TEST_ANNOTATION.matcher(read(path)).find())
          .filter(path -> !path.getFileName().toString().endsWith("Tests.java"))
          .map(path -> repository.relativize(path).toString())
          .toList();
      assertThat(unnamed).as("test classes neither Surefire (*Tests) nor Failsafe (*IntegrationTests) runs").isEmpty();
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
