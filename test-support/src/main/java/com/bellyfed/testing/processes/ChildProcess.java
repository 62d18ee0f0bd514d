package com.bellyfed.testing.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A JVM started as a child process, its output (stdout and stderr) in a log file, so that a failure can be
 * read after the fact. Stopping is SIGTERM with a bounded wait, then SIGKILL; killing takes the process's
 * descendants too, so that nothing it started outlives the test.
 */
public final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final long launched;

  private ChildProcess(String name, Process process, Path log, long launched) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.launched = launched;
  }

  /**
   * Starts {@code java <jvmOptions> -jar <jar> <arguments>} with the java that runs this JVM, the command
   * line passed through {@code wrap} (e.g. {@code taskset}).
   */
  public static ChildProcess startJar(String name, Path jar, Path log, List<String> jvmOptions, List<String> arguments,
      UnaryOperator<List<String>> wrap) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      System.out.println("starting " + name + " from " + jar.getFileName() + ", log in " + log);
      long launched = System.nanoTime();
      // Appending: a process restarted under the same name keeps one log of all its lives.
      Process process = new ProcessBuilder(wrap.apply(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new ChildProcess(name, process, log, launched);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** The java executable of this JVM, so that children run on the same JDK as the test or benchmark. */
  public static String java() {
    return ProcessHandle.current().info().command()
        .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** A port free on the loopback interface now (the child binds it a moment later). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Time since the process was launched. */
  public Duration sinceLaunch() {
    return Duration.ofNanos(System.nanoTime() - launched);
  }

  /** Fails with the exit code and the log's place when the process is gone. */
  public void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
    }
  }

  /** CPU time the process used so far, in nanoseconds (user + system, all threads). */
  public long cpuNanos() {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /** SIGKILL to the process and every descendant, then waits (bounded) until it is gone. */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends a signal by name (e.g. {@code STOP}, {@code CONT}) with {@code kill}: Java has no API for the others. */
  public void signal(String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM (so that shutdown hooks run, e.g. a JFR dump), up to 30 s, then {@link #kill()}. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }
}
