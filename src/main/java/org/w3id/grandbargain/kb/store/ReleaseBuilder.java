package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.KbException;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.StageTimer;
import org.w3id.grandbargain.kb.load.Graphs;
import org.w3id.grandbargain.kb.load.LoadedData;
import org.w3id.grandbargain.kb.load.Loader;
import org.w3id.grandbargain.kb.validate.CrossChecks;
import org.w3id.grandbargain.kb.validate.ShapesValidator;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * Builds a release: load, validate, write the TDB2 store and the dumps aside, then publish. A load
 * or validation error, or any failure while writing, leaves the published release untouched.
 *
 * <pre>{@code
 * BuildResult result = new ReleaseBuilder(layout, new ReleaseStore(Path.of("store")))
 *     .build(System.err::println);
 * }</pre>
 */
public final class ReleaseBuilder {
  /** The licence of the main dumps and of the ontology files. */
  public static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

  /** The licences whose data the main dumps carry: their own, and CC0 (Wikidata's). */
  private static final java.util.Set<String> CARRIED =
      java.util.Set.of(LICENCE, "http://creativecommons.org/publicdomain/zero/1.0/");

  private static final Query CLASS_COUNTS =
      SparqlResources.query(ReleaseBuilder.class, "class-counts.rq");

  private final ProjectLayout layout;
  private final ReleaseStore store;

  public ReleaseBuilder(ProjectLayout layout, ReleaseStore store) {
    this.layout = layout;
    this.store = store;
  }

  /**
   * Builds and publishes a release, reporting each step to {@code progress}. Builds of one store
   * exclude each other; a build removes what builds killed before it left.
   *
   * @throws StoreBusyException if another build of the store is running
   * @throws StoreWriteException if the store cannot be written (a full disk, no permission)
   */
  public BuildResult build(Consumer<String> progress) {
    long started = System.nanoTime();
    layout.requireExists();
    try (BuildLock lock = store.lockForBuild()) {
      return build(progress, started);
    }
  }

