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
 *   releases/&lt;id&gt;/queries/       the named queries it serves
 *   releases/&lt;id&gt;/dataset.ttl   the description of the dataset it serves
 *   releases/&lt;id&gt;/release.json  the manifest: sizes, digests, counts
 *   releases/&lt;id&gt;/in-use.lock   locked (shared) by every process that has the release open
 *   build.lock                   locked by the running build, with its process id
 *   staging-&lt;random&gt;/            a build in progress (removed when it ends, or by the next build)
 *   removed-&lt;id&gt;-&lt;random&gt;/       an old release being deleted
 * </pre>
 *
 * A release is built aside in a staging folder, moved into {@code releases/} when complete, and
 * published by atomically replacing {@code CURRENT}; a build that fails, or is killed, leaves
 * everything that was published untouched. The two most recent releases are kept, and any older one
 * that a process still has open ({@link InUse}) until a build finds it closed.
 */
public final class ReleaseStore {
  static final String TDB2_DIR = "tdb2";
  static final String DUMPS_DIR = "dumps";
  static final String ONTOLOGY_DIR = "ontology";
  static final String SEARCH_DIR = "search";
  static final String MANIFEST = "release.json";

  /** The folder of a release's named queries. */
  public static final String QUERIES_DIR = "queries";

  /** A release's dataset description. */
  public static final String DATASET_DESCRIPTION = "dataset.ttl";

  private static final String CURRENT = "CURRENT";
  private static final String RELEASES = "releases";
  private static final String STAGING = "staging-";
  private static final String REMOVED = "removed-";
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

  /**
   * The release being published, if any has been built.
   *
   * @throws StoreDamagedException if {@code CURRENT} is missing while releases exist, cannot be
   *     read, or names no release of the store
   */
  public Optional<Release> current() {
    Path pointer = root.resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      List<String> kept = releases();
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      throw new StoreDamagedException(
          pointer
              + " is missing but releases exist ("
              + String.join(", ", kept)
              + "); run 'build' to publish one");
    }
    String id;
    try {
      id = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw StoreFailures.unreadable(pointer, e);
    }
    if (!Release.ID.matcher(id).matches()
        || !Files.isDirectory(root.resolve(RELEASES).resolve(id))) {
      throw new StoreDamagedException(
          pointer
              + " names the release '"
              + id
              + "', which is not in "
              + root.resolve(RELEASES)
              + "; run 'build' to publish one");
    }
    return Optional.of(release(id));
  }

  /** A release by identifier. */
  public Release release(String id) {
    if (!Release.ID.matcher(id).matches()) {
      throw new NotFoundException("no release '" + id + "'");
    }
    Path folder = root.resolve(RELEASES).resolve(id);
    Path manifest = folder.resolve(MANIFEST);
    if (!Files.isDirectory(folder)) {
      throw new NotFoundException("no release '" + id + "' in " + root);
    }
    if (!Files.isRegularFile(manifest)) {
      throw new StoreDamagedException(
          "release "
              + id
              + " has no manifest ("
              + manifest
              + " is missing); run 'build' to publish a fresh release");
    }
    try {
      Manifest m = json.readValue(Files.readAllBytes(manifest), Manifest.class);
      return new Release(
          m.id(),
          m.version(),
          m.contentSha256(),
          m.quads(),
          m.triples(),
          m.files(),
          java.time.Instant.parse(m.builtAt()),
          folder);
    } catch (java.nio.file.FileSystemException e) {
      throw StoreFailures.unreadable(manifest, e);
    } catch (IOException | RuntimeException e) {
      throw new StoreDamagedException(
          "the manifest "
              + manifest
              + " is damaged ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "); run 'build' to publish a fresh release",
          e);
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
          .filter(p -> Release.ID.matcher(p.getFileName().toString()).matches())
          .sorted(Comparator.comparing(ReleaseStore::modified))
          .map(p -> p.getFileName().toString())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw StoreFailures.unreadable(dir, e);
    }
  }

  /**
   * Takes the store's build lock, then removes what killed builds left: staging folders, pointers
   * half written, releases half deleted. Holding the lock, no other build is running.
   *
   * @throws StoreBusyException if another build holds the lock
   */
  BuildLock lockForBuild() {
    BuildLock lock = BuildLock.acquire(root);
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(STAGING)
            || name.startsWith(REMOVED)
            || (name.startsWith(CURRENT) && name.endsWith(".tmp"))) {
          delete(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      lock.close();
      throw StoreFailures.writing("cannot remove what an earlier build left in " + root, root, e);
    }
    return lock;
  }

  /** A new, empty staging folder for a build. */
  Path stage() {
    try {
      Files.createDirectories(root);
      return Files.createTempDirectory(root, STAGING);
    } catch (IOException e) {
      throw StoreFailures.writing("cannot create a staging folder in " + root, root, e);
    }
  }

  /** Writes a staged release's manifest. */
  void writeManifest(Path staging, Manifest manifest) throws IOException {
    Files.writeString(
        staging.resolve(MANIFEST),
        json.writeValueAsString(manifest) + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * Moves a complete staging folder into place and makes it the current release. If a release with
   * the same identifier (hence the same content) exists and is intact, or open, the staged copy is
   * discarded; a damaged one is replaced.
   */
  Release publish(Path staging, String id) throws IOException {
    Path releases = root.resolve(RELEASES);
    Path target = releases.resolve(id);
    Files.createDirectories(releases);
    if (Files.exists(target) && !InUse.inUse(target) && !intact(id)) {
      Path trash = removed(id);
      if (!InUse.moveUnlessInUse(target, trash)) {
        trash = null;
      }
      delete(trash);
    }
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
    Path tmp = Files.createTempFile(root, CURRENT, ".tmp");
    try {
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
    } finally {
      Files.deleteIfExists(tmp);
    }
    prune(id);
    return release(id);
  }

  /** Whether a published release is whole: its manifest, its files, its TDB2 store. */
  private boolean intact(String id) {
    try {
      Release release = release(id);
      for (DumpFile f : release.files()) {
        if (Files.size(release.file(f.path())) != f.bytes()) {
          return false;
        }
      }
      KnowledgeBase.verify(release);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Removes a staging folder after a failed build. */
  void discard(Path staging) {
    delete(staging);
  }

  /**
   * Removes the releases older than the {@link #KEEP} most recent, except those a process has open:
   * each is moved aside while locked, then deleted, so that a build killed meanwhile leaves no half
   * release in {@code releases/}.
   */
  private void prune(String current) throws IOException {
    List<String> all = new ArrayList<>(releases());
    all.remove(current);
    for (String id : all.subList(0, Math.max(0, all.size() - (KEEP - 1)))) {
      Path trash = removed(id);
      if (InUse.moveUnlessInUse(root.resolve(RELEASES).resolve(id), trash)) {
        delete(trash);
      }
    }
  }

  private Path removed(String id) {
    return root.resolve(REMOVED + id + "-" + Long.toHexString(System.nanoTime()));
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
    if (p == null || !Files.exists(p)) {
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
