package org.w3id.grandbargain.kb.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.NotFoundException;

/**
 * The folder of published releases. Layout:
 *
 * <pre>
 * store/
 *   CURRENT                      the identifier of the release being published
 *   releases/&lt;id&gt;/tdb2/          the TDB2 database
 *   releases/&lt;id&gt;/dumps/         the dataset in every format
 *   releases/&lt;id&gt;/ontology/      the ontology and shapes it was built with
 *   releases/&lt;id&gt;/release.json  the manifest: sizes, digests, counts
 *   staging-&lt;random&gt;/            a build in progress (removed when it ends)
 * </pre>
 *
 * A release is built aside in a staging folder, moved into {@code releases/} when complete, and
 * published by atomically replacing {@code CURRENT}; a build that fails leaves everything that was
 * published untouched. The two most recent releases are kept.
 */
public final class ReleaseStore {
  static final String TDB2_DIR = "tdb2";
  static final String DUMPS_DIR = "dumps";
  static final String ONTOLOGY_DIR = "ontology";
  static final String MANIFEST = "release.json";
  private static final String CURRENT = "CURRENT";
  private static final String RELEASES = "releases";
  private static final int KEEP = 2;

  private final Path root;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A store rooted at a folder, which is created when the first release is published. */
  public ReleaseStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The release being published, if any has been built. */
  public Optional<Release> current() {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String id = Files.readString(pointer, StandardCharsets.UTF_8).strip();
      return Optional.of(release(id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A release by identifier. */
  public Release release(String id) {
    if (!Release.ID.matcher(id).matches()) {
      throw new NotFoundException("no release '" + id + "'");
    }
    Path folder = root.resolve(RELEASES).resolve(id);
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new NotFoundException("no release '" + id + "' in " + root);
    }
    try {
      Manifest m = json.readValue(manifest.toFile(), Manifest.class);
      return new Release(
          m.id(),
          m.version(),
          m.contentSha256(),
          m.quads(),
          m.triples(),
          m.files(),
          java.time.Instant.parse(m.builtAt()),
          folder);
    } catch (IOException e) {
      throw new ConfigurationException(
          "unreadable manifest " + manifest + ": " + e.getMessage(), e);
    }
  }

  /** The identifiers of the releases kept, oldest first by modification time. */
  public List<String> releases() {
    Path dir = root.resolve(RELEASES);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .sorted(Comparator.comparing(ReleaseStore::modified))
          .map(p -> p.getFileName().toString())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty staging folder for a build. */
  Path stage() {
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, "staging-");
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot create a staging folder in " + root + ": " + e.getMessage(), e);
    }
  }

  /** Writes a staged release's manifest. */
  void writeManifest(Path staging, Manifest manifest) {
    try {
      Files.writeString(
          staging.resolve(MANIFEST),
          json.writeValueAsString(manifest) + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves a complete staging folder into place and makes it the current release. If a release with
   * the same identifier (hence the same content) exists, the staged copy is discarded.
   */
  Release publish(Path staging, String id) {
    Path releases = root.resolve(RELEASES);
    Path target = releases.resolve(id);
    try {
      Files.createDirectories(releases);
      if (Files.exists(target)) {
        delete(staging);
        touch(target);
      } else {
        try {
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
          delete(staging);
        }
      }
      Path tmp = Files.createTempFile(root, "CURRENT", ".tmp");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(
            tmp,
            root.resolve(CURRENT),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
      }
      prune(id);
      return release(id);
    } catch (IOException e) {
      throw new UncheckedIOException("publishing release " + id, e);
    }
  }

  /** Removes a staging folder after a failed build. */
  void discard(Path staging) {
    delete(staging);
  }

  private void prune(String current) {
    List<String> all = new ArrayList<>(releases());
    all.remove(current);
    while (all.size() > KEEP - 1) {
      delete(root.resolve(RELEASES).resolve(all.remove(0)));
    }
  }

  private static void touch(Path p) throws IOException {
    Files.setLastModifiedTime(
        p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static java.nio.file.attribute.FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + p, e);
    }
  }

  /** The manifest as written to {@code release.json}. */
  record Manifest(
      String id,
      String version,
      String contentSha256,
      long quads,
      long triples,
      String builtAt,
      List<DumpFile> files) {}
}
