package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;

/** Dereferencing over real HTTP: 303s, content negotiation, descriptions, 404 and 406, caching. */
class LinkedDataTest {
  private static final String WILKERSON = "/id/lawrence-wilkerson";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyMintedIriAnswersWithA303ToItsDescriptionWhichDescribesIt() {
    List<String> iris = new ArrayList<>();
    server.publication().resources().forEach(e -> iris.add(e.iri()));
    iris.addAll(server.publication().graphs());
    java.util.Set<String> subjects = new java.util.TreeSet<>();
    var ds = server.publication().kb().dataset();
    org.apache.jena.system.Txn.executeRead(
        ds,
        () ->
            ds.asDatasetGraph()
                .find()
                .forEachRemaining(
                    q -> {
                      if (q.getSubject().isURI() && q.getSubject().getURI().startsWith(GB.ID)) {
                        subjects.add(q.getSubject().getURI());
                      }
                    }));
    assertTrue(iris.containsAll(subjects), "every subject minted is published");
    for (String iri : iris) {
      if (!iri.startsWith(GB.ID) && !iri.startsWith(GB.GRAPH)) {
        continue;
      }
      String path = "/" + iri.substring(GB.BASE.length());
      HttpResponse<byte[]> see = server.get(IriSpace.encode(path), "Accept", "text/turtle");
      assertEquals(303, see.statusCode(), path);
      String location = TestServer.header(see, "Location");
      assertEquals(IriSpace.encode("/doc" + path), location, path);
      HttpResponse<byte[]> doc = server.get(location, "Accept", "text/turtle");
      assertEquals(200, doc.statusCode(), location);
      Graph g = RDFParser.fromString(TestServer.text(doc), Lang.TURTLE).toGraph();
      Node s = NodeFactory.createURI(iri);
      if (iri.startsWith(GB.ID)) {
        assertTrue(g.contains(s, Node.ANY, Node.ANY), iri + " is described");
      } else {
        assertFalse(g.isEmpty(), iri + " has statements");
      }
    }
  }

  static Stream<Arguments> representations() {
    return Stream.of(
        Arguments.of("text/turtle", Lang.TURTLE, "ttl"),
        Arguments.of("application/ld+json", Lang.JSONLD, "jsonld"),
        Arguments.of("application/n-triples", Lang.NTRIPLES, "nt"),
        Arguments.of("application/rdf+xml", Lang.RDFXML, "rdf"),
        Arguments.of("application/trig", Lang.TRIG, "trig"),
        Arguments.of("application/n-quads", Lang.NQUADS, "nq"));
  }

  /** A description as statements, whatever its format: the union of its graphs. */
  private static Graph union(String body, Lang lang) {
    Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang)
        .toDatasetGraph()
        .find()
        .forEachRemaining(q -> g.add(q.asTriple()));
    return g;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("representations")
  void theDescriptionIsNegotiatedAndAlsoReachableBySuffixAndFormat(
      String mediaType, Lang lang, String suffix) {
    HttpResponse<byte[]> r = server.get("/doc" + WILKERSON, "Accept", mediaType);
    assertEquals(200, r.statusCode());
    assertTrue(
        TestServer.header(r, "Content-Type").startsWith(mediaType),
        TestServer.header(r, "Content-Type"));
    assertTrue(
        String.join(",", r.headers().allValues("Vary")).contains("Accept"),
        r.headers().allValues("Vary").toString());
    assertEquals("/doc" + WILKERSON + "." + suffix, TestServer.header(r, "Content-Location"));
    Graph negotiated = union(TestServer.text(r), lang);
    Node wilkerson = NodeFactory.createURI(GB.ID + "lawrence-wilkerson");
    assertTrue(
        negotiated.contains(
            wilkerson,
            GB.name.asNode(),
            NodeFactory.createLiteralLang("Lawrence Wilkerson", "en")));

    HttpResponse<byte[]> bySuffix = server.get("/doc" + WILKERSON + "." + suffix);
    assertTrue(TestServer.header(bySuffix, "Content-Type").startsWith(mediaType));
    assertTrue(union(TestServer.text(bySuffix), lang).isIsomorphicWith(negotiated));
    HttpResponse<byte[]> byFormat =
        server.get("/doc" + WILKERSON + "?format=" + suffix, "Accept", "text/html");
    assertTrue(TestServer.header(byFormat, "Content-Type").startsWith(mediaType));
  }

