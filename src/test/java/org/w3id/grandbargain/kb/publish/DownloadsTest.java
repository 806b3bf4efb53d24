package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.store.DumpFile;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;

/** The dataset description (VoID, DCAT) and the downloads, over real HTTP. */
class DownloadsTest {
  private static TestServer server;
  private static Release release;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    release = server.publication().release();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Node iri(String s) {
    return NodeFactory.createURI(s);
  }

  static Stream<Arguments> representations() {
    return Stream.of(
        Arguments.of("text/turtle", Lang.TURTLE),
        Arguments.of("application/ld+json", Lang.JSONLD),
        Arguments.of("application/n-triples", Lang.NTRIPLES),
        Arguments.of("application/rdf+xml", Lang.RDFXML));
  }

  /** The links in the store, by external dataset and relation. */
  private static java.util.Map<String, Long> linkCounts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    String q =
        "SELECT ?o ?p WHERE { VALUES ?p { <http://www.w3.org/2002/07/owl#sameAs>"
            + " <http://www.w3.org/2004/02/skos/core#exactMatch>"
            + " <http://www.w3.org/2004/02/skos/core#closeMatch> } ?s ?p ?o"
            + " FILTER(STRSTARTS(STR(?s), 'https://w3id.org/grand-bargain/id/')) }";
    for (var row : rows(q)) {
      String o = row.getResource("o").getURI();
      String target =
          o.startsWith("http://www.wikidata.org/")
              ? "https://www.wikidata.org/"
              : "https://dbpedia.org/";
      counts.merge(target + " " + row.getResource("p").getLocalName(), 1L, Long::sum);
    }
    return counts;
  }

  /** How many findings the store holds. */
  private static int findings() {
    String q =
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <http://www.w3.org/ns/dqv#QualityAnnotation> }";
    return rows(q).get(0).getLiteral("n").getInt();
  }

  /** The rows of a query over the release the server publishes. */
  private static List<org.apache.jena.query.QuerySolution> rows(String q) {
    var rs =
        new org.w3id.grandbargain.kb.query.DatasetKnowledge(server.publication().kb().dataset())
            .select(
                org.apache.jena.query.QueryFactory.create(q),
                org.apache.jena.sparql.engine.binding.BindingFactory.empty());
    List<org.apache.jena.query.QuerySolution> rows = new java.util.ArrayList<>();
    rs.forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void theDbpediaSnapshotIsADistributionOfItsOwnUnderItsOwnLicence() {
    HttpResponse<byte[]> r = server.get("/dataset", "Accept", "text/turtle");
    Graph g = RDFParser.fromString(TestServer.text(r), Lang.TURTLE).toGraph();
    Node own = null;
    for (DumpFile f : release.files()) {
      if (f.path().endsWith("grand-bargain-external-dbpedia.trig")) {
        own = iri(server.url("/download/" + release.id() + "/" + f.path() + "#distribution"));
      }
    }
    assertTrue(own != null, "the DBpedia snapshot has its own dump: " + release.files());
    assertTrue(
        g.contains(
            own,
            iri("http://purl.org/dc/terms/license"),
            iri("http://creativecommons.org/licenses/by-sa/3.0/")));
    for (DumpFile f : release.files()) {
      if (f.path().startsWith("dumps/grand-bargain.")) {
        assertEquals(ReleaseBuilder.LICENCE, f.license(), f.path());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void theDatasetDescriptionNamesEndpointDumpsDistributionsPartitionsAndLinksets(
      String mediaType, Lang lang) {
    HttpResponse<byte[]> r = server.get("/dataset", "Accept", mediaType);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(mediaType));
    Graph g = RDFParser.fromString(TestServer.text(r), lang).toGraph();
    Node ds = iri("https://w3id.org/grand-bargain/dataset");
    assertTrue(g.contains(ds, RDF.type.asNode(), VOID.Dataset.asNode()));
    assertTrue(g.contains(ds, RDF.type.asNode(), DCAT.Dataset.asNode()));
    assertTrue(g.contains(ds, VOID.sparqlEndpoint.asNode(), iri(server.url("/kb/sparql"))));
    for (DumpFile f : release.files()) {
      if (f.path().startsWith("dumps/")) {
        assertTrue(
            g.contains(ds, VOID.dataDump.asNode(), iri(server.url("/download/latest/" + f.path()))),
            f.path());
      }
      Node dist = iri(server.url("/download/" + release.id() + "/" + f.path() + "#distribution"));
      assertTrue(g.contains(ds, DCAT.distribution.asNode(), dist), f.path());
      assertTrue(
          g.contains(
              dist,
              DCAT.byteSize.asNode(),
              NodeFactory.createLiteralDT(
                  Long.toString(f.bytes()),
                  org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger)),
          f.path());
    }
    assertTrue(
        g.contains(
            ds,
            VOID.exampleResource.asNode(),
            iri("https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal")));
    assertTrue(g.contains(ds, VOID.classPartition.asNode(), Node.ANY));
    assertTrue(g.contains(ds, VOID.propertyPartition.asNode(), Node.ANY));
    // one linkset per external dataset and relation, counting the links the store holds
    java.util.Map<String, Long> linksets = new java.util.TreeMap<>();
    g.find(Node.ANY, RDF.type.asNode(), VOID.Linkset.asNode())
        .forEachRemaining(
            t -> {
              Node objects =
                  g.find(t.getSubject(), VOID.objectsTarget.asNode(), Node.ANY).next().getObject();
              Node relation =
                  g.find(t.getSubject(), VOID.linkPredicate.asNode(), Node.ANY).next().getObject();
              long n =
                  ((Number)
                          g.find(t.getSubject(), VOID.triples.asNode(), Node.ANY)
                              .next()
                              .getObject()
                              .getLiteralValue())
                      .longValue();
              linksets.put(objects.getURI() + " " + relation.getLocalName(), n);
            });
    assertEquals(linkCounts(), linksets);
    assertEquals(
        findings(),
        g.find(ds, iri("http://www.w3.org/ns/dqv#hasQualityAnnotation"), Node.ANY).toList().size());
    assertTrue(
        g.contains(
            ds,
            iri("http://purl.org/dc/terms/license"),
            iri("https://creativecommons.org/licenses/by/4.0/")));
    assertTrue(
        g.contains(
            ds,
            iri("http://purl.org/dc/terms/source"),
            iri("https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal")));
  }

  @Test
  void theWellKnownVoidLocationAnswersTurtleByDefault() {
    HttpResponse<byte[]> r = server.get("/.well-known/void");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    Graph g = RDFParser.fromString(TestServer.text(r), Lang.TURTLE).toGraph();
    assertTrue(
        g.contains(
            iri("https://w3id.org/grand-bargain/dataset"), VOID.sparqlEndpoint.asNode(), Node.ANY));
    String page = TestServer.text(server.get("/dataset", "Accept", "text/html"));
    assertTrue(page.contains("<h2 id=\"files\">Downloads</h2>"));
    for (DumpFile f : files()) {
      String size = "<span title=\"" + f.bytes() + " bytes\">" + Pages.size(f.bytes()) + "</span>";
      assertTrue(page.contains(size), f.path() + ": " + size);
    }
  }

  @Test
  void sizesAreForPeople() {
    assertEquals("1 byte", Pages.size(1));
    assertEquals("999 bytes", Pages.size(999));
    assertEquals("754 KB", Pages.size(754_351));
    assertEquals("999 KB", Pages.size(999_499));
    assertEquals("1.0 MB", Pages.size(999_600));
    assertEquals("1.0 GB", Pages.size(999_960_000));
    assertEquals("5.3 MB", Pages.size(5_329_261));
    assertEquals("1.2 GB", Pages.size(1_234_567_890));
  }

  static List<DumpFile> files() {
    return TestServer.store().current().orElseThrow().files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyFileIsServedPerReleaseAndAsLatestWithItsSizeAndDigest(DumpFile f) throws Exception {
    byte[] onDisk = Files.readAllBytes(release.file(f.path()));
    for (String which : List.of(release.id(), "latest")) {
      HttpResponse<byte[]> r = server.get("/download/" + which + "/" + f.path());
      assertEquals(200, r.statusCode(), f.path());
      assertArrayEquals(onDisk, r.body(), f.path());
      assertEquals(f.sha256(), Digests.sha256Hex(r.body()));
      assertEquals(f.bytes(), r.body().length);
      String type = r.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith(f.gzip() ? "application/gzip" : f.mediaType()), type);
      String cache = r.headers().firstValue("Cache-Control").orElse("");
      assertTrue(
          which.equals("latest") ? cache.contains("max-age=3600") : cache.contains("immutable"),
          cache);
    }
  }

  @Test
  void unknownFilesAndReleasesAre404AndDownloadsAnswer304() {
    assertEquals(404, server.get("/download/latest/dumps/grand-bargain.csv").statusCode());
    assertEquals(
        404, server.get("/download/0.0.1-000000000000/dumps/grand-bargain.ttl").statusCode());
    assertEquals(404, server.get("/download/latest/../../etc/passwd").statusCode());
    HttpResponse<byte[]> r = server.get("/download/latest/dumps/grand-bargain.ttl");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        server.get("/download/latest/dumps/grand-bargain.ttl", "If-None-Match", etag).statusCode());
  }
}
