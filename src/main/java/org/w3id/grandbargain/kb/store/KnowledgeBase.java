package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.grandbargain.kb.NotFoundException;

/**
 * An open release: its TDB2 dataset, whose default graph is the union of all named graphs, so that
 * a query without {@code GRAPH} sees every fact while {@code GRAPH ?claim { ... }} still tells
 * which claim states what. Close it to release the database.
 *
 * <p>While open, the release is marked in use ({@link InUse}), and no build removes it. TDB2 lets
 * one process at a time open a database: when another process (a running server) has the release's
 * store open, the release is read from its own N-Quads dumps into an in-memory TDB2 dataset
 * instead, checked against the release's content hash, with the same union default graph: the same
 * answers. Opening checks that the store holds the quads its manifest counts; a store that does
 * not, or cannot be read, is a {@link StoreDamagedException}.
 *
 * <pre>{@code
 * try (KnowledgeBase kb = KnowledgeBase.open(store.current().orElseThrow())) {
 *   ... QueryExecution.dataset(kb.dataset()) ...
 * }
 * }</pre>
 */
public final class KnowledgeBase implements AutoCloseable {
  private final Release release;
  private final DatasetGraph tdb;
  private final Dataset dataset;
  private final InUse mark;
  private final boolean fromDumps;
  private final SearchIndex search;

  private KnowledgeBase(Release release, DatasetGraph tdb, InUse mark, boolean fromDumps) {
    this.release = release;
    this.tdb = tdb;
    this.mark = mark;
    this.fromDumps = fromDumps;
    tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    this.dataset = DatasetFactory.wrap(tdb);
    // a release built before releases had a search index is indexed as it opens
    try {
      this.search =
          Files.isDirectory(release.search())
              ? SearchIndex.open(release.search())
              : SearchIndex.of(tdb);
    } catch (RuntimeException e) {
      expelQuietly(tdb);
      throw e;
    }
  }

  /**
   * Opens a release: its TDB2 store, or its dumps when another process has the store open.
   *
   * @throws StoreDamagedException if the release's store is missing, damaged or unreadable
   */
  public static KnowledgeBase open(Release release) {
    KnowledgeBase kb = tryOpen(release);
    if (kb == null) {
      throw new NotFoundException(
          "release " + release.id() + " was removed from " + release.folder().getParent());
    }
    return kb;
  }

  /** Opens a release, or returns null if a build removed it before it could be marked in use. */
  private static KnowledgeBase tryOpen(Release release) {
    InUse mark;
    try {
      mark = InUse.mark(release.folder());
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StoreDamagedException(
          "cannot mark release "
              + release.id()
              + " in use: "
              + StoreFailures.reason(e)
              + "; every process that opens a release needs to write in its folder: check the"
              + " store's permissions",
          e);
    }
    try {
      if (!Files.isDirectory(release.folder())
          || !Files.exists(release.folder().resolve(ReleaseStore.MANIFEST))) {
        mark.close();
        return null;
      }
      DatasetGraph tdb;
      try {
        tdb = tdb2(release);
      } catch (HeldElsewhere e) {
        return new KnowledgeBase(release, fromDumps(release), mark, true);
      }
      return new KnowledgeBase(release, tdb, mark, false);
    } catch (RuntimeException e) {
      mark.close();
      throw e;
    }
  }

  /** Opens the store's current release, which must exist. */
  public static KnowledgeBase openCurrent(ReleaseStore store) {
    for (int attempt = 0; ; attempt++) {
      Release release =
          store
              .current()
              .orElseThrow(
                  () ->
                      new NotFoundException(
                          "no release built yet in " + store.root() + "; run 'build'"));
      // a build may publish another and remove this one between reading CURRENT and opening it
      KnowledgeBase kb = tryOpen(release);
      if (kb != null) {
        return kb;
      }
      if (attempt == 2) {
        return open(release);
      }
    }
  }

  /** Checks, in passing, that a release's TDB2 store is whole. */
  static void verify(Release release) {
    TDBInternal.expel(tdb2(release));
  }

