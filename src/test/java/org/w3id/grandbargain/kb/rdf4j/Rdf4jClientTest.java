package org.w3id.grandbargain.kb.rdf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.util.Values;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.publish.TestServer;
import org.w3id.grandbargain.kb.query.NamedQueriesTest;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.query.QueryParameter;
import org.w3id.grandbargain.kb.store.DumpFile;

/**
 * Eclipse RDF4J as an independent client of the server: its SPARQLRepository runs every named query
 * against the endpoint and gets the answers the in-process tests expect, and its Rio parses every
 * negotiated format and every download. The server holds the real article alone, as the in-process
 * tests do.
 */
class Rdf4jClientTest {
  private static TestServer server;
  private static SPARQLRepository repository;

  @BeforeAll
  static void start() {
    server = TestServer.startRealArticleOnly();
    repository = new SPARQLRepository(server.url("/kb/sparql"));
    repository.init();
  }

  @AfterAll
  static void stop() {
    repository.shutDown();
    server.close();
  }

  static List<NamedQuery> namedQueries() {
    return List.copyOf(server().publication().queries().all().values());
  }

  private static TestServer server() {
    if (server == null) {
      start();
    }
    return server;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedQueries")
  void sparqlRepositoryGetsTheExpectedAnswers(NamedQuery query) {
    Map<String, String> args = NamedQueriesTest.ARGUMENTS.getOrDefault(query.name(), Map.of());
    List<String> lines = new ArrayList<>();
    try (RepositoryConnection c = repository.getConnection()) {
      TupleQuery tq = c.prepareTupleQuery(query.text());
      for (QueryParameter p : query.parameters()) {
        String value = args.get(p.name());
        if (value != null) {
          tq.setBinding(p.name(), Values.iri(value));
        }
      }
      try (TupleQueryResult result = tq.evaluate()) {
        List<String> vars = result.getBindingNames();
        for (BindingSet row : result) {
          List<String> cells = new ArrayList<>();
          for (String v : vars) {
            cells.add(cell(row.getValue(v)));
          }
          lines.add(String.join(" | ", cells).stripTrailing());
        }
      }
    }
    assertEquals(
        NamedQueriesTest.EXPECTED.get(query.name()).strip(),
        String.join("\n", lines),
        query.name());
  }

  private static String cell(Value v) {
    if (v == null) {
      return "";
    }
    if (v.isIRI()) {
      return NamedQueriesTest.shorten(v.stringValue());
    }
    return v.stringValue();
  }

  static Stream<Arguments> negotiated() {
    return Stream.of(
        Arguments.of("/doc/id/lawrence-wilkerson", "text/turtle", RDFFormat.TURTLE),
        Arguments.of("/doc/id/lawrence-wilkerson", "application/ld+json", RDFFormat.JSONLD),
        Arguments.of("/doc/id/lawrence-wilkerson", "application/n-triples", RDFFormat.NTRIPLES),
        Arguments.of("/doc/id/lawrence-wilkerson", "application/rdf+xml", RDFFormat.RDFXML),
        Arguments.of("/doc/graph/shared", "text/turtle", RDFFormat.TURTLE),
        Arguments.of("/doc/graph/shared", "application/ld+json", RDFFormat.JSONLD),
        Arguments.of("/ontology", "text/turtle", RDFFormat.TURTLE),
        Arguments.of("/ontology", "application/rdf+xml", RDFFormat.RDFXML),
        Arguments.of("/shapes", "application/ld+json", RDFFormat.JSONLD),
        Arguments.of("/dataset", "text/turtle", RDFFormat.TURTLE),
        Arguments.of("/dataset", "application/ld+json", RDFFormat.JSONLD),
        Arguments.of("/dataset", "application/n-triples", RDFFormat.NTRIPLES),
        Arguments.of("/dataset", "application/rdf+xml", RDFFormat.RDFXML),
        Arguments.of("/kb/sparql", "text/turtle", RDFFormat.TURTLE),
        Arguments.of("/kb/sparql", "application/ld+json", RDFFormat.JSONLD));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("negotiated")
  void rioParsesEveryNegotiatedFormat(String path, String mediaType, RDFFormat format)
      throws IOException {
    HttpResponse<byte[]> r = server().get(path, "Accept", mediaType);
    assertEquals(200, r.statusCode());
    Model model = Rio.parse(new ByteArrayInputStream(r.body()), server().url(path), format);
    assertFalse(model.isEmpty(), path);
  }

  static Stream<Arguments> withNamedGraphs() {
    return Stream.of(
        Arguments.of("application/trig", RDFFormat.TRIG, org.apache.jena.riot.Lang.TRIG),
        Arguments.of("application/n-quads", RDFFormat.NQUADS, org.apache.jena.riot.Lang.NQUADS),
        Arguments.of("application/ld+json", RDFFormat.JSONLD, org.apache.jena.riot.Lang.JSONLD));
  }

  /** Each statement of a dataset, with its graph ("" for the default graph), as a line. */
  private static java.util.Set<String> quads(Model model) {
    java.util.Set<String> lines = new java.util.TreeSet<>();
    model.forEach(
        st ->
            lines.add(
                st.getSubject()
                    + " "
                    + st.getPredicate()
                    + " "
                    + st.getObject()
                    + " "
                    + (st.getContext() == null ? "" : st.getContext().stringValue())));
    return lines;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withNamedGraphs")
  void rioReadsTheSameGraphsAsJenaInEachFormatWithNamedGraphs(
      String mediaType, RDFFormat format, org.apache.jena.riot.Lang lang) throws IOException {
    String path = "/doc/id/ips-2006-03-28-cabal/role-khamenei";
    HttpResponse<byte[]> r = server().get(path, "Accept", mediaType);
    assertEquals(200, r.statusCode());
    Model rio = Rio.parse(new ByteArrayInputStream(r.body()), server().url(path), format);
    Model fromJena = new org.eclipse.rdf4j.model.impl.LinkedHashModel();
    org.apache.jena.riot.RDFParser.fromString(TestServer.text(r), lang)
        .toDatasetGraph()
        .find()
        .forEachRemaining(
            q -> {
              var f = org.eclipse.rdf4j.model.impl.SimpleValueFactory.getInstance();
              org.eclipse.rdf4j.model.Value o =
                  q.getObject().isURI()
                      ? f.createIRI(q.getObject().getURI())
                      : q.getObject().getLiteralLanguage().isEmpty()
                          ? f.createLiteral(
                              q.getObject().getLiteralLexicalForm(),
                              f.createIRI(q.getObject().getLiteralDatatypeURI()))
                          : f.createLiteral(
                              q.getObject().getLiteralLexicalForm(),
                              q.getObject().getLiteralLanguage());
              fromJena.add(
                  f.createIRI(q.getSubject().getURI()),
                  f.createIRI(q.getPredicate().getURI()),
                  o,
                  q.isDefaultGraph() ? null : f.createIRI(q.getGraph().getURI()));
            });
    assertEquals(quads(fromJena), quads(rio));
    var claim =
        Values.iri("https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/porter-role-khamenei");
    var holder =
        rio.filter(
            Values.iri("https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/role-khamenei"),
            Values.iri("https://w3id.org/grand-bargain/ontology#holder"),
            null);
    assertEquals(java.util.Set.of(claim), holder.contexts(), "the holder is the claim's statement");
  }

  static List<DumpFile> downloads() {
    return TestServer.store(false).current().orElseThrow().files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("downloads")
  void rioParsesEveryDownload(DumpFile file) throws IOException {
    HttpResponse<byte[]> r = server().get("/download/latest/" + file.path());
    assertEquals(200, r.statusCode());
    RDFFormat format =
        file.path().startsWith("ontology/")
            ? RDFFormat.TURTLE
            : Rio.getParserFormatForMIMEType(file.mediaType()).orElseThrow();
    InputStream in = new ByteArrayInputStream(r.body());
    if (file.gzip()) {
      in = new GZIPInputStream(in);
    }
    Model model = Rio.parse(in, "", format);
    assertEquals(file.statements(), model.size(), file.path());
  }

  @Test
  void theEndpointIsReadOnlyForRdf4jToo() {
    try (RepositoryConnection c = repository.getConnection()) {
      boolean refused;
      try {
        c.prepareUpdate("INSERT DATA { <urn:x> <urn:y> <urn:z> }").execute();
        refused = false;
      } catch (RuntimeException e) {
        refused = true;
      }
      assertTrue(refused, "an update through RDF4J must fail");
      assertFalse(c.prepareBooleanQuery("ASK { <urn:x> ?p ?o }").evaluate());
    }
  }
}
