package com.bellyfed.localaws.dynamodb.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's files and their names: {@code segment-<n>.log} (log segments, numbered from 1),
 * {@code snapshot-<n>.snap} (a snapshot after which segment {@code n} and later are replayed),
 * {@code snapshot-<n>.snap.tmp} (a snapshot being written) and {@code journal.lock}. Numbers have 20
 * digits so that names sort like numbers.
 */
final class JournalDirectory {

  private static final Logger log = LoggerFactory.getLogger(JournalDirectory.class);

  static final String LOCK_FILE = "journal.lock";

  private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.log");
  private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.snap");
  private static final Pattern SNAPSHOT_TEMP = Pattern.compile("snapshot-(\\d{20})\\.snap\\.tmp");

  private final Path dir;

  JournalDirectory(Path dir) {
    this.dir = dir;
  }

  Path path() {
    return dir;
  }

  Path segment(long sequence) {
    return dir.resolve(String.format("segment-%020d.log", sequence));
  }

  Path snapshot(long sequence) {
    return dir.resolve(String.format("snapshot-%020d.snap", sequence));
  }

  Path snapshotTemp(long sequence) {
    return dir.resolve(String.format("snapshot-%020d.snap.tmp", sequence));
  }

  /** The journal files present, by kind; other files are left alone. */
  record Listing(TreeMap<Long, Path> segments, TreeMap<Long, Path> snapshots, List<Path> temps) {}

  Listing list() throws IOException {
    TreeMap<Long, Path> segments = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    List<Path> temps = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        Matcher matcher;
        if ((matcher = SEGMENT.matcher(name)).matches()) {
          segments.put(Long.parseLong(matcher.group(1)), file);
        } else if ((matcher = SNAPSHOT.matcher(name)).matches()) {
          snapshots.put(Long.parseLong(matcher.group(1)), file);
        } else if (SNAPSHOT_TEMP.matcher(name).matches()) {
          temps.add(file);
        }
      }
    }
    return new Listing(segments, snapshots, temps);
  }

  /**
   * Creates an empty segment with its header, durably (file and directory forced) before any record
   * goes into it, so that a segment present after a crash always has a whole header unless it is
   * the newest and the crash came in the middle of this method.
   */
  FileChannel createSegment(long sequence) throws IOException {
    Path file = segment(sequence);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      writeFully(channel, Format.fileHeader(Format.SEGMENT_MAGIC, sequence));
      channel.force(true);
      force();
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      deleteQuietly(file);
      throw e;
    }
  }

  /** Makes a snapshot visible under its final name, atomically and durably. */
  void commitSnapshot(Path temp, long sequence) throws IOException {
    Files.move(temp, snapshot(sequence), StandardCopyOption.ATOMIC_MOVE);
    force();
  }

  /** Deletes what a snapshot numbered {@code sequence} makes obsolete; failures only cost space. */
  void deleteCoveredBy(long sequence) {
    try {
      Listing listing = list();
      for (Path file : listing.segments().headMap(sequence).values()) {
        deleteQuietly(file);
      }
      for (Path file : listing.snapshots().headMap(sequence).values()) {
        deleteQuietly(file);
      }
      force();
    } catch (IOException e) {
      log.warn("Could not delete the journal files in {} that snapshot {} covers", dir, sequence, e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}", file, e);
    }
  }

  /** Forces the directory, so that files created, renamed or deleted in it stay so. */
  void force() throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; their file systems order metadata anyway.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Exclusive use of a directory, across processes, for as long as the journal is open. */
  static final class Lock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        log.warn("Could not release the journal lock", e);
      }
    }
  }

  /** Locks the directory, or explains who holds it. The lock file records the holder's pid. */
  Lock lock() throws IOException {
    Path file = dir.resolve(LOCK_FILE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      channel.close();
      throw new JournalLockedException(
          "The journal in " + dir + " is already open in this process");
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      String holder = holder(channel);
      channel.close();
      throw new JournalLockedException(
          "The journal in " + dir + " is in use by another process" + holder
              + ": two processes cannot share a data directory");
    }
    try {
      channel.truncate(0);
      writeFully(channel, ByteBuffer.wrap(
          (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      return new Lock(channel, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer bytes = ByteBuffer.allocate(32);
      channel.read(bytes, 0);
      String pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
    } catch (IOException e) {
      return "";
    }
  }
}