  /** Another process has a TDB2 store open. */
  private static final class HeldElsewhere extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeldElsewhere(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Whether TDB2 refused to open a store because another process holds its lock. */
  private static boolean heldElsewhere(Throwable e) {
    DBOpEnvException refused = cause(e, DBOpEnvException.class);
    return refused != null
        && !(refused instanceof AlreadyLocked)
        && refused.getMessage() != null
        && refused.getMessage().contains("held by process");
  }

  /**
   * Opens a release's TDB2 store and checks that it holds the quads its manifest counts.
   *
   * @throws HeldElsewhere if another process has it open
   */
  private static DatasetGraph tdb2(Release release) {
    Path location = release.tdb2();
    if (!Files.isDirectory(location)) {
      throw new StoreDamagedException(
          "release "
              + release.id()
              + " has no TDB2 store ("
              + location
              + " is missing); run 'build' to publish a fresh release");
    }
    DatasetGraph tdb;
    try {
      tdb = DatabaseMgr.connectDatasetGraph(location.toString());
    } catch (RuntimeException | InternalError e) {
      if (heldElsewhere(e)) {
        throw new HeldElsewhere(e);
      }
      releaseTdb2Locks(location);
      throw damaged(release, location, e);
    }
    try {
      long quads = Txn.calculateRead(tdb, () -> tdb.stream().count());
      if (quads != release.quads()) {
        throw new StoreDamagedException(
            "the TDB2 store of release "
                + release.id()
                + " in "
                + location
                + " holds "
                + quads
                + " quads where its manifest counts "
                + release.quads()
                + "; run 'build' to publish a fresh release");
      }
      return tdb;
    } catch (RuntimeException | InternalError e) {
      expelQuietly(tdb);
      throw e instanceof StoreDamagedException d ? d : damaged(release, location, e);
    }
  }

  /**
   * Lets go of the locks of this process that TDB2 keeps on a store that failed to open, its own
   * and its storage folders', so that the store can be opened again once repaired.
   */
  private static void releaseTdb2Locks(Path location) {
    List<Path> files = new ArrayList<>(List.of(location.resolve("tdb.lock")));
    try (Stream<Path> s = Files.list(location)) {
      s.filter(p -> p.getFileName().toString().startsWith("Data-"))
          .forEach(p -> files.add(p.resolve("tdb.lock")));
    } catch (IOException | UncheckedIOException e) {
      // the folder cannot be listed: nothing in it was locked
    }
    for (Path file : files) {
      ProcessFileLock lock = ProcessFileLock.create(file.toString());
      if (lock.isLockedHere()) {
        ProcessFileLock.release(lock);
      }
    }
  }

  private static StoreDamagedException damaged(Release release, Path location, Throwable e) {
    IOException io = cause(e, IOException.class);
    if (io instanceof java.nio.file.AccessDeniedException) {
      return StoreFailures.unreadable(location, io);
    }
    String problem = e.getMessage() == null ? e.toString() : e.getMessage();
    return new StoreDamagedException(
        "the TDB2 store of release "
            + release.id()
            + " in "
            + location
            + " is damaged or unreadable ("
            + problem.lines().findFirst().orElse("")
            + "); run 'build' to publish a fresh release",
        e);
  }

  private static void expelQuietly(DatasetGraph tdb) {
    try {
      TDBInternal.expel(tdb);
    } catch (RuntimeException e) {
      // already failing
    }
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  /**
   * The release's content read from its dumps into memory: the main N-Quads dump and the dumps of
   * the separately licensed graphs, checked against the release's content hash.
   */
  private static DatasetGraph fromDumps(Release release) {
    Set<String> main =
        Stream.of(DumpFormat.values())
            .map(f -> ReleaseStore.DUMPS_DIR + "/" + f.fileName())
            .collect(Collectors.toSet());
    List<Path> dumps = new ArrayList<>();
    for (DumpFile f : release.files()) {
      if (f.path().equals(ReleaseStore.DUMPS_DIR + "/" + DumpFormat.NQUADS.fileName())
          || (f.path().startsWith(ReleaseStore.DUMPS_DIR + "/") && !main.contains(f.path()))) {
        dumps.add(release.file(f.path()));
      }
    }
    DatasetGraph memory = DatabaseMgr.createDatasetGraph();
    String hash;
    try {
      Txn.executeWrite(memory, () -> dumps.forEach(d -> parse(d, memory)));
      hash = Txn.calculateRead(memory, () -> new DumpWriter(memory).contentSha256());
    } catch (RuntimeException e) {
      IOException io = cause(e, IOException.class);
      String problem = io != null ? StoreFailures.reason(io) : e.getMessage();
      throw new StoreDamagedException(
          "the TDB2 store of release "
              + release.id()
              + " is in use by another process, and its dumps in "
              + release.file(ReleaseStore.DUMPS_DIR)
              + " cannot be read ("
              + problem
              + "); run 'build' to publish a fresh release",
          e);
    }
    if (!hash.equals(release.contentSha256())) {
      throw new StoreDamagedException(
          "the TDB2 store of release "
              + release.id()
              + " is in use by another process, and its dumps in "
              + release.file(ReleaseStore.DUMPS_DIR)
              + " do not hold its content (their SHA-256 is "
              + hash
              + "); run 'build' to publish a fresh release");
    }
    return memory;
  }

  private static void parse(Path dump, DatasetGraph into) {
    String name = dump.getFileName().toString();
    Lang lang = name.endsWith(".nq.gz") ? Lang.NQUADS : Lang.TRIG;
    try (InputStream in =
        name.endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(dump))
            : Files.newInputStream(dump)) {
      RDFParser.source(in).lang(lang).parse(into);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Release release() {
    return release;
  }

  /**
   * Whether the release was read from its dumps, because another process has its TDB2 store open.
   */
  public boolean fromDumps() {
    return fromDumps;
  }

  /** The release's search index, opened read-only. */
  public SearchIndex search() {
    return search;
  }

  /** The dataset, with the union of all graphs as its default graph. */
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public void close() {
    try {
      try {
        search.close();
      } finally {
        TDBInternal.expel(tdb);
      }
    } finally {
      mark.close();
    }
  }
}
