package org.w3id.grandbargain.kb.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.BadInput;
import org.w3id.grandbargain.kb.KbException;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.ValidationException;
import org.w3id.grandbargain.kb.load.Loader;
import org.w3id.grandbargain.kb.validate.CrossChecks;

/** Builds into real TDB2 stores in temporary folders. */
class ReleaseBuilderTest {

  private static BuildResult build(ProjectLayout layout, Path store) {
    return new ReleaseBuilder(layout, new ReleaseStore(store)).build(m -> {});
  }

  private static ProjectLayout mini(Path data) {
    ProjectLayout real = TestProject.layout();
    return new ProjectLayout(real.ontology(), real.shapes(), List.of(data), real.queries());
  }

  private static DatasetGraph contents(Release release) {
    DatasetGraph copy = DatasetGraphFactory.create();
    try (KnowledgeBase kb = KnowledgeBase.open(release)) {
      DatasetGraph tdb = kb.dataset().asDatasetGraph();
      Txn.executeRead(tdb, () -> tdb.find().forEachRemaining(copy::add));
    }
    return copy;
  }

  @Test
  void aChangedNamedQueryAloneMakesANewRelease() {
    var layout = TestProject.layout();
    var served = ReleaseBuilder.served(layout);
    var changed = new java.util.TreeMap<>(served);
    changed.put("queries/timeline.rq", "SELECT * {}".getBytes(StandardCharsets.UTF_8));
    assertFalse(
        ReleaseBuilder.releaseHash("same-content", served)
            .equals(ReleaseBuilder.releaseHash("same-content", changed)));
    assertEquals(
        ReleaseBuilder.releaseHash("same-content", served),
        ReleaseBuilder.releaseHash("same-content", ReleaseBuilder.served(layout)));
  }

  @Test
  void aBuildPublishesTheLoadedKnowledgeBaseInTdb2WithItsDumps(@TempDir Path store)
      throws IOException {
    BuildResult result = build(TestProject.layout(), store);
    Release release = result.release();

    assertEquals(release, new ReleaseStore(store).current().orElseThrow());
    assertTrue(release.id().startsWith(Version.current() + "-"));
    assertEquals(
        ReleaseBuilder.releaseHash(
                release.contentSha256(), ReleaseBuilder.served(TestProject.layout()))
            .substring(0, 12),
        release.id().substring(release.id().length() - 12));
    assertEquals(
        Files.readString(TestProject.layout().datasetDescription()),
        Files.readString(release.file("dataset.ttl")),
        "the release holds its own dataset description");
    assertEquals(
        Files.readString(TestProject.layout().queries().resolve("timeline.rq")),
        Files.readString(release.file("queries/timeline.rq")),
        "and its own named queries");
    DatasetGraph published = contents(release);
    assertTrue(
        IsoMatcher.isomorphic(
            ReleaseBuilder.content(TestProject.layout(), m -> {}).dataset(), published),
        "the TDB2 store holds exactly the loaded quads and the checks' findings");
    DatasetGraph loaded = Loader.load(TestProject.layout()).dataset();
    published.removeGraph(CrossChecks.GRAPH);
    published.removeGraph(org.w3id.grandbargain.kb.load.Graphs.derived(CrossChecks.GRAPH));
    assertTrue(
        IsoMatcher.isomorphic(loaded, published),
        "beside the findings graph (and its derived graph), the store holds the loaded quads");
    // the dumps, the DBpedia snapshot's own dump, the ontology and the shapes
    assertEquals(DumpFormat.values().length + 3, release.files().size());
    for (DumpFile f : release.files()) {
      Path file = release.file(f.path());
      assertEquals(f.bytes(), Files.size(file), f.path());
      assertEquals(f.sha256(), sha256(file), f.path());
    }
    assertEquals(56, result.classCounts().get("Claim"));
    assertEquals(27, result.classCounts().get("Event"));
    assertEquals(4, result.classCounts().get("Proposal"));
    assertEquals(2, result.classCounts().get("Channel"));
  }

