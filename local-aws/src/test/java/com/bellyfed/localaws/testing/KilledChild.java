package com.bellyfed.localaws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A JVM on the test class path running {@code main} of a class that prints one line per write once
 * local-aws acknowledged it, until the test kills it with SIGKILL: the crash tests' child process.
 */
public final class KilledChild implements AutoCloseable {

  private final Process process;
  private final Path errors;
  private final BufferedReader output;
  private final StringBuilder partial = new StringBuilder();

  private KilledChild(Process process, Path errors, Path output) throws IOException {
    this.process = process;
    this.errors = errors;
    this.output = Files.newBufferedReader(output, StandardCharsets.UTF_8);
  }

  /**
   * Starts {@code main} with {@code args}; its standard output and error go to files in {@code files}, a
   * directory the test owns (a JUnit temporary directory, so that nothing is left behind).
   */
  public static KilledChild start(Class<?> main, Path files, String... args) throws IOException {
    Path errors = Files.createTempFile(files, "crash-child", ".err");
    List<String> command = new ArrayList<>(javaCommand(main));
    command.addAll(List.of(args));
    // A file, not a pipe: what the child wrote before it was killed stays there to be read.
    Path output = Files.createTempFile(files, "crash-child", ".out");
    Process process = new ProcessBuilder(command).redirectError(errors.toFile()).redirectOutput(output.toFile()).start();
    return new KilledChild(process, errors, output);
  }

  /**
   * The command that runs {@code main} in a JVM on the test class path. The child lives for seconds and is
   * killed: C1 alone and the serial collector start it with less CPU than C2 and G1's threads would take from
   * the two cores the build shares, and it is killed before C2's code would pay off.
   */
  public static List<String> javaCommand(Class<?> main) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName());
  }

  /** The child's next whole line, waiting for it while the child runs; null once it ended and all was read. */
  public @Nullable String readLine() throws IOException {
    while (true) {
      boolean ended = !process.isAlive();
      int next;
      while ((next = output.read()) != -1) {
        if (next == '\n') {
          String line = partial.toString();
          partial.setLength(0);
          return line;
        }
        partial.append((char) next);
      }
      if (ended) {
        return null;
      }
      // The file has no more yet: the child is still writing it.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  public String errors() throws IOException {
    return Files.readString(errors);
  }

  /** SIGKILL, as {@code kill -9}, and checks that this is what ended it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("killed with SIGKILL").isEqualTo(128 + 9);
  }

  /** Kills the child if a test ended early. */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
