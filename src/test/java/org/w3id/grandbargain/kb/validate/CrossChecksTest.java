package org.w3id.grandbargain.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.TestProject;

/**
 * Each cross-check finds the inconsistency planted in its fixture ({@code
 * src/test/resources/checks/<check>/planted.trig}, with the shared {@code common.trig}) and says
 * exactly what {@code planted.txt} expects, and finds nothing in {@code consistent.trig}, which
 * differs from the planted fixture by the one value that makes it consistent.
 */
class CrossChecksTest {
  private static final Path FIXTURES = TestProject.resource("checks");
  private static final List<CrossChecks.Check> CHECKS =
      CrossChecks.read(TestProject.layout().checks());

  static Stream<String> checks() {
    return CHECKS.stream().map(CrossChecks.Check::name);
  }

  private static CrossChecks.Check check(String name) {
    return CHECKS.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static DatasetGraph fixture(String name, String variant) {
    DatasetGraph d = DatasetGraphFactory.create();
    RDFDataMgr.read(d, FIXTURES.resolve("common.trig").toString());
    RDFDataMgr.read(d, FIXTURES.resolve(name).resolve(variant + ".trig").toString());
    return d;
  }

  /** The findings, one line each: targets, the finding's words, what it compares with. */
  static String findings(DatasetGraph d) {
    String q =
        "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX gb: <https://w3id.org/grand-bargain/ontology#>"
            + " PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>"
            + " SELECT ?a (GROUP_CONCAT(STR(?t); separator=' ') AS ?targets) ?text ?with WHERE {"
            + " GRAPH <https://w3id.org/grand-bargain/graph/findings> {"
            + " ?a a <http://www.w3.org/ns/dqv#QualityAnnotation> ; oa:hasTarget ?t ;"
            + " oa:hasBody/rdf:value ?text . OPTIONAL { ?a gb:comparedWith ?with } } }"
            + " GROUP BY ?a ?text ?with";
    List<String> lines = new java.util.ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(d)).query(q).build()) {
      qe.execSelect()
          .forEachRemaining(
              row -> {
                String targets =
                    new TreeSet<>(List.of(row.getLiteral("targets").getString().split(" ")))
                        .stream().map(CrossChecksTest::shorten).collect(Collectors.joining(" "));
                RDFNode with = row.get("with");
                lines.add(
                    targets
                        + " | "
                        + row.getLiteral("text").getString()
                        + " | "
                        + (with == null ? "" : shorten(with.toString())));
              });
    }
    return lines.stream().sorted().collect(Collectors.joining("\n"));
  }

  private static String shorten(String iri) {
    return iri.replace("https://w3id.org/grand-bargain/id/", "id:")
        .replace("https://w3id.org/grand-bargain/", "");
  }

  @Test
  void everyCheckHasItsFixturesAndEveryFixtureACheck() throws IOException {
    TreeSet<String> fixtures = new TreeSet<>();
    try (var dirs = Files.list(FIXTURES)) {
      dirs.filter(Files::isDirectory).forEach(p -> fixtures.add(p.getFileName().toString()));
    }
    assertEquals(fixtures, checks().collect(Collectors.toCollection(TreeSet::new)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void findsThePlantedInconsistency(String name) throws IOException {
    DatasetGraph d = fixture(name, "planted");
    String expected = Files.readString(FIXTURES.resolve(name).resolve("planted.txt")).strip();
    assertEquals(expected.split("\n").length, CrossChecks.run(List.of(check(name)), d));
    assertEquals(expected, findings(d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checks")
  void staysSilentOnConsistentData(String name) {
    DatasetGraph d = fixture(name, "consistent");
    assertEquals(0, CrossChecks.run(List.of(check(name)), d));
    assertEquals("", findings(d));
  }

  @Test
  void aRoleIsComparedOnlyWithTheEventsOfItsOwnArticle() {
    DatasetGraph d = fixture("post-not-held", "other-article");
    assertEquals(0, CrossChecks.run(List.of(check("post-not-held")), d));
    assertEquals("", findings(d));
  }

  @Test
  void aCheckRunsOfflineAndItsServiceCallsGoNowhere(@TempDir Path dir) throws IOException {
    String forbidden = org.w3id.grandbargain.kb.StandIns.get().forbiddenAddress();
    int before = org.w3id.grandbargain.kb.StandIns.get().forbiddenContacts();
    Files.writeString(
        dir.resolve("calls-out.rq"),
        "#+ summary: A check that calls out\nSELECT ?target ?claim ?finding ?comparedWith"
            + " WHERE { SERVICE <"
            + forbidden
            + "> { ?target ?claim ?finding } }\n");
    List<CrossChecks.Check> checks = CrossChecks.read(dir);
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> CrossChecks.run(checks, fixture("events-out-of-order", "planted")));
    assertEquals(
        "calls-out: a check runs offline, on the snapshots; SERVICE "
            + forbidden
            + " is not called",
        e.getMessage());
    assertEquals(before, org.w3id.grandbargain.kb.StandIns.get().forbiddenContacts());
  }

  @Test
  void aCheckMustSelectTheFourColumns(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("bad.rq"), "#+ summary: A bad check\nSELECT ?target WHERE { ?target ?p ?o }\n");
    assertEquals(
        dir.resolve("bad.rq")
            + ": a check selects ?target ?claim ?finding ?comparedWith, in that order",
        assertThrows(ConfigurationException.class, () -> CrossChecks.read(dir)).getMessage());
  }
}
