package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 18: no emulator of local-aws (the edge, ElasticMQ behind it) may be reachable from another host. */
@LocalAwsTest
class LoopbackIntegrationTests {

  private static final String LISTEN = "0A";
  private static final Set<String> LOOPBACK_V4 = Set.of("0100007F");
  private static final Set<String> LOOPBACK_V6 =
      Set.of("00000000000000000000000001000000", "0000000000000000FFFF00000100007F");

  @Test
  void everyPortThisJvmListensOnIsBoundToLoopback(LocalAws localAws) throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "needs Linux's /proc to list the process's sockets");
    Set<String> ownSockets = ownSocketInodes();

    List<String> listening = new ArrayList<>();
    List<String> exposed = new ArrayList<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        if (!fields[3].equals(LISTEN) || !ownSockets.contains(fields[9])) {
          continue;
        }
        int port = Integer.parseInt(local[1], 16);
        listening.add(local[0] + ":" + port);
        if (!LOOPBACK_V4.contains(local[0]) && !LOOPBACK_V6.contains(local[0])) {
          exposed.add(table + " " + local[0] + ":" + port);
        }
      }
    }

    assertThat(listening).as("the edge and ElasticMQ listen").anyMatch(socket -> socket.endsWith(":" + localAws.port()));
    assertThat(listening).anyMatch(socket -> socket.endsWith(":" + localAws.sqsBackendEndpoint().getPort()));
    assertThat(exposed).as("ports bound beyond loopback").isEmpty();
  }

  private static Set<String> ownSocketInodes() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
      for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
        try {
          String target = Files.readSymbolicLink(descriptor).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // A descriptor closed while listing is no listener of ours.
        }
      }
    }
    return inodes;
  }
}