  private BuildResult build(Consumer<String> progress, long started) {
    progress.accept("loading " + layout.dataRoots() + " against " + layout.ontology());
    StageTimer timer = new StageTimer(progress);
    LoadedData data = content(layout, progress, timer);
    DatasetGraph dataset = data.dataset();
    progress.accept("validating against " + layout.shapes());
    timer.restart();
    org.apache.jena.graph.Graph union = CrossChecks.unionOf(dataset);
    ShapesValidator.read(layout.shapes(), data.ontology().graph()).requireConforms(union);
    long quads = Loader.size(dataset);
    timer.done("validate", quads);

    DumpWriter all = new DumpWriter(dataset);
    timer.done("sort", quads);
    String hash = all.contentSha256();
    timer.done("hash", quads);
    Map<Node, String> ownLicence = separatelyLicensed(dataset);
    DumpWriter dumps = all.only(g -> !ownLicence.containsKey(g));
    Map<String, byte[]> served = served(layout);
    String id = Version.current() + "-" + releaseHash(hash, served).substring(0, 12);
    Path staging = store.stage();
    Release release;
    try {
      progress.accept("writing TDB2 store for release " + id);
      timer.restart();
      writeTdb2(dataset, staging.resolve(ReleaseStore.TDB2_DIR));
      timer.done("tdb2", quads);
      SearchIndex.write(dataset, staging.resolve(ReleaseStore.SEARCH_DIR));
      timer.done("search index", quads);
      progress.accept("writing dumps");
      Path dumpDir = Files.createDirectories(staging.resolve(ReleaseStore.DUMPS_DIR));
      List<DumpFile> files = new ArrayList<>();
      timer.restart();
      for (DumpFormat format : DumpFormat.values()) {
        DumpFile written = dumps.write(format, dumpDir, ReleaseStore.DUMPS_DIR, LICENCE);
        files.add(written);
        timer.done("dump " + format.fileName(), written.statements());
      }
      for (Map.Entry<Node, String> own : ownLicence.entrySet()) {
        String name = own.getKey().getURI().substring(GB.GRAPH.length()).replace('/', '-');
        DumpFile d =
            all.only(own.getKey()::equals)
                .write(
                    DumpFormat.TRIG,
                    dumpDir,
                    ReleaseStore.DUMPS_DIR,
                    "grand-bargain-" + name + ".trig",
                    own.getValue());
        files.add(
            new DumpFile(
                d.path(),
                d.format() + ", the graph " + own.getKey().getURI() + " alone",
                d.mediaType(),
                d.gzip(),
                d.bytes(),
                d.sha256(),
                d.statements(),
                d.license()));
      }
      Files.createDirectories(staging.resolve(ReleaseStore.QUERIES_DIR));
      for (Map.Entry<String, byte[]> file : served.entrySet()) {
        Path target = staging.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
      Path ontologyDir = Files.createDirectories(staging.resolve(ReleaseStore.ONTOLOGY_DIR));
      files.add(copy(layout.ontology(), ontologyDir, "OWL ontology (Turtle)"));
      files.add(copy(layout.shapes(), ontologyDir, "SHACL shapes (Turtle)"));
      store.writeManifest(
          staging,
          new ReleaseStore.Manifest(
              id,
              Version.current(),
              hash,
              all.quadCount(),
              all.tripleCount(),
              java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
              files));
      release = store.publish(staging, id);
    } catch (KbException e) {
      store.discard(staging);
      throw e;
    } catch (IOException | RuntimeException | InternalError e) {
      // a full disk shows as an IOException, or, where TDB2 writes to memory-mapped files, as an
      // InternalError of the failed access: look at the disk before the staging folder is gone
      boolean full = StoreFailures.noSpace(e) || nearlyFull(store.root());
      store.discard(staging);
      if (!full && e instanceof RuntimeException r && !cause(e, IOException.class)) {
        throw r;
      }
      if (!full && e instanceof Error err) {
        throw err;
      }
      throw StoreFailures.writing(
          "cannot write release " + id + " in " + store.root(),
          store.root(),
          full && !StoreFailures.noSpace(e) ? new IOException("No space left on device", e) : e);
    }
    timer.done("publish", quads);
    progress.accept("published release " + id);
    BuildResult result =
        new BuildResult(
            release,
            classCounts(union),
            asserted(dataset),
            entailed(dataset),
            countGraphs(dataset),
            Duration.ofNanos(System.nanoTime() - started));
    timer.done("summary", quads);
    return result;
  }

  private static boolean cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the file system of a folder has (almost) no space left. */
  private static boolean nearlyFull(Path folder) {
    try {
      return Files.getFileStore(folder).getUsableSpace() < 1024 * 1024;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Writes the quads into a new TDB2 database with Jena's sequential bulk loader, which fills the
   * primary indexes and then builds each other from it in sorted order, rather than adding the
   * quads one by one to all indexes at once (on two cores it was the fastest of Jena's loaders).
   */
  private static void writeTdb2(DatasetGraph data, Path location) {
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(location.toString());
    try {
      DataLoader loader = LoaderFactory.sequentialLoader(tdb, (format, args) -> {});
      loader.startBulk();
      try {
        StreamRDF stream = loader.stream();
        data.find().forEachRemaining(stream::quad);
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
      loader.finishBulk();
    } finally {
      TDBInternal.expel(tdb);
    }
  }

  /**
   * The files the server answers from besides the data, by their path in the release: the named
   * queries ({@code queries/*.rq}) and the dataset description ({@code dataset.ttl}, when the first
   * data folder has one; a release without it is built but not served). A release holds its own
   * copies, so that what it serves, and every validator tied to its identifier, changes only with a
   * new release.
   */
  static Map<String, byte[]> served(ProjectLayout layout) {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try {
      if (Files.isRegularFile(layout.datasetDescription())) {
        files.put(
            ReleaseStore.DATASET_DESCRIPTION, Files.readAllBytes(layout.datasetDescription()));
      }
      for (org.w3id.grandbargain.kb.QueryFile q :
          org.w3id.grandbargain.kb.QueryFile.readAll(layout.queries())) {
        Path file = q.file();
        files.put(ReleaseStore.QUERIES_DIR + "/" + file.getFileName(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new org.w3id.grandbargain.kb.ConfigurationException(
          "cannot read what the release serves: " + e.getMessage(), e);
    }
    return files;
  }

  /**
   * The hash a release is named by: of its content's hash and of every file served with it (the
   * ontology and shapes are part of the content), so that equal inputs give the same release and a
   * changed query or description a new one.
   */
  static String releaseHash(String contentSha256, Map<String, byte[]> served) {
    StringBuilder sb = new StringBuilder(contentSha256).append('\n');
    served.forEach(
        (name, bytes) -> sb.append(name).append(' ').append(Digests.sha256Hex(bytes)).append('\n'));
    return Digests.sha256Hex(sb.toString());
  }

  private static DumpFile copy(Path source, Path dir, String format) throws IOException {
    Path target = dir.resolve(source.getFileName());
    Files.copy(source, target);
    byte[] bytes = Files.readAllBytes(target);
    org.apache.jena.graph.Graph g = org.apache.jena.riot.RDFParser.source(target).toGraph();
    return new DumpFile(
        ReleaseStore.ONTOLOGY_DIR + "/" + source.getFileName(),
        format,
        "text/turtle",
        false,
        bytes.length,
        Digests.sha256Hex(bytes),
        g.size(),
        LICENCE);
  }

  /**
   * What a release holds: the loaded data, with the findings of the cross-checks of {@code
   * queries/checks/} and their entailments.
   */
  public static LoadedData content(ProjectLayout layout, Consumer<String> progress) {
    return content(layout, progress, StageTimer.silent());
  }

  private static LoadedData content(
      ProjectLayout layout, Consumer<String> progress, StageTimer timer) {
    LoadedData data = Loader.load(layout, timer);
    List<CrossChecks.Check> checks = CrossChecks.read(layout.checks());
    progress.accept("running " + checks.size() + " cross-checks of " + layout.checks());
    timer.restart();
    int findings = CrossChecks.run(checks, data.dataset());
    timer.done("cross-checks", Loader.size(data.dataset()));
    Loader.entail(data, List.of(CrossChecks.GRAPH));
    timer.done("entail findings", Loader.size(data.dataset()));
    progress.accept(findings + " findings");
    return data;
  }

  /**
   * The graphs published under a licence of their own that the main dumps' cannot carry (the
   * DBpedia snapshot's CC BY-SA): each goes to a dump of its own, with its licence, and out of the
   * main dumps. A graph's licence is its {@code dcterms:license}, as its description states it.
   */
  private static Map<Node, String> separatelyLicensed(DatasetGraph dataset) {
    Map<Node, String> own = new TreeMap<>(java.util.Comparator.comparing(Node::getURI));
    dataset
        .find(Node.ANY, Node.ANY, DCTerms.license.asNode(), Node.ANY)
        .forEachRemaining(
            q -> {
              Node graph = q.getSubject();
              if (graph.isURI()
                  && dataset.containsGraph(graph)
                  && q.getObject().isURI()
                  && !CARRIED.contains(q.getObject().getURI())) {
                own.put(graph, q.getObject().getURI());
              }
            });
    return own;
  }

  private static Map<String, Long> classCounts(org.apache.jena.graph.Graph union) {
    Map<String, Long> counts = new TreeMap<>();
    var model = ModelFactory.createModelForGraph(union);
    try (QueryExecution qe =
        QueryExecution.dataset(DatasetFactory.wrap(model)).query(CLASS_COUNTS).build()) {
      qe.execSelect()
          .forEachRemaining(
              s ->
                  counts.put(
                      s.getResource("class").getURI().substring(GB.NS.length()),
                      s.getLiteral("count").getLong()));
    }
    return counts;
  }

  private static long asserted(DatasetGraph dataset) {
    return dataset.stream()
        .filter(q -> !Graphs.isDerived(q.getGraph()) && !q.getGraph().equals(Graphs.ONTOLOGY))
        .count();
  }

  private static long entailed(DatasetGraph dataset) {
    return dataset.stream().filter(q -> Graphs.isDerived(q.getGraph())).count();
  }

  private static long countGraphs(DatasetGraph dataset) {
    long[] n = {0};
    dataset.listGraphNodes().forEachRemaining(g -> n[0]++);
    return n[0];
  }
}
