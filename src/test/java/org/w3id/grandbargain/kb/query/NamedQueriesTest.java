package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * Every query of {@code queries/} parses and returns exactly the answers of its golden file in
 * {@code src/test/resources/named-queries/}, run against a release of the real data built into a
 * TDB2 store in a temporary folder. Rows are rendered one per line, cells separated by " | ", IRIs
 * of the knowledge base shortened to {@code id:}, trailing empty cells dropped.
 */
public class NamedQueriesTest {
  /** The arguments each parameterised query is run with. */
  public static final Map<String, Map<String, String>> ARGUMENTS =
      Map.of(
          "claims-by-speaker",
          Map.of("speaker", "https://w3id.org/grand-bargain/id/lawrence-wilkerson"),
          "proposal-terms",
          Map.of(
              "proposal", "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/grand-bargain"),
          "proposal-events",
          Map.of(
              "proposal", "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/grand-bargain"),
          "who-says-what",
          Map.of(
              "resource", "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/supreme-leader"));

  /**
   * The expected answers, by query name: {@code src/test/resources/named-queries/<name>.txt}, one
   * golden file per query, rendered as {@link #render} renders answers.
   */
  public static final Map<String, String> EXPECTED = readExpected();

  private static Map<String, String> readExpected() {
    Path dir = TestProject.resource("named-queries");
    try (var files = java.nio.file.Files.list(dir)) {
      Map<String, String> expected = new java.util.TreeMap<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.txt$", "");
        expected.put(name, java.nio.file.Files.readString(f));
      }
      return java.util.Collections.unmodifiableMap(expected);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @TempDir static Path store;
  private static KnowledgeBase kb;
  private static QueryCatalog catalog;

  @BeforeAll
  static void build() {
    ReleaseStore releases = new ReleaseStore(store);
    new ReleaseBuilder(TestProject.layout(), releases).build(m -> {});
    kb = KnowledgeBase.openCurrent(releases);
    catalog = QueryCatalog.read(TestProject.layout().queries());
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  static List<String> names() {
    return List.copyOf(QueryCatalog.read(TestProject.layout().queries()).all().keySet());
  }

  @Test
  void everyQueryHasExpectedAnswersAndEveryExpectationAQuery() {
    assertEquals(
        new java.util.TreeSet<>(EXPECTED.keySet()),
        new java.util.TreeSet<>(catalog.all().keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void theQueryReturnsTheExpectedAnswers(String name) {
    NamedQuery query = catalog.get(name);
    // federated queries call the stand-ins in place of Wikidata and DBpedia
    ResultSetRewindable rows =
        new DatasetKnowledge(kb.dataset(), StandIns.get().policy())
            .select(query, ARGUMENTS.getOrDefault(name, Map.of()));
    String actual = render(rows);
    if (Boolean.getBoolean("named-queries.golden.write")) {
      try {
        java.nio.file.Files.writeString(
            Path.of("src/test/resources/named-queries", name + ".txt"),
            actual.isEmpty() ? "" : actual + "\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    assertEquals(EXPECTED.get(name).strip(), actual);
  }

  @Test
  void violationQueriesFindNothing() {
    for (String name : catalog.all().keySet()) {
      if (name.endsWith("-violation")) {
        assertEquals("", EXPECTED.get(name).strip(), name);
      }
    }
  }

  @Test
  void aParametersExampleMustFitItsTypeAndMayEndASentence(@TempDir Path folder)
      throws java.io.IOException {
    Path file = folder.resolve("bad-example.rq");
    java.nio.file.Files.writeString(
        file,
        """
        #+ summary: A query whose parameter's example is no IRI
        #+ param: who iri required The agent, for example not an iri
        SELECT ?who WHERE { ?who a ?type }
        """);
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> QueryCatalog.parse(file));
    assertTrue(
        e.getMessage().startsWith(file + ": the example of parameter 'who': "), e.getMessage());

    java.nio.file.Files.writeString(
        file,
        """
        #+ summary: A query whose parameter's example ends a sentence
        #+ param: who iri required The agent, for example https://w3id.org/grand-bargain/id/x. Any agent.
        SELECT ?who WHERE { ?who a ?type }
        """);
    assertEquals(
        java.util.Optional.of("https://w3id.org/grand-bargain/id/x"),
        QueryCatalog.parse(file).parameters().get(0).example());
  }

  @Test
  void aRequiredParameterMustBeGiven() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new DatasetKnowledge(kb.dataset())
                    .select(catalog.get("claims-by-speaker"), Map.of()));
    assertEquals(
        "query 'claims-by-speaker' needs the parameter 'speaker': The agent, for example https://w3id.org/grand-bargain/id/lawrence-wilkerson",
        e.getMessage());
  }

  @Test
  void anUnknownParameterIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new DatasetKnowledge(kb.dataset())
                    .select(catalog.get("timeline"), Map.of("year", "2003")));
    assertEquals("query 'timeline' has no parameter 'year'", e.getMessage());
  }

  @Test
  void aValueThatIsNotAnIriCannotReachTheQueryText() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new DatasetKnowledge(kb.dataset())
                    .select(
                        catalog.get("claims-by-speaker"),
                        Map.of("speaker", "x> } UNION { ?s ?p ?o")));
    assertTrue(
        e.getMessage().startsWith("parameter 'speaker': 'x> } UNION { ?s ?p ?o' is not an IRI: "),
        e.getMessage());
  }

  @Test
  void anUnknownSpeakerHasNoClaims() {
    ResultSetRewindable rows =
        new DatasetKnowledge(kb.dataset())
            .select(
                catalog.get("claims-by-speaker"),
                Map.of("speaker", "https://w3id.org/grand-bargain/id/nobody"));
    assertEquals("", render(rows));
  }

  /** One line per row, cells joined by " | ". */
  public static String render(ResultSetRewindable rows) {
    rows.reset();
    List<String> lines = new ArrayList<>();
    while (rows.hasNext()) {
      QuerySolution s = rows.next();
      List<String> cells = new ArrayList<>();
      for (String v : rows.getResultVars()) {
        cells.add(cell(s.get(v)));
      }
      lines.add(String.join(" | ", cells).stripTrailing());
    }
    return String.join("\n", lines);
  }

  /** A value as rendered in the expectations. */
  public static String cell(RDFNode n) {
    if (n == null) {
      return "";
    }
    if (n.isURIResource()) {
      return shorten(n.asResource().getURI());
    }
    return n.asLiteral().getLexicalForm();
  }

  /** An IRI as rendered in the expectations. */
  public static String shorten(String iri) {
    return iri.replace("https://w3id.org/grand-bargain/id/", "id:")
        .replace("http://www.w3.org/2006/time#", "time:");
  }
}
