package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The mark that a release is in use: a shared lock on {@code in-use.lock} in its folder, taken when
 * a {@link KnowledgeBase} opens it and released when that closes. The operating system drops the
 * lock when its process ends, however it ends, so a killed server leaves no stale mark. A build
 * removes an old release only while it holds that lock exclusively, which no user can then take.
 *
 * <p>Locks of one file cannot overlap within one JVM, and closing any channel on a file drops the
 * process's locks on it: the holders of one release within a JVM share one channel and lock,
 * counted.
 */
final class InUse implements AutoCloseable {
  static final String LOCK_FILE = "in-use.lock";
  private static final Map<Path, Held> HELD = new HashMap<>();

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private final Path folder;
  private boolean closed;

  private InUse(Path folder) {
    this.folder = folder;
  }

  private static Path key(Path folder) {
    return folder.toAbsolutePath().normalize();
  }

  private static FileChannel channel(Path folder) throws IOException {
    return FileChannel.open(
        folder.resolve(LOCK_FILE),
        StandardOpenOption.CREATE,
        StandardOpenOption.READ,
        StandardOpenOption.WRITE);
  }

  /**
   * Marks a release's folder in use until the mark is closed; waits while a build is removing it.
   */
  static InUse mark(Path folder) throws IOException {
    Path key = key(folder);
    synchronized (HELD) {
      Held held = HELD.get(key);
      if (held == null) {
        FileChannel channel = channel(key);
        try {
          held = new Held(channel, channel.lock(0, Long.MAX_VALUE, true));
        } catch (IOException | RuntimeException e) {
          channel.close();
          throw e;
        }
        HELD.put(key, held);
      }
      held.count++;
      return new InUse(key);
    }
  }

  /** Whether a process, this one or another, has the release in a folder open. */
  static boolean inUse(Path folder) throws IOException {
    Path key = key(folder);
    synchronized (HELD) {
      if (HELD.containsKey(key)) {
        return true;
      }
      if (!Files.isDirectory(key)) {
        return false;
      }
      try (FileChannel channel = channel(key)) {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          return true;
        }
        lock.release();
        return false;
      }
    }
  }

  /**
   * Moves a release's folder to {@code trash} unless a process has it open; the move happens while
   * the exclusive lock keeps any process from opening it.
   *
   * @return whether it was moved
   */
  static boolean moveUnlessInUse(Path folder, Path trash) throws IOException {
    Path key = key(folder);
    synchronized (HELD) {
      if (HELD.containsKey(key)) {
        return false;
      }
      try (FileChannel channel = channel(key)) {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          return false;
        }
        try {
          Files.move(key, trash, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          lock.release();
        }
        return true;
      }
    }
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(folder);
      if (held != null && --held.count == 0) {
        HELD.remove(folder);
        try {
          held.lock.release();
          held.channel.close();
        } catch (IOException e) {
          // the lock goes with the channel, and the channel with the process
        }
      }
    }
  }
}
