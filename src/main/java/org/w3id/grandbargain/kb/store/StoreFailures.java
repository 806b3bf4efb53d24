package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns the file system's failures into the store's exceptions, with what to do about them. */
final class StoreFailures {
  private static final String NO_SPACE = "No space left on device";
  private static final String NO_QUOTA = "Disk quota exceeded";

  private StoreFailures() {}

  /** Whether a failure, or any of its causes, is the file system's "no space left on device". */
  static boolean noSpace(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      String m = c instanceof FileSystemException f ? f.getReason() : c.getMessage();
      if (m != null && (m.contains(NO_SPACE) || m.contains(NO_QUOTA))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A failure to write, while doing {@code what}: a full disk says so; any other names the file
   * system's reason.
   */
  static StoreWriteException writing(String what, Path store, Throwable e) {
    if (noSpace(e)) {
      return new StoreWriteException(
          what
              + ": no space left on device in "
              + store
              + "; free some space and run 'build' again (the published release is untouched)",
          e);
    }
    return new StoreWriteException(
        what
            + ": "
            + reason(e)
            + "; check that "
            + store
            + " is writable and run 'build' again (the published release is untouched)",
        e);
  }

  /** A file of the store that cannot be read. */
  static StoreDamagedException unreadable(Path file, Throwable e) {
    return new StoreDamagedException(
        "cannot read "
            + file
            + ": "
            + reason(e)
            + "; check the store's permissions, or run 'build' to publish a fresh release",
        e);
  }

  /** The file system's reason for a failure, in words. */
  static String reason(Throwable e) {
    Throwable c = e;
    while (!(c instanceof IOException) && c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    if (c instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (c instanceof NoSuchFileException n) {
      return "no such file " + n.getFile();
    }
    if (c instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
    }
    return c.getMessage() != null ? c.getMessage() : c.toString();
  }
}
