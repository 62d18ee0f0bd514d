package com.bellyfed.localaws.dynamodb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * DynamoDB Local stores tables in SQLite through sqlite4java, whose native library must be a file
 * on disk even with {@code -inMemory}. The build puts the libraries into the jar; this unpacks them
 * once per JVM into a temporary directory and points sqlite4java at it, so a plain {@code java
 * -jar} works on a fresh machine.
 */
final class Sqlite4javaNatives {

  private static final String PROPERTY = "sqlite4java.library.path";
  private static final String RESOURCE_DIR = "/sqlite4java-natives/";
  private static final List<String> LIBRARIES =
      List.of(
          "libsqlite4java-linux-amd64.so",
          "libsqlite4java-linux-i386.so",
          "libsqlite4java-osx.dylib",
          "sqlite4java-win32-x64.dll",
          "sqlite4java-win32-x86.dll");

  private Sqlite4javaNatives() {}

  static synchronized void install() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Path directory = Files.createTempDirectory("local-aws-sqlite4java");
      directory.toFile().deleteOnExit();
      int found = 0;
      for (String library : LIBRARIES) {
        try (InputStream in = Sqlite4javaNatives.class.getResourceAsStream(RESOURCE_DIR + library)) {
          if (in != null) {
            Path file = directory.resolve(library);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            found++;
          }
        }
      }
      if (found == 0) {
        throw new IllegalStateException(
            "No sqlite4java native library on the class path under " + RESOURCE_DIR + "; rebuild local-aws");
      }
      System.setProperty(PROPERTY, directory.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot unpack sqlite4java's native library", e);
    }
  }
}
