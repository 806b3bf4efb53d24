package org.w3id.grandbargain.kb;

import java.nio.file.Path;

/** Where the tests find the project's own inputs: the same folders the command line reads. */
public final class TestProject {
  private TestProject() {}

  /** The project root: Maven runs the tests from it. */
  public static Path root() {
    return Path.of("").toAbsolutePath();
  }

  /** The project's standard layout. */
  public static ProjectLayout layout() {
    return ProjectLayout.fromRoot(root());
  }

  /** A file under {@code src/test/resources}. */
  public static Path resource(String relative) {
    return root().resolve("src/test/resources").resolve(relative);
  }

  /** Deletes a folder and its content, ignoring failures (for shutdown hooks). */
  public static void deleteQuietly(Path dir) {
    try (var walk = java.nio.file.Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException e) {
      // best effort
    }
  }

  /** The archived copy of the article, present beside the project in its workspace and in CI. */
  public static Path articleCopy() {
    return root().resolve("../shared/source/000_179502d70f6c9486.txt").normalize();
  }
}