  @Test
  void twoBuildsGiveIsomorphicStoresAndByteIdenticalDumps(@TempDir Path first, @TempDir Path second)
      throws IOException {
    Release a = build(TestProject.layout(), first).release();
    Release b = build(TestProject.layout(), second).release();

    assertEquals(a.id(), b.id());
    assertEquals(a.files(), b.files());
    for (DumpFile f : a.files()) {
      assertArrayEquals(
          Files.readAllBytes(a.file(f.path())), Files.readAllBytes(b.file(f.path())), f.path());
    }
    assertTrue(IsoMatcher.isomorphic(contents(a), contents(b)));
  }

  @Test
  void rebuildingTheSameContentKeepsOneRelease(@TempDir Path store) {
    ReleaseStore releases = new ReleaseStore(store);
    ProjectLayout layout = mini(TestProject.resource("mini/data"));
    String id = build(layout, store).release().id();
    assertEquals(id, build(layout, store).release().id());
    assertEquals(List.of(id), releases.releases());
  }

  static List<BadInput> refused() {
    return Stream.concat(BadInput.all().stream(), BadInput.nonConforming().stream()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aFailedBuildLeavesThePublishedReleaseUntouched(
      BadInput bad, @TempDir Path root, @TempDir Path store) throws IOException {
    ReleaseStore releases = new ReleaseStore(store);
    Release before = build(mini(TestProject.resource("mini/data")), store).release();
    String manifest = Files.readString(before.file("release.json"));
    long quads = contents(before).stream().count();

    Path data = bad.writeInto(root);
    KbException e = assertThrows(KbException.class, () -> build(mini(data), store));

    assertTrue(e instanceof LoadException || e instanceof ValidationException, e.toString());
    assertEquals(before, releases.current().orElseThrow());
    assertEquals(List.of(before.id()), releases.releases());
    assertEquals(manifest, Files.readString(before.file("release.json")));
    assertEquals(quads, contents(before).stream().count());
    try (Stream<Path> left = Files.list(store)) {
      assertEquals(
          List.of(), left.filter(p -> p.getFileName().toString().startsWith("staging-")).toList());
    }
  }

  @Test
  void dataThatDoesNotConformIsRefusedWithTheViolationsNamed(
      @TempDir Path root, @TempDir Path store) throws IOException {
    List<String> expected =
        List.of(
            "<https://w3id.org/grand-bargain/id/mini-note/jane-says> <https://w3id.org/grand-bargain/ontology#source> [<https://w3id.org/grand-bargain/shapes#Claim-source>, <http://www.w3.org/ns/shacl#MinCountConstraintComponent>]: A claim needs its source document.",
            "<https://w3id.org/grand-bargain/id/mini-note/channel> <https://w3id.org/grand-bargain/ontology#connects> [<https://w3id.org/grand-bargain/shapes#Channel-connects>, <http://www.w3.org/ns/shacl#MinCountConstraintComponent>]: A channel connects at least two agents.");
    List<BadInput> cases = BadInput.nonConforming();
    for (int i = 0; i < cases.size(); i++) {
      Path data = cases.get(i).writeInto(root.resolve("case" + i));
      ValidationException e =
          assertThrows(ValidationException.class, () -> build(mini(data), store));
      assertEquals(List.of(expected.get(i)), e.violations(), cases.get(i).name());
    }
  }

  @Test
  void theDefaultGraphIsTheUnionOfAllGraphs(@TempDir Path store) {
    Release release = build(mini(TestProject.resource("mini/data")), store).release();
    try (KnowledgeBase kb = KnowledgeBase.open(release)) {
      long viaDefault =
          Txn.calculateRead(
              kb.dataset(),
              () -> {
                try (QueryExecution qe =
                    QueryExecution.dataset(kb.dataset())
                        .query(
                            "SELECT (COUNT(*) AS ?n) { ?s a <https://w3id.org/grand-bargain/ontology#Meeting> }")
                        .build()) {
                  return qe.execSelect().next().getLiteral("n").getLong();
                }
              });
      assertEquals(2, viaDefault);
    }
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