  @Test
  void qValuesDecide() {
    HttpResponse<byte[]> r =
        server.get(
            "/doc" + WILKERSON,
            "Accept",
            "text/turtle;q=0.5, application/ld+json;q=0.9, text/html;q=0.1");
    assertTrue(
        TestServer.header(r, "Content-Type").startsWith("application/ld+json"),
        TestServer.header(r, "Content-Type"));
    HttpResponse<byte[]> browser =
        server.get(
            "/doc" + WILKERSON,
            "Accept",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertTrue(TestServer.header(browser, "Content-Type").startsWith("text/html"));
  }

  @Test
  void anAnswerRenderedOnceIsServedAgainWithEachRequestsOwnHeaders() {
    String doc = "/doc" + WILKERSON;
    List<HttpResponse<byte[]>> answers = new java.util.ArrayList<>();
    for (String origin : List.of("https://a.example", "https://b.example")) {
      HttpResponse<byte[]> r = server.get(doc, "Accept", "text/turtle", "Origin", origin);
      assertEquals(200, r.statusCode());
      assertEquals(origin, TestServer.header(r, "Access-Control-Allow-Origin"), "CORS per request");
      assertEquals("nosniff", TestServer.header(r, "X-Content-Type-Options"));
      assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")));
      answers.add(r);
    }
    assertTrue(java.util.Arrays.equals(answers.get(0).body(), answers.get(1).body()));
    assertEquals(
        TestServer.header(answers.get(0), "ETag"), TestServer.header(answers.get(1), "ETag"));
    assertEquals(
        String.valueOf(answers.get(1).body().length),
        TestServer.header(answers.get(1), "Content-Length"));
    assertEquals(
        304,
        server
            .get(
                doc,
                "Accept",
                "text/turtle",
                "If-None-Match",
                TestServer.header(answers.get(0), "ETag"))
            .statusCode());
    HttpResponse<byte[]> html = server.get(doc, "Accept", "text/html");
    assertTrue(TestServer.header(html, "Content-Type").startsWith("text/html"), "another variant");
  }

  @Test
  void answersAreCompressedForClientsThatAcceptItAndDownloadsAreSentAsStored() throws Exception {
    String doc = "/doc" + WILKERSON;
    HttpResponse<byte[]> plain = server.get(doc, "Accept", "text/html");
    HttpResponse<byte[]> zipped = server.get(doc, "Accept", "text/html", "Accept-Encoding", "gzip");
    assertEquals(200, zipped.statusCode());
    assertEquals("gzip", TestServer.header(zipped, "Content-Encoding"));
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertTrue(java.util.Arrays.equals(plain.body(), in.readAllBytes()), "the same page");
    }
    assertTrue(zipped.body().length < plain.body().length / 3, zipped.body().length + " bytes");
    assertTrue(
        zipped.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")),
        "Vary: " + zipped.headers().allValues("Vary"));
    String etag = TestServer.header(zipped, "ETag");
    assertNotEquals(TestServer.header(plain, "ETag"), etag, "each encoding its own validator");
    assertEquals(
        304,
        server
            .get(doc, "Accept", "text/html", "Accept-Encoding", "gzip", "If-None-Match", etag)
            .statusCode());

    HttpResponse<byte[]> dump =
        server.get("/download/latest/dumps/grand-bargain.ttl", "Accept-Encoding", "gzip");
    assertEquals(200, dump.statusCode());
    assertEquals("", TestServer.header(dump, "Content-Encoding"), "a file is sent as stored");

    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(body)) {
      out.write("ASK { ?s ?p ?o }".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> inflated =
        server.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/kb/sparql")))
                .header("Content-Type", "application/sparql-query")
                .header("Content-Encoding", "gzip")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertEquals(415, inflated.statusCode(), "a request body is never inflated");
    assertEquals(
        "Request bodies are read as sent: Content-Encoding gzip is not accepted.",
        TestServer.text(inflated).strip());
  }

  @Test
  void qZeroExcludesAndMediaTypesMatchWhateverTheirCase() {
    String doc = "/doc" + WILKERSON;
    assertEquals(406, server.get(doc, "Accept", "text/turtle;q=0").statusCode());
    HttpResponse<byte[]> notTurtle = server.get(doc, "Accept", "text/turtle;q=0, */*;q=0.5");
    assertEquals(200, notTurtle.statusCode());
    assertFalse(
        TestServer.header(notTurtle, "Content-Type").startsWith("text/turtle"),
        TestServer.header(notTurtle, "Content-Type"));
    HttpResponse<byte[]> upper = server.get(doc, "Accept", "TEXT/TURTLE");
    assertEquals(200, upper.statusCode());
    assertTrue(TestServer.header(upper, "Content-Type").startsWith("text/turtle"));
    HttpResponse<byte[]> mixed = server.get(doc, "Accept", "Application/LD+JSON; Q=0.9");
    assertTrue(TestServer.header(mixed, "Content-Type").startsWith("application/ld+json"));
  }

  @Test
  void anUnacceptableTypeIs406AndAnUnknownFormatIs400() {
    HttpResponse<byte[]> r = server.get("/doc" + WILKERSON, "Accept", "image/png");
    assertEquals(406, r.statusCode());
    assertTrue(
        TestServer.text(r).startsWith("None of the requested media types (image/png) is available"),
        TestServer.text(r));
    assertEquals(400, server.get("/doc" + WILKERSON + "?format=pdf").statusCode());
    assertEquals(404, server.get("/doc" + WILKERSON + ".pdf").statusCode());
  }

  @Test
  void anUnknownIriIs404WithAHelpfulPageForPeopleAndTextForPrograms() {
    HttpResponse<byte[]> page = server.get("/id/lawrence-wilkersen", "Accept", "text/html");
    assertEquals(404, page.statusCode());
    assertTrue(TestServer.header(page, "Content-Type").startsWith("text/html"));
    assertTrue(TestServer.text(page).contains("<h1>Not found</h1>"), TestServer.text(page));
    assertTrue(TestServer.text(page).contains("href=\"/index\""));
    HttpResponse<byte[]> text = server.get("/id/lawrence-wilkersen", "Accept", "text/turtle");
    assertEquals(404, text.statusCode());
    assertEquals(
        "No resource has the IRI https://w3id.org/grand-bargain/id/lawrence-wilkersen.",
        TestServer.text(text).strip());
    HttpResponse<byte[]> elsewhere = server.get("/no/such/page", "Accept", "text/html");
    assertEquals(404, elsewhere.statusCode());
    assertTrue(
        TestServer.text(elsewhere).contains("<h1>Not found</h1>"), TestServer.text(elsewhere));
  }

  @Test
  void theDescriptionHoldsTheClaimsWithSpeakerSourceAndPlaceInTheText() {
    HttpResponse<byte[]> r = server.get("/doc" + WILKERSON + ".ttl");
    Graph g = RDFParser.fromString(TestServer.text(r), Lang.TURTLE).toGraph();
    Node claim = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/wilkerson-no-negotiations");
    assertTrue(
        g.contains(
            claim, GB.claimant.asNode(), NodeFactory.createURI(GB.ID + "lawrence-wilkerson")));
    assertTrue(
        g.contains(
            claim,
            GB.source.asNode(),
            NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/wilkerson-email")));
    Node anchor =
        NodeFactory.createURI(
            "https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=840,944");
    assertTrue(g.contains(claim, GB.anchor.asNode(), anchor));
    assertTrue(g.contains(anchor, GB.startChar.asNode(), Node.ANY));
    assertTrue(
        g.contains(
            NodeFactory.createURI(GB.ID + "lawrence-wilkerson"),
            org.apache.jena.vocabulary.OWL.sameAs.asNode(),
            NodeFactory.createURI("http://dbpedia.org/resource/Lawrence_Wilkerson")));
    String html = TestServer.text(server.get("/doc" + WILKERSON, "Accept", "text/html"));
    assertTrue(
        html.contains(
            "<blockquote>“The secret cabal got what it wanted: no negotiations with Tehran”</blockquote>"),
        html);
    assertTrue(html.contains("characters 840 to 944 of the article"));
  }

  @Test
  void incomingLinksArePaged() {
    String path = "/doc/id/us-government";
    Graph first =
        RDFParser.fromString(TestServer.text(server.get(path + ".ttl")), Lang.TURTLE).toGraph();
    Node next = NodeFactory.createURI("http://www.w3.org/ns/hydra/core#next");
    var it = first.find(Node.ANY, next, Node.ANY);
    assertTrue(it.hasNext(), "a first page links to the next");
    String nextPage = it.next().getObject().getURI();
    assertEquals(server.url(path + "?page=2"), nextPage);
    HttpResponse<byte[]> second = server.get(path + ".ttl?page=2");
    assertEquals(200, second.statusCode());
    assertFalse(
        RDFParser.fromString(TestServer.text(second), Lang.TURTLE)
            .toGraph()
            .isIsomorphicWith(first));
    assertEquals(400, server.get(path + "?page=zero").statusCode());
  }

  @Test
  void theDefaultGraphOfAClaimsDescriptionDescribesOnlyTheDocumentAndPointsToTheGraphsDownload() {
    String path = "/doc/id/ips-2006-03-28-cabal/wilkerson-cabal-obstruction";
    var dataset =
        RDFParser.fromString(
                TestServer.text(server.get(path, "Accept", "application/n-quads")), Lang.NQUADS)
            .toDatasetGraph();
    Node doc = NodeFactory.createURI(server.url(path));
    dataset
        .getDefaultGraph()
        .find()
        .forEachRemaining(t -> assertEquals(doc, t.getSubject(), "the default graph has " + t));
    assertTrue(
        dataset
            .getDefaultGraph()
            .contains(
                doc,
                org.apache.jena.vocabulary.RDFS.seeAlso.asNode(),
                NodeFactory.createURI(
                    server.url(
                        "/kb/data?graph=https%3A%2F%2Fw3id.org%2Fgrand-bargain%2Fid%2Fips-2006-03-28-cabal%2Fwilkerson-cabal-obstruction"))));
  }

  @Test
  void theFindingsAreOnThePagesOfTheResourceAndTheClaimConcernedAndInTheReport() {
    String finding =
        "The article names this person &quot;Ayatollah Ali Khomeini&quot;; the linked record"
            + " &lt;http://www.wikidata.org/entity/Q57336&gt; has &quot;Ali Khamenei&quot;.";
    for (String path :
        List.of(
            "/doc/id/ips-2006-03-28-cabal/supreme-leader",
            "/doc/id/ips-2006-03-28-cabal/porter-role-khamenei")) {
      String html = TestServer.text(server.get(path, "Accept", "text/html"));
      assertTrue(html.contains("<h2 id=\"findings\">Findings of the cross-checks</h2>"), path);
      assertTrue(html.contains(finding), path + ":\n" + html);
      assertTrue(
          html.contains(
              "<a href=\"/doc/id/check/person-name-differs\">A person&#39;s name as the article"
                  + " prints it differs from the linked record&#39;s</a>"),
          path);
    }
    String report = TestServer.text(server.get("/api/findings?format=html", "Accept", "text/html"));
    assertTrue(report.contains("Ayatollah Ali Khomeini"), report);
    assertTrue(report.contains("United States Ambassador to Afghanistan"), report);
  }

  @Test
  void eachLinkIsShownWithItsRelation() {
    String html = TestServer.text(server.get("/doc/id/iranian-government", "Accept", "text/html"));
    assertTrue(
        html.contains(
            "<span class=\"relation\">close match</span> <a href=\"http://dbpedia.org/resource/Government_of_Iran\">"),
        html);
    String post =
        TestServer.text(server.get("/doc/id/supreme-leader-of-iran", "Accept", "text/html"));
    assertTrue(
        post.contains(
            "<span class=\"relation\">exact match</span> <a href=\"http://www.wikidata.org/entity/Q332486\">"),
        post);
  }

  @Test
  void anIdentificationShownBesideAValueIsInTheDescriptionWithItsConfidence() {
    String path = "/doc/id/ips-2006-03-28-cabal/role-khamenei";
    String html = TestServer.text(server.get(path, "Accept", "text/html"));
    assertTrue(
        html.contains(
            "identified by the editors as <a href=\"/doc/id/ali-khamenei\">Ali Khamenei</a>"
                + " (identified)"),
        html);
    var quads =
        RDFParser.fromString(TestServer.text(server.get(path + ".trig")), Lang.TRIG)
            .toDatasetGraph();
    Node editorial = NodeFactory.createURI(GB.GRAPH + "ips-2006-03-28-cabal");
    Node leader = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/supreme-leader");
    Node khamenei = NodeFactory.createURI(GB.ID + "ali-khamenei");
    Node statement =
        NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/supreme-leader/identification");
    assertTrue(quads.contains(editorial, leader, GB.identifiedAs.asNode(), khamenei));
    assertTrue(quads.contains(editorial, statement, RDF.type.asNode(), GB.Identification.asNode()));
    assertTrue(quads.contains(editorial, statement, RDF.object.asNode(), khamenei));
    assertTrue(
        quads.contains(
            editorial,
            statement,
            GB.confidence.asNode(),
            NodeFactory.createURI(GB.NS + "confidenceIdentified")));
    assertTrue(quads.contains(editorial, statement, GB.reason.asNode(), Node.ANY));
    assertTrue(
        quads.contains(
            Node.ANY,
            khamenei,
            GB.name.asNode(),
            NodeFactory.createLiteralLang("Ali Khamenei", "en")),
        "the description names whom the identification names");
  }

  @Test
  void aPageOfADescriptionPointsToTheSamePageInTheFormatsWithNamedGraphs() {
    String path = "/doc/id/us-government";
    HttpResponse<byte[]> second = server.get(path + "?page=2", "Accept", "text/turtle");
    assertEquals(200, second.statusCode());
    assertEquals(path + ".ttl?page=2", TestServer.header(second, "Content-Location"));
    Graph g = pointsToTheVariantsWithNamedGraphs(second, path, "?page=2");
    var quads =
        RDFParser.fromString(TestServer.text(server.get(path + ".trig?page=2")), Lang.TRIG)
            .toDatasetGraph();
    Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    quads.find().forEachRemaining(q -> union.add(q.asTriple()));
    assertTrue(
        union.isIsomorphicWith(g),
        "the TriG page holds the statements of the Turtle page, in their graphs");
    String html = TestServer.text(server.get(path + "?page=2", "Accept", "text/html"));
    // the template escapes '=' in attributes as &#61;
    assertTrue(
        html.contains("href=\"" + path + ".trig?page&#61;2\""), "the page links its formats");
  }

  @Test
  void theOntologyAndItsTermsDereference() {
    HttpResponse<byte[]> ttl = server.get("/ontology", "Accept", "text/turtle");
    assertEquals(200, ttl.statusCode());
    Graph served = RDFParser.fromString(TestServer.text(ttl), Lang.TURTLE).toGraph();
    assertTrue(
        served.isIsomorphicWith(RDFDataMgr.loadGraph(TestProject.layout().ontology().toString())));
    String html = TestServer.text(server.get("/ontology", "Accept", "text/html"));
    assertTrue(html.contains("<h3 id=\"Person\">"), "the term Person has its anchor");
    assertTrue(html.contains("<h3 id=\"claimant\">"));
    assertEquals(200, server.get("/ontology/0.3.0", "Accept", "text/turtle").statusCode());
    assertEquals(404, server.get("/ontology/9.9.9", "Accept", "text/turtle").statusCode());
    HttpResponse<byte[]> shapes = server.get("/shapes", "Accept", "text/turtle");
    assertTrue(
        RDFParser.fromString(TestServer.text(shapes), Lang.TURTLE)
            .toGraph()
            .isIsomorphicWith(RDFDataMgr.loadGraph(TestProject.layout().shapes().toString())));
    assertTrue(
        TestServer.text(server.get("/shapes", "Accept", "text/html"))
            .contains("id=\"Claim-claimant\""));
  }

  @Test
  void iriFormsResolveHttpsHttpAndHash() {
    HttpResponse<byte[]> http =
        server.get(
            "/resolve?iri="
                + IriSpace.encodeQuery("http://w3id.org/grand-bargain/id/lawrence-wilkerson"));
    assertEquals(303, http.statusCode());
    assertEquals("/doc/id/lawrence-wilkerson", TestServer.header(http, "Location"));
    HttpResponse<byte[]> hash =
        server.get(
            "/resolve?iri="
                + IriSpace.encodeQuery("https://w3id.org/grand-bargain/ontology#Person"));
    assertEquals("/ontology#Person", TestServer.header(hash, "Location"));
    assertEquals(
        404,
        server
            .get("/resolve?iri=" + IriSpace.encodeQuery("https://w3id.org/grand-bargain/id/nobody"))
            .statusCode());
    assertEquals(
        404,
        server.get("/resolve?iri=" + IriSpace.encodeQuery("https://example.org/x")).statusCode());
  }

  @Test
  void iriWithNonAsciiLettersDereference() {
    HttpResponse<byte[]> see = server.get("/id/z%C3%BCrich", "Accept", "text/turtle");
    assertEquals(303, see.statusCode());
    assertEquals("/doc/id/z%C3%BCrich", TestServer.header(see, "Location"));
    HttpResponse<byte[]> doc = server.get("/doc/id/z%C3%BCrich", "Accept", "text/turtle");
    Graph g = RDFParser.fromString(TestServer.text(doc), Lang.TURTLE).toGraph();
    assertTrue(
        g.contains(
            NodeFactory.createURI(GB.ID + "zürich"),
            GB.label.asNode(),
            NodeFactory.createLiteralLang("Zürich", "en")));
  }

  @Test
  void validatorsAreTiedToTheReleaseAndAnswer304() {
    HttpResponse<byte[]> ttl = server.get("/doc" + WILKERSON + ".ttl");
    String etag = TestServer.header(ttl, "ETag");
    assertTrue(etag.startsWith("\"" + server.publication().release().id() + "-"), etag);
    assertFalse(TestServer.header(ttl, "Last-Modified").isEmpty());
    assertTrue(TestServer.header(ttl, "Cache-Control").contains("max-age="));
    assertNotEquals(etag, TestServer.header(server.get("/doc" + WILKERSON + ".jsonld"), "ETag"));
    HttpResponse<byte[]> again = server.get("/doc" + WILKERSON + ".ttl", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    HttpResponse<byte[]> since =
        server.get(
            "/doc" + WILKERSON + ".ttl",
            "If-Modified-Since",
            TestServer.header(ttl, "Last-Modified"));
    assertEquals(304, since.statusCode());
    assertEquals(
        200, server.get("/doc" + WILKERSON + ".ttl", "If-None-Match", "\"other\"").statusCode());
  }

  @Test
  void thePageEmbedsItsDataAsJsonLdAndEscapesText() {
    String html =
        TestServer.text(server.get("/doc/id/ips-2006-03-28-cabal", "Accept", "text/html"));
    Matcher m =
        Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
            .matcher(html);
    assertTrue(m.find());
    Graph embedded = RDFParser.fromString(m.group(1), Lang.JSONLD).toGraph();
    Graph turtle =
        RDFParser.fromString(
                TestServer.text(server.get("/doc/id/ips-2006-03-28-cabal.ttl")), Lang.TURTLE)
            .toGraph();
    assertTrue(embedded.isIsomorphicWith(turtle), "the embedded JSON-LD is the description");
    assertTrue(
        html.contains("&quot;Cabal&quot; Blocked 2003 Nuclear Talks with Iran"), "quotes escaped");
    assertTrue(html.contains("<html lang=\"en\">") && html.contains("<main id=\"main\">"));
  }

  @Test
  void anInvalidIfModifiedSinceIsIgnored() {
    HttpResponse<byte[]> r =
        server.get("/doc" + WILKERSON + ".ttl", "If-Modified-Since", "garbage");
    assertEquals(200, r.statusCode());
  }

  @Test
  void aPageBeyondTheLastIs404AndNamesNoRepresentation() {
    HttpResponse<byte[]> r = server.get("/doc" + WILKERSON + "?page=99", "Accept", "text/turtle");
    assertEquals(404, r.statusCode());
    for (String header : List.of("Content-Location", "ETag", "Last-Modified", "Link")) {
      assertEquals(List.of(), r.headers().allValues(header), header);
    }
  }

  @Test
  void traceIsNotAnswered() {
    HttpResponse<byte[]> r =
        server.send(
            server
                .request("/doc" + WILKERSON)
                .method("TRACE", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    assertEquals(405, r.statusCode());
  }

  @Test
  void resolveKeepsFragmentsOnThisSiteAndKnowsTheDataset() {
    HttpResponse<byte[]> hash =
        server.get(
            "/resolve?iri="
                + IriSpace.encodeQuery("https://w3id.org/grand-bargain/id/dick-cheney#me"));
    assertEquals("/doc/id/dick-cheney#me", TestServer.header(hash, "Location"));
    HttpResponse<byte[]> dataset =
        server.get(
            "/resolve?iri=" + IriSpace.encodeQuery("https://w3id.org/grand-bargain/dataset"));
    assertEquals("/dataset", TestServer.header(dataset, "Location"));
  }

  @Test
  void corsHeadersAreOnLinkedDataToo() {
    HttpResponse<byte[]> r =
        server.get("/doc" + WILKERSON + ".ttl", "Origin", "https://example.org");
    assertEquals("https://example.org", TestServer.header(r, "Access-Control-Allow-Origin"));
    assertTrue(
        TestServer.header(r, "Access-Control-Expose-Headers").contains("ETag"),
        TestServer.header(r, "Access-Control-Expose-Headers"));
  }

  static Stream<Arguments> quadFormats() {
    return Stream.of(
        Arguments.of("application/trig", Lang.TRIG),
        Arguments.of("application/n-quads", Lang.NQUADS),
        Arguments.of("application/ld+json", Lang.JSONLD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quadFormats")
  void theFormatsWithNamedGraphsKeepEachStatementInTheGraphOfWhoStatesIt(
      String mediaType, Lang lang) {
    String path = "/doc/id/dick-cheney";
    HttpResponse<byte[]> r = server.get(path, "Accept", mediaType);
    assertEquals(200, r.statusCode());
    assertTrue(TestServer.header(r, "Content-Type").startsWith(mediaType));
    var dataset = RDFParser.fromString(TestServer.text(r), lang).toDatasetGraph();
    Node cheney = NodeFactory.createURI(GB.ID + "dick-cheney");
    Node offer = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/grand-bargain");
    Node guess = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/wilkerson-guess-cheney");
    Node shared = NodeFactory.createURI(GB.GRAPH + "shared");
    assertTrue(
        dataset.contains(guess, cheney, GB.blocked.asNode(), offer),
        "Wilkerson's guess states that Cheney blocked the offer, in its graph");
    assertEquals(
        1,
        dataset.stream(Node.ANY, cheney, GB.blocked.asNode(), offer).count(),
        "and no other graph states it");
    assertTrue(
        dataset.contains(
            shared, cheney, GB.name.asNode(), NodeFactory.createLiteralLang("Dick Cheney", "en")),
        "the editors name him, in the editorial graph of the shared entities");
    assertTrue(
        dataset.contains(
            Node.ANY,
            guess,
            GB.modality.asNode(),
            NodeFactory.createURI(GB.NS + "modalityConjecture")),
        "the description says the claim is a conjecture");
    List<String> others = new ArrayList<>();
    dataset
        .listGraphNodes()
        .forEachRemaining(
            g -> {
              boolean claim = dataset.contains(Node.ANY, g, GB.claimant.asNode(), Node.ANY);
              boolean editorial =
                  dataset.contains(
                      g,
                      g,
                      org.apache.jena.vocabulary.RDF.type.asNode(),
                      GB.EditorialGraph.asNode());
              boolean derived =
                  dataset.contains(
                          Node.ANY,
                          g,
                          org.apache.jena.vocabulary.RDF.type.asNode(),
                          GB.DerivedGraph.asNode())
                      && dataset.contains(Node.ANY, g, PROV.wasDerivedFrom.asNode(), Node.ANY);
              boolean ontology = g.getURI().equals(GB.GRAPH + "ontology");
              boolean external =
                  dataset.contains(
                      Node.ANY,
                      g,
                      org.apache.jena.vocabulary.RDF.type.asNode(),
                      GB.ExternalSnapshot.asNode());
              if (!claim && !editorial && !derived && !ontology && !external) {
                others.add(g.getURI());
              }
            });
    assertEquals(
        List.of(),
        others,
        "every graph is a claim's, an editorial one, one derived from either, an external"
            + " snapshot or the ontology's");
    dataset
        .getDefaultGraph()
        .find()
        .forEachRemaining(
            t ->
                assertEquals(
                    server.url(path), t.getSubject().getURI(), "the default graph describes " + t));
  }

  /**
   * Asserts that a Turtle description (of a page, with its query string) points to the same page in
   * TriG with PROV-AQ's has_provenance, in a Link header and a triple, and to the N-Quads
   * alternate; returns its graph.
   */
  private static Graph pointsToTheVariantsWithNamedGraphs(
      HttpResponse<byte[]> turtle, String path, String query) {
    List<String> links = turtle.headers().allValues("Link");
    String hasProvenance = "http://www.w3.org/ns/prov#has_provenance";
    assertTrue(
        links.contains("<" + path + ".trig" + query + ">; rel=\"" + hasProvenance + "\""),
        links.toString());
    assertTrue(
        links.contains(
            "<" + path + ".nq" + query + ">; rel=\"alternate\"; type=\"application/n-quads\""),
        links.toString());
    Graph g = RDFParser.fromString(TestServer.text(turtle), Lang.TURTLE).toGraph();
    assertTrue(
        g.contains(
            NodeFactory.createURI(server.url(path + query)),
            NodeFactory.createURI(hasProvenance),
            NodeFactory.createURI(server.url(path + ".trig" + query))));
    return g;
  }

  @Test
  void theTripleFormatsPointToTheVariantsWithNamedGraphs() {
    String path = "/doc/id/dick-cheney";
    HttpResponse<byte[]> r = server.get(path + ".ttl");
    Graph g = pointsToTheVariantsWithNamedGraphs(r, path, "");
    HttpResponse<byte[]> trig = server.get(path, "Accept", "application/trig");
    assertEquals(path + ".trig", TestServer.header(trig, "Content-Location"));
    assertTrue(trig.headers().allValues("Link").isEmpty(), "the TriG variant needs no pointer");
  }

  @Test
  void theArticlesPageListsItsClaimsInTheArticlesOrderEachWithItsParagraphAndPassage() {
    String html =
        TestServer.text(server.get("/doc/id/ips-2006-03-28-cabal", "Accept", "text/html"));
    String section =
        html.substring(html.indexOf("id=\"claims-in-article\""), html.indexOf("</ol>"));
    List<String> shown = new ArrayList<>();
    Matcher m =
        Pattern.compile("<li><a href=\"/doc/id/ips-2006-03-28-cabal/([^\"]+)\">").matcher(section);
    while (m.find()) {
      shown.add(m.group(1));
    }
    record Anchored(String id, long start) {}
    List<Anchored> claims = new ArrayList<>();
    for (var e :
        new org.w3id.grandbargain.kb.load.CorpusReader()
            .read(TestProject.layout().dataRoots())
            .articles()
            .get("ips-2006-03-28-cabal")) {
      if (e.body().has("anchor")) {
        claims.add(new Anchored(e.id(), e.body().get("anchor").get("start").asLong()));
      }
    }
    claims.sort(
        java.util.Comparator.comparingLong(Anchored::start)
            .thenComparing(a -> GB.ID + "ips-2006-03-28-cabal/" + a.id()));
    assertEquals(claims.stream().map(Anchored::id).toList(), shown);
    assertEquals(56, shown.size());
    assertTrue(
        section.contains(
            "in paragraph 1 of the article:\n<a class=\"passage\""
                + " href=\"https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#:~:text&#61;The%20George%20W,administration%20officials\">read"
                + " the passage</a>"),
        section.substring(0, 1200));
  }
}
