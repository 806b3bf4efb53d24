package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.TestProject;

/**
 * Each {@code *-violation} query finds what it looks for: over the ontology and a dataset with one
 * instance of each violation planted ({@code violations/planted.trig}), it returns exactly the rows
 * in {@code violations/<query>.txt}, which are never empty. (Over the real data, {@link
 * NamedQueriesTest} expects them to return none.)
 */
class ViolationQueriesTest {
  private static final Path PLANTED = TestProject.resource("violations");
  private static Dataset dataset;
  private static QueryCatalog catalog;

  @BeforeAll
  static void load() {
    dataset = TDB2Factory.createDataset();
    dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    Txn.executeWrite(
        dataset,
        () -> {
          RDFDataMgr.read(
              dataset.getNamedModel("https://w3id.org/grand-bargain/graph/ontology"),
              TestProject.layout().ontology().toString());
          RDFDataMgr.read(dataset, PLANTED.resolve("planted.trig").toString());
        });
    catalog = QueryCatalog.read(TestProject.layout().queries());
  }

  static List<String> violationQueries() {
    return QueryCatalog.read(TestProject.layout().queries()).all().keySet().stream()
        .filter(name -> name.endsWith("-violation"))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violationQueries")
  void theQueryFindsThePlantedViolation(String name) throws IOException {
    String expected = Files.readString(PLANTED.resolve(name + ".txt")).strip();
    assertFalse(expected.isEmpty(), name + ": the planted data must violate it");
    String found =
        NamedQueriesTest.render(new DatasetKnowledge(dataset).select(catalog.get(name), Map.of()));
    assertEquals(expected, found);
  }
}
