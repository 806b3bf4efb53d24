package org.w3id.grandbargain.kb.store;

import java.time.Duration;
import java.util.Map;

/**
 * What a build produced, for its summary.
 *
 * @param release the release now published
 * @param classCounts resources per class of the ontology (local name to count), sorted
 * @param assertedQuads quads stated by the data, over all graphs but the derived and ontology ones
 * @param inferredTriples quads in the derived graphs: what the alignments entail
 * @param graphs the number of named graphs
 * @param took how long the build took
 */
public record BuildResult(
    Release release,
    Map<String, Long> classCounts,
    long assertedQuads,
    long inferredTriples,
    long graphs,
    Duration took) {
  public BuildResult {
    classCounts = Map.copyOf(classCounts);
  }

  /** The summary printed at the end of a build. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("release ").append(release.id()).append('\n');
    sb.append("  store     ").append(release.folder()).append('\n');
    sb.append("  content   sha256 ").append(release.contentSha256()).append('\n');
    sb.append("  triples   ").append(release.triples()).append(" (union of all graphs)\n");
    sb.append("  quads     ")
        .append(release.quads())
        .append(" in ")
        .append(graphs)
        .append(" graphs: ")
        .append(assertedQuads)
        .append(" asserted, ")
        .append(inferredTriples)
        .append(" inferred, the rest the ontology\n");
    sb.append("  valid     conforms to the SHACL shapes\n");
    sb.append("  classes\n");
    new java.util.TreeMap<>(classCounts)
        .forEach((k, v) -> sb.append(String.format("    %-20s %5d%n", k, v)));
    sb.append("  dumps\n");
    for (DumpFile f : release.files()) {
      sb.append(String.format("    %-34s %9d bytes  %s%n", f.path(), f.bytes(), f.sha256()));
    }
    sb.append(String.format("  took      %.1f s%n", took.toMillis() / 1000.0));
    return sb.toString();
  }
}
