package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds of one store exclude each other: a build holds an exclusive lock on {@code build.lock} in
 * the store, which records its process id. The operating system drops the lock when its process
 * ends, however it ends, so a killed build leaves no stale lock; a build that holds the lock knows
 * that no other build is running, and that any staging folder is a dead build's.
 */
final class BuildLock implements AutoCloseable {
  static final String FILE = "build.lock";

  /** The stores this JVM builds: a second channel on the file would drop the first's lock. */
  private static final Set<Path> HELD = new HashSet<>();

  private final Path root;
  private final FileChannel channel;
  private final FileLock lock;

  private BuildLock(Path root, FileChannel channel, FileLock lock) {
    this.root = root;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the build lock of a store, or fails at once if another build holds it.
   *
   * @throws StoreBusyException naming the process of the build that holds it
   */
  static BuildLock acquire(Path root) {
    synchronized (HELD) {
      if (HELD.contains(root)) {
        throw busy(root, ProcessHandle.current().pid() + ", this process");
      }
      FileChannel channel = null;
      try {
        Files.createDirectories(root);
        channel =
            FileChannel.open(
                root.resolve(FILE),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
          String holder = holder(channel);
          channel.close();
          throw busy(root, holder);
        }
        channel.truncate(0);
        channel.write(
            ByteBuffer.wrap(
                (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
            0);
        channel.force(false);
        HELD.add(root);
        return new BuildLock(root, channel, lock);
      } catch (IOException e) {
        if (channel != null) {
          try {
            channel.close();
          } catch (IOException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw StoreFailures.writing("cannot take the build lock " + root.resolve(FILE), root, e);
      }
    }
  }

  private static StoreBusyException busy(Path root, String pid) {
    return new StoreBusyException(
        "another build is running (pid "
            + pid
            + ") in "
            + root
            + "; wait for it to end, or stop it, and run 'build' again");
  }

  /** The process id the holder wrote, or "unknown" if it has not written it yet. */
  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    String pid =
        new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
    return pid.matches("[0-9]+") ? pid : "unknown";
  }

  @Override
  public void close() {
    synchronized (HELD) {
      HELD.remove(root);
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the channel, and the channel with the process
      }
    }
  }
}
