package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.BadInput;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * Golden-file tests of the loader: the mini fixture's YAML gives exactly the quads of {@code
 * expected-asserted.trig} (every graph but the ontology and the derived ones) and exactly those of
 * {@code expected-inferred.trig} in the derived graphs, each holding what one graph entails.
 */
class LoaderGoldenTest {
  private static final Path MINI = TestProject.resource("mini");
  private static OntologyIndex ontology;

  @BeforeAll
  static void readOntology() {
    ontology = OntologyIndex.read(TestProject.layout().ontology());
  }

  private static LoadedData loadMini() {
    return Loader.load(ontology, List.of(MINI.resolve("data")));
  }

  private static DatasetGraph asserted(DatasetGraph all) {
    DatasetGraph asserted = DatasetGraphFactory.create();
    all.find()
        .forEachRemaining(
            q -> {
              if (!q.getGraph().equals(Graphs.ONTOLOGY) && !Graphs.isDerived(q.getGraph())) {
                asserted.add(q);
              }
            });
    return asserted;
  }

  @Test
  void theAssertedGraphsAreTheGoldenOnes() {
    DatasetGraph expected =
        RDFDataMgr.loadDatasetGraph(MINI.resolve("expected-asserted.trig").toString());
    DatasetGraph actual = asserted(loadMini().dataset());
    assertTrue(
        IsoMatcher.isomorphic(expected, actual),
        () -> "asserted quads differ from the golden file; got:\n" + dump(actual));
  }

  @Test
  void theDerivedGraphsAreTheGoldenOnes() {
    DatasetGraph expected =
        RDFDataMgr.loadDatasetGraph(MINI.resolve("expected-inferred.trig").toString());
    DatasetGraph actual = DatasetGraphFactory.create();
    loadMini()
        .dataset()
        .find()
        .forEachRemaining(
            q -> {
              if (Graphs.isDerived(q.getGraph())) {
                actual.add(q);
              }
            });
    assertTrue(
        IsoMatcher.isomorphic(expected, actual),
        () -> "entailed quads differ from the golden file; got:\n" + dump(actual));
  }

  @Test
  void theOntologyIsLoadedIntoItsOwnGraph() {
    Graph loaded = loadMini().dataset().getGraph(Graphs.ONTOLOGY);
    assertTrue(ontology.graph().isIsomorphicWith(loaded));
  }

  @Test
  void loadingTwiceGivesTheSameQuads() {
    assertTrue(IsoMatcher.isomorphic(loadMini().dataset(), loadMini().dataset()));
  }

  @Test
  void aDerivedGraphHoldsNothingItsSourceAssertsAndEachIsDescribed() {
    DatasetGraph all = loadMini().dataset();
    all.find()
        .forEachRemaining(
            q -> {
              if (!Graphs.isDerived(q.getGraph())) {
                return;
              }
              String name = q.getGraph().getURI();
              Node source =
                  NodeFactory.createURI(
                      name.substring(0, name.length() - Graphs.DERIVED_SUFFIX.length()));
              assertTrue(
                  !all.contains(source, q.getSubject(), q.getPredicate(), q.getObject()),
                  "entailed and also asserted in " + source + ": " + q);
              assertTrue(
                  all.contains(
                      Node.ANY,
                      q.getGraph(),
                      org.w3id.grandbargain.kb.vocabulary.PROV.wasDerivedFrom.asNode(),
                      source),
                  q.getGraph() + " says what it is derived from");
            });
  }

  @Test
  void idsBecomeIrisByScope() {
    SymbolTable symbols = loadMini().symbols();
    assertEquals(GB.ID + "jane-example", symbols.shared().get("jane-example").iri().getURI());
    assertEquals(GB.ID + "mini-note", symbols.article("mini-note").get("mini-note").iri().getURI());
    assertEquals(
        GB.ID + "mini-note/meeting", symbols.article("mini-note").get("meeting").iri().getURI());
    assertEquals(
        GB.ID + "mini-note/offer", symbols.article("mini-note").get("offer").iri().getURI());
  }

  @Test
  void anEntryWrittenAsTheValueOfAnEditorialValueIsDefinedInPlace(@TempDir Path root)
      throws java.io.IOException {
    BadInput inline =
        new BadInput(
            "inline",
            "the identification's value written as an entry",
            "articles/mini-note/events.yaml",
            "    value: jane-example\n",
            "    value: {id: guest, type: Person, name: The guest}\n",
            null);
    DatasetGraph dataset = Loader.load(ontology, List.of(inline.writeInto(root))).dataset();
    Node host = NodeFactory.createURI(GB.ID + "mini-note/host");
    Node guest = NodeFactory.createURI(GB.ID + "mini-note/guest");
    Node editorial = Graphs.article("mini-note");
    assertTrue(dataset.contains(editorial, host, GB.identifiedAs.asNode(), guest));
    assertTrue(
        dataset.contains(
            editorial, guest, GB.name.asNode(), NodeFactory.createLiteralLang("The guest", "en")));
    assertTrue(
        dataset.contains(
            editorial,
            NodeFactory.createURI(GB.ID + "mini-note/host/identification"),
            RDF.object.asNode(),
            guest));
  }

  @Test
  void queriesInSchemaOrgAndFoafTermsFindTheData() {
    var union = loadMini().dataset().getUnionGraph();
    var jane = NodeFactory.createURI(GB.ID + "jane-example");
    assertTrue(
        union.contains(jane, RDF.type.asNode(), NodeFactory.createURI("http://schema.org/Person")));
    assertTrue(
        union.contains(
            jane, RDF.type.asNode(), NodeFactory.createURI("http://xmlns.com/foaf/0.1/Person")));
    assertTrue(
        union.contains(
            jane,
            NodeFactory.createURI("http://xmlns.com/foaf/0.1/name"),
            NodeFactory.createLiteralLang("Jane Example", "en")));
  }

  private static String dump(DatasetGraph dsg) {
    var out = new java.io.ByteArrayOutputStream();
    RDFDataMgr.write(out, dsg, org.apache.jena.riot.Lang.TRIG);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
