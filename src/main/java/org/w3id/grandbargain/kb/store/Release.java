package org.w3id.grandbargain.kb.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One built release of the knowledge base: its TDB2 store, its dumps and its manifest, in a folder
 * named by the release identifier.
 *
 * @param id the release identifier: the version and the first 12 hexadecimal digits of the content
 *     hash, for example {@code 0.1.0-3f2a9c01b7de}
 * @param version the software version that built it
 * @param contentSha256 the SHA-256 of the sorted N-Quads of every graph: equal content, equal hash
 * @param quads the number of quads over all graphs
 * @param triples the number of distinct triples in the union of all graphs
 * @param files the dumps and copies of the ontology and shapes
 * @param builtAt when the release was first built (not part of its content)
 * @param folder the release's folder
 */
public record Release(
    String id,
    String version,
    String contentSha256,
    long quads,
    long triples,
    List<DumpFile> files,
    java.time.Instant builtAt,
    Path folder) {
  /** Release identifiers: a version, a hyphen, 12 hexadecimal digits. */
  public static final Pattern ID = Pattern.compile("[0-9A-Za-z.]+-[0-9a-f]{12}");

  public Release {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not a release identifier: '" + id + "'");
    }
    files = List.copyOf(files);
    Objects.requireNonNull(builtAt, "builtAt");
  }

  /** The TDB2 store of this release. */
  public Path tdb2() {
    return folder.resolve(ReleaseStore.TDB2_DIR);
  }

  /** The search index of this release ({@link SearchIndex}). */
  public Path search() {
    return folder.resolve(ReleaseStore.SEARCH_DIR);
  }

  /** A file of this release by its path in the release folder. */
  public Path file(String relative) {
    return folder.resolve(relative);
  }
}
