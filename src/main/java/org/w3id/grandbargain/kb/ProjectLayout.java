package org.w3id.grandbargain.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the project's inputs live: the ontology and shapes, the curated data and the named queries.
 * The command line and the tests read them through this one setting, from the project's own
 * folders, never from copies.
 *
 * <pre>{@code
 * ProjectLayout layout = ProjectLayout.fromRoot(Path.of("."));
 * }</pre>
 *
 * @param ontology the ontology file (OWL, Turtle)
 * @param shapes the SHACL shapes file (Turtle)
 * @param dataRoots folders each holding {@code shared/} and/or {@code articles/<slug>/}
 * @param queries the folder of named queries ({@code *.rq})
 */
public record ProjectLayout(Path ontology, Path shapes, List<Path> dataRoots, Path queries) {

  /** The ontology file's name inside {@code ontology/}. */
  public static final String ONTOLOGY_FILE = "grand-bargain.ttl";

  /** The shapes file's name inside {@code ontology/}. */
  public static final String SHAPES_FILE = "shapes.ttl";

  public ProjectLayout {
    Objects.requireNonNull(ontology, "ontology");
    Objects.requireNonNull(shapes, "shapes");
    Objects.requireNonNull(queries, "queries");
    dataRoots = List.copyOf(dataRoots);
    if (dataRoots.isEmpty()) {
      throw new ConfigurationException("at least one data folder is needed");
    }
  }

  /**
   * The standard layout below a project root: {@code ontology/}, {@code data/}, {@code queries/}.
   */
  public static ProjectLayout fromRoot(Path root) {
    Path ontologyDir = root.resolve("ontology");
    return new ProjectLayout(
        ontologyDir.resolve(ONTOLOGY_FILE),
        ontologyDir.resolve(SHAPES_FILE),
        List.of(root.resolve("data")),
        root.resolve("queries"));
  }

  /** The cross-checks: {@code queries/checks/*.rq}, run on every build. */
  public Path checks() {
    return queries.resolve("checks");
  }

  /**
   * The description of the dataset as a whole (title, licence, publisher): the first data folder's
   * {@code dataset.ttl}.
   */
  public Path datasetDescription() {
    return dataRoots.get(0).resolve("dataset.ttl");
  }

  /** The same layout with further data folders loaded beside the first ones. */
  public ProjectLayout withExtraData(List<Path> more) {
    List<Path> all = new java.util.ArrayList<>(dataRoots);
    all.addAll(more);
    return new ProjectLayout(ontology, shapes, all, queries);
  }

  /** Fails with a {@link ConfigurationException} naming the first input that does not exist. */
  public ProjectLayout requireExists() {
    requireFile(ontology, "ontology");
    requireFile(shapes, "shapes");
    for (Path root : dataRoots) {
      if (!Files.isDirectory(root)) {
        throw new ConfigurationException("data folder not found: " + root);
      }
    }
    if (!Files.isDirectory(queries)) {
      throw new ConfigurationException("queries folder not found: " + queries);
    }
    return this;
  }

  private static void requireFile(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(what + " file not found: " + file);
    }
  }
}
