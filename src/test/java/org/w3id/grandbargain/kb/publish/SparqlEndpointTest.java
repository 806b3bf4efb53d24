package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.query.ServicePolicy;

/** The SPARQL endpoint over real HTTP: protocol, formats, the service description, safety. */
class SparqlEndpointTest {
  private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

  private static final String COUNT_CLAIMS =
      "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/grand-bargain/ontology#Claim> }";

  /** An allowlisted endpoint whose stand-in redirects every call to the forbidden listener. */
  private static final String REDIRECTING = "https://redirecting.example/sparql";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            ServerSettings.builder()
                .port(0)
                .queryTimeout(Duration.ofSeconds(1))
                .maxResultRows(1000)
                .services(
                    ServicePolicy.builder()
                        .route(ServicePolicy.WIKIDATA, StandIns.get().wikidataEndpoint())
                        .route(ServicePolicy.DBPEDIA, StandIns.get().dbpediaEndpoint())
                        .route(REDIRECTING, StandIns.get().redirectingEndpoint())
                        .build())
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String q(String query) {
    return "/kb/sparql?query=" + IriSpace.encodeQuery(query);
  }

  private static String type(HttpResponse<byte[]> r) {
    return r.headers().firstValue("Content-Type").orElse("");
  }

  static Stream<Arguments> resultFormats() {
    return Stream.of(
        Arguments.of("application/sparql-results+json", ResultSetLang.RS_JSON),
        Arguments.of("application/sparql-results+xml", ResultSetLang.RS_XML),
        Arguments.of("text/csv", ResultSetLang.RS_CSV),
        Arguments.of("text/tab-separated-values", ResultSetLang.RS_TSV));
  }

  @ParameterizedTest(name = "SELECT as {0}")
  @MethodSource("resultFormats")
  void selectAnswersInEachResultFormat(String mediaType, Lang lang) {
    HttpResponse<byte[]> r = server.get(q(COUNT_CLAIMS), "Accept", mediaType);
    assertEquals(200, r.statusCode(), TestServer.text(r));
    assertTrue(type(r).startsWith(mediaType), type(r));
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.body()), lang);
    assertEquals("58", rs.next().get("n").asLiteral().getLexicalForm());
  }

  @Test
  void postWithAFormAndWithAQueryBodyBothWork() {
    HttpResponse<byte[]> form =
        server.send(
            server
                .request("/kb/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "query=" + IriSpace.encodeQuery(COUNT_CLAIMS)))
                .build());
    assertEquals(200, form.statusCode(), TestServer.text(form));
    assertTrue(TestServer.text(form).contains("\"58\""), TestServer.text(form));
    HttpResponse<byte[]> direct =
        server.send(
            server
                .request("/kb/sparql")
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(COUNT_CLAIMS))
                .build());
    assertEquals(200, direct.statusCode(), TestServer.text(direct));
    assertTrue(TestServer.text(direct).contains("\"58\""));
  }

  @Test
  void askAnswersTrueOrFalse() {
    HttpResponse<byte[]> r =
        server.get(
            q("ASK { <https://w3id.org/grand-bargain/id/dick-cheney> ?p ?o }"),
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertTrue(
        TestServer.text(r).contains("\"boolean\" : true")
            || TestServer.text(r).contains("\"boolean\": true"),
        TestServer.text(r));
  }

  static Stream<Arguments> graphFormats() {
    return Stream.of(
        Arguments.of("text/turtle", Lang.TURTLE),
        Arguments.of("application/ld+json", Lang.JSONLD),
        Arguments.of("application/n-triples", Lang.NTRIPLES),
        Arguments.of("application/rdf+xml", Lang.RDFXML));
  }

  @ParameterizedTest(name = "CONSTRUCT and DESCRIBE as {0}")
  @MethodSource("graphFormats")
  void constructAndDescribeAnswerInEachGraphFormat(String mediaType, Lang lang) {
    String construct =
        "CONSTRUCT { ?s a <https://w3id.org/grand-bargain/ontology#Proposal> } WHERE { ?s a <https://w3id.org/grand-bargain/ontology#Proposal> }";
    HttpResponse<byte[]> r = server.get(q(construct), "Accept", mediaType);
    assertEquals(200, r.statusCode(), TestServer.text(r));
    assertTrue(type(r).startsWith(mediaType), type(r));
    Graph g = RDFParser.fromString(TestServer.text(r), lang).toGraph();
    assertEquals(
        4,
        g.size(),
        "the four proposals of the article (the second article's grand-bargain is a meeting): "
            + TestServer.text(r));

    HttpResponse<byte[]> d =
        server.get(
            q("DESCRIBE <https://w3id.org/grand-bargain/id/dick-cheney>"), "Accept", mediaType);
    assertEquals(200, d.statusCode(), TestServer.text(d));
    assertFalse(RDFParser.fromString(TestServer.text(d), lang).toGraph().isEmpty());
  }

  @Test
  void namedGraphsAreQueryableAndReadableByTheGraphStoreProtocol() {
    HttpResponse<byte[]> r =
        server.get(
            q(
                "SELECT ?who WHERE { GRAPH <https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/wilkerson-guess-cheney> { <https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/decision-on-offer> <https://w3id.org/grand-bargain/ontology#actor> ?who } }"),
            "Accept",
            "text/csv");
    assertEquals("who\r\nhttps://w3id.org/grand-bargain/id/dick-cheney\r\n", TestServer.text(r));
    HttpResponse<byte[]> gsp =
        server.get(
            "/kb/data?graph="
                + IriSpace.encodeQuery(
                    "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/wilkerson-guess-cheney"),
            "Accept",
            "text/turtle");
    assertEquals(200, gsp.statusCode(), TestServer.text(gsp));
    Graph g = RDFParser.fromString(TestServer.text(gsp), Lang.TURTLE).toGraph();
    assertEquals(3, g.size(), TestServer.text(gsp));
  }

  @Test
  void forwardedHeadersAreAnyonesToSendAndIgnoredUnlessBehindAProxy() {
    HttpResponse<byte[]> r =
        server.get(
            "/kb/sparql",
            "Accept",
            "text/turtle",
            "X-Forwarded-Host",
            "evil.example",
            "X-Forwarded-Proto",
            "https",
            "Forwarded",
            "host=evil.example");
    assertEquals(200, r.statusCode());
    String body = TestServer.text(r);
    assertFalse(body.contains("evil.example"), body);
    assertTrue(body.contains("<" + server.url("/kb/sparql") + ">"), body);
  }

  @Test
  void aSecondAcceptHeaderIsAnotherRequestNotTheSameOne() {
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    HttpResponse<byte[]> two =
        server.get("/kb/sparql", "Accept", browser, "Accept", "text/turtle;q=1");
    assertEquals(200, two.statusCode());
    HttpResponse<byte[]> page = server.get("/kb/sparql", "Accept", browser);
    assertTrue(
        TestServer.header(page, "Content-Type").startsWith("text/html"),
        "a browser gets the page, whatever was asked before with more headers: "
            + TestServer.header(page, "Content-Type"));
  }

  @Test
  void aGetWithoutAQueryAnswersTheServiceDescription() {
    HttpResponse<byte[]> r = server.get("/kb/sparql", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    assertTrue(type(r).startsWith("text/turtle"));
    Graph g = RDFParser.fromString(TestServer.text(r), Lang.TURTLE).toGraph();
    var sd = org.apache.jena.graph.NodeFactory.createURI(server.url("/kb/sparql"));
    assertTrue(
        g.contains(
            sd,
            org.apache.jena.vocabulary.RDF.type.asNode(),
            org.apache.jena.graph.NodeFactory.createURI(SD + "Service")));
    assertTrue(
        g.contains(
            sd,
            org.apache.jena.graph.NodeFactory.createURI(SD + "feature"),
            org.apache.jena.graph.NodeFactory.createURI(SD + "UnionDefaultGraph")));
    assertEquals(
        server.publication().graphs().size(),
        g.find(null, org.apache.jena.graph.NodeFactory.createURI(SD + "name"), null)
            .toList()
            .size());
    String limits =
        g.find(sd, org.apache.jena.vocabulary.DCTerms.description.asNode(), null)
            .next()
            .getObject()
            .getLiteralLexicalForm();
    for (String limit :
        List.of(
            "A query runs at most 1 s",
            "An answer holds at most 1000 rows or triples",
            "Query text is at most 32768 characters, OFFSET at most 100000",
            "SERVICE calls only https://query.wikidata.org/sparql, https://dbpedia.org/sparql, "
                + REDIRECTING,
            "query requests run at once and 32 wait, each at most 2 s; past them, 503 with Retry-After.",
            "One client runs at most 2 query requests at once and sends at most 50 a second; past either, 429",
            "A request body is at most 1048576 bytes (413)")) {
      assertTrue(limits.contains(limit), limit + " in: " + limits);
    }
    HttpResponse<byte[]> page = server.get("/kb/sparql", "Accept", "text/html");
    assertTrue(type(page).startsWith("text/html"));
    assertTrue(TestServer.text(page).contains("<form method=\"get\" action=\"/kb/sparql\">"));
    assertTrue(
        TestServer.text(page).contains("<li>An answer holds at most 1000 rows or triples"),
        TestServer.text(page));
  }

  @Test
  void everyKindOfWriteIsRefusedAndNothingChanges() {
    List<HttpRequest> writes =
        List.of(
            server
                .request("/kb/sparql")
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
                .build(),
            server
                .request("/kb/sparql")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "update="
                            + IriSpace.encodeQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")))
                .build(),
            server
                .request("/kb")
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
                .build(),
            server
                .request("/kb/update")
                .header("Content-Type", "application/sparql-update")
                .POST(
                    HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }"))
                .build(),
            server
                .request("/kb/data?default")
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                .build(),
            server
                .request("/kb/data?graph=urn:x")
                .header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                .build(),
            server
                .request(
                    "/kb/data?graph="
                        + IriSpace.encodeQuery("https://w3id.org/grand-bargain/graph/shared"))
                .DELETE()
                .build(),
            server
                .request("/kb/upload")
                .header("Content-Type", "text/turtle")
                .POST(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                .build(),
            server
                .request("/kb")
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                .build());
    for (HttpRequest write : writes) {
      HttpResponse<byte[]> r = server.send(write);
      assertTrue(
          r.statusCode() >= 400 && r.statusCode() < 500,
          write + " answered " + r.statusCode() + ": " + TestServer.text(r));
    }
    HttpResponse<byte[]> check =
        server.get(q("ASK { <urn:a> ?p ?o }"), "Accept", "application/sparql-results+json");
    assertTrue(TestServer.text(check).contains("false"), TestServer.text(check));
    HttpResponse<byte[]> shared =
        server.get(
            "/kb/data?graph=" + IriSpace.encodeQuery("https://w3id.org/grand-bargain/graph/shared"),
            "Accept",
            "text/turtle");
    assertEquals(200, shared.statusCode());
  }

  /**
   * Asks the endpoint for a SERVICE call to {@code endpoint} and checks the status and message of
   * the answer, and that the forbidden listener was not contacted meanwhile.
   */
  private static void assertServiceAnswer(String endpoint, int status, String message) {
    int before = StandIns.get().forbiddenContacts();
    HttpResponse<byte[]> r =
        server.get(
            q("SELECT * WHERE { SERVICE <" + endpoint + "> { ?s ?p ?o } }"), "Accept", "text/csv");
    assertEquals(status, r.statusCode(), TestServer.text(r));
    assertEquals(message, TestServer.text(r).strip());
    assertEquals(
        before, StandIns.get().forbiddenContacts(), "the forbidden listener was contacted");
  }

  @Test
  void serviceOffTheAllowlistIsRefusedAndTheListenerIsNeverCalled() {
    String forbidden = StandIns.get().forbiddenAddress();
    assertServiceAnswer(
        forbidden,
        403,
        "SERVICE <"
            + forbidden
            + "> is refused: not on the allowlist (https://query.wikidata.org/sparql, https://dbpedia.org/sparql, "
            + REDIRECTING
            + ")");
  }

  @Test
  void writesAreRefusedWithAMessageThatSaysTheServerIsReadOnly() {
    String insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
    String updateRefused =
        "This endpoint is read-only: SPARQL Update is not accepted. Queries go to /kb/sparql by GET or POST.";
    HttpResponse<byte[]> posted = server.post("/kb/sparql", "application/sparql-update", insert);
    assertEquals(403, posted.statusCode());
    assertEquals(updateRefused, TestServer.text(posted).strip());
    HttpResponse<byte[]> byGet = server.get("/kb/sparql?update=" + IriSpace.encodeQuery(insert));
    assertEquals(403, byGet.statusCode());
    assertEquals(updateRefused, TestServer.text(byGet).strip());
    HttpResponse<byte[]> upload = server.post("/kb", "text/turtle", "<urn:a> <urn:b> <urn:c> .");
    assertEquals(403, upload.statusCode());
    assertEquals(
        "This endpoint is read-only: only queries may be posted (application/sparql-query or"
            + " application/x-www-form-urlencoded), not text/turtle. Queries go to /kb/sparql by GET or POST.",
        TestServer.text(upload).strip());
    HttpResponse<byte[]> put =
        server.send(
            server
                .request("/kb/data?default")
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> ."))
                .build());
    assertEquals(405, put.statusCode());
    assertEquals("GET, HEAD, OPTIONS", TestServer.header(put, "Allow"));
    assertEquals(
        "This server is read-only: /kb/data answers GET, HEAD, OPTIONS, not PUT.",
        TestServer.text(put).strip());
    HttpResponse<byte[]> delete =
        server.send(server.request("/doc/id/dick-cheney").DELETE().build());
    assertEquals(405, delete.statusCode());
    assertEquals("GET, HEAD, OPTIONS", TestServer.header(delete, "Allow"));
    HttpResponse<byte[]> patch =
        server.send(
            server
                .request("/kb/sparql")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(insert))
                .build());
    assertEquals(405, patch.statusCode());
    assertEquals("GET, HEAD, POST, OPTIONS", TestServer.header(patch, "Allow"));
  }

  @Test
  void headAnswersAsGetDoesWithoutABody() {
    for (List<String> pathAndType :
        List.of(List.of("/kb/sparql", "text/turtle"), List.of(q(COUNT_CLAIMS), "text/csv"))) {
      String path = pathAndType.get(0);
      HttpResponse<byte[]> get = server.get(path, "Accept", pathAndType.get(1));
      assertEquals(200, get.statusCode(), path);
      HttpResponse<byte[]> head =
          server.send(
              server
                  .request(path)
                  .header("Accept", pathAndType.get(1))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertEquals(200, head.statusCode(), path);
      assertEquals(0, head.body().length, path);
      assertEquals(type(get), type(head), path);
    }
  }

  @Test
  void anAnswerOfTheReleaseIsComputedOnceAndServedAgainFromMemory() {
    String query =
        q(
            "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Lawrence Wilkerson\"@en }");
    HttpResponse<byte[]> first = server.get(query, "Accept", "text/csv");
    assertEquals(200, first.statusCode());
    assertEquals("public, max-age=60", TestServer.header(first, "Cache-Control"), "cacheable");
    assertTrue(first.headers().firstValue("Pragma").isEmpty());
    long handled = server.queriesHandled();
    HttpResponse<byte[]> second =
        server.get(query, "Accept", "text/csv", "Origin", "https://a.example");
    assertEquals(200, second.statusCode());
    assertEquals(handled, server.queriesHandled(), "the second answer did not run the query");
    assertTrue(java.util.Arrays.equals(first.body(), second.body()));
    assertEquals(List.of(TestServer.header(first, "ETag")), second.headers().allValues("ETag"));
    List<String> vary =
        second.headers().allValues("Vary").stream()
            .flatMap(v -> java.util.Arrays.stream(v.split(",")))
            .map(String::strip)
            .toList();
    assertEquals(vary.size(), new java.util.HashSet<>(vary).size(), "Vary once each: " + vary);
    assertTrue(vary.contains("Accept") && vary.contains("Origin"), "Vary: " + vary);
    assertEquals("https://a.example", TestServer.header(second, "Access-Control-Allow-Origin"));
    assertEquals("nosniff", TestServer.header(second, "X-Content-Type-Options"));

    HttpResponse<byte[]> json = server.get(query, "Accept", "application/sparql-results+json");
    assertTrue(
        TestServer.header(json, "Content-Type").startsWith("application/sparql-results+json"));
    assertEquals(handled + 1, server.queriesHandled(), "another format is another answer");

    String clock = q("SELECT (NOW() AS ?t) {}");
    server.get(clock, "Accept", "text/csv");
    long before = server.queriesHandled();
    assertEquals(200, server.get(clock, "Accept", "text/csv").statusCode());
    assertEquals(before + 1, server.queriesHandled(), "an answer of the clock is computed afresh");
  }

  @Test
  void answersCarryValidatorsOfTheReleaseAndTheRequest() {
    HttpResponse<byte[]> csv = server.get(q(COUNT_CLAIMS), "Accept", "text/csv");
    String etag = TestServer.header(csv, "ETag");
    assertTrue(etag.startsWith("\"" + server.publication().release().id() + "-"), "ETag: " + etag);
    assertTrue(TestServer.header(csv, "Vary").contains("Accept"));
    HttpResponse<byte[]> again =
        server.get(q(COUNT_CLAIMS), "Accept", "text/csv", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body().length);
    HttpResponse<byte[]> json =
        server.get(q(COUNT_CLAIMS), "Accept", "application/sparql-results+json");
    assertFalse(etag.equals(TestServer.header(json, "ETag")), "another format, another ETag");
    HttpResponse<byte[]> timedOut =
        server.get(
            q("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"),
            "Accept",
            "text/csv");
    assertEquals(503, timedOut.statusCode());
    assertTrue(timedOut.headers().firstValue("ETag").isEmpty(), "no ETag on a 503");
    HttpResponse<byte[]> federated =
        server.get(
            q(
                "SELECT ?l WHERE { SERVICE <https://query.wikidata.org/sparql> {"
                    + " <http://www.wikidata.org/entity/Q207>"
                    + " <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"),
            "Accept",
            "text/csv");
    assertEquals(200, federated.statusCode());
    assertTrue(
        federated.headers().firstValue("ETag").isEmpty(), "an answer from elsewhere: no ETag");
    HttpResponse<byte[]> clock = server.get(q("SELECT (NOW() AS ?t) {}"), "Accept", "text/csv");
    assertEquals(200, clock.statusCode());
    assertTrue(clock.headers().firstValue("ETag").isEmpty(), "an answer of the clock: no ETag");
    HttpResponse<byte[]> hidden =
        server.get(q("SELECT (NOW # a comment\n() AS ?t) {}"), "Accept", "text/csv");
    assertEquals(200, hidden.statusCode(), TestServer.text(hidden));
    assertTrue(hidden.headers().firstValue("ETag").isEmpty(), "NOW behind a comment: no ETag");
    HttpResponse<byte[]> cross =
        server.get(q(COUNT_CLAIMS), "Accept", "text/csv", "Origin", "https://example.org");
    List<String> vary = cross.headers().allValues("Vary");
    assertTrue(
        vary.stream().anyMatch(v -> v.contains("Origin"))
            && vary.stream().anyMatch(v -> v.contains("Accept")),
        "CORS's Vary: Origin is kept beside Vary: Accept: " + vary);
  }

  @Test
  void anAllowlistedServiceAnswersThroughTheEndpoint() {
    HttpResponse<byte[]> r =
        server.get(
            q(
                "SELECT ?l WHERE { SERVICE <https://query.wikidata.org/sparql> {"
                    + " <http://www.wikidata.org/entity/Q207>"
                    + " <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"),
            "Accept",
            "text/csv");
    assertEquals(200, r.statusCode(), TestServer.text(r));
    assertEquals("l\r\nGeorge W. Bush\r\n", TestServer.text(r));
  }

  @Test
  void aRedirectFromAnAllowedEndpointIsABadGateway() {
    assertServiceAnswer(
        REDIRECTING,
        502,
        "SERVICE <"
            + REDIRECTING
            + "> failed: it answered with a redirect (302), which is not followed");
  }

  @Test
  void aRunawayQueryIsStoppedByTheServersTimeoutEvenIfTheRequestAsksForMore() {
    String crossJoin = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    HttpResponse<byte[]> r =
        server.get(q(crossJoin) + "&timeout=3600", "Accept", "application/sparql-results+json");
    assertEquals(503, r.statusCode(), TestServer.text(r));
    assertEquals("Query timed out", TestServer.text(r).strip());
  }

  @Test
  @Timeout(120)
  void aBacktrackingRegexStopsAtTheTimeoutEvenOverConstants() {
    String ask = "ASK { FILTER(REGEX(\"" + "a".repeat(32) + "!\", \"(.*a){12}$\")) }";
    HttpResponse<byte[]> r = server.get(q(ask), "Accept", "application/sparql-results+json");
    assertEquals(503, r.statusCode(), TestServer.text(r));
    assertEquals("Query timed out", TestServer.text(r).strip());
  }

  @Test
  void neitherTheInitialNorTheOverallTimeoutCanBeRaised() {
    String crossJoin = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    long start = System.nanoTime();
    HttpResponse<byte[]> r = server.get(q(crossJoin) + "&timeout=60,60", "Accept", "text/csv");
    assertEquals(503, r.statusCode(), TestServer.text(r));
    assertTrue(
        System.nanoTime() - start < 30_000_000_000L,
        "the server's limit applied, not the request's 60 s");
  }

  @Test
  void stringsAQueryBuildsAreBounded() {
    String doubling =
        "SELECT (STRLEN(?s) AS ?n) WHERE { BIND(\"aaaaaaaaaaaaaaaa\" AS ?a0) "
            + java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "BIND(CONCAT(?a" + i + ", ?a" + i + ") AS ?a" + (i + 1) + ")")
                .collect(java.util.stream.Collectors.joining(" "))
            + " BIND(?a20 AS ?s) }";
    for (String query : List.of(doubling)) {
      HttpResponse<byte[]> r = server.get(q(query), "Accept", "text/csv");
      assertEquals(400, r.statusCode(), query + ": " + TestServer.text(r));
      assertTrue(
          TestServer.text(r).contains("more than the 1000000 a query may build"),
          TestServer.text(r));
    }
    HttpResponse<byte[]> small =
        server.get(
            q(
                "SELECT (REPLACE(\"abc\", \"b\", \"x\") AS ?r) (CONCAT(\"a\", \"b\") AS ?c) WHERE {}"),
            "Accept",
            "text/csv");
    assertEquals("r,c\r\naxc,ab\r\n", TestServer.text(small));
  }

  @Test
  void aDeepOffsetALongQueryAndJavaFunctionsAreRefused() {
    HttpResponse<byte[]> deep =
        server.get(
            q("SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 1000000000000 LIMIT 1"),
            "Accept",
            "text/csv");
    assertEquals(400, deep.statusCode(), TestServer.text(deep));
    assertTrue(
        TestServer.text(deep)
            .contains("OFFSET 1000000000000 is past the deepest this endpoint pages (100000)"),
        TestServer.text(deep));
    String in =
        "SELECT * WHERE { ?s ?p ?o FILTER(?o IN ("
            + java.util.stream.IntStream.range(0, 8000)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","))
            + ")) }";
    HttpResponse<byte[]> longQuery = server.post("/kb/sparql", "application/sparql-query", in);
    assertEquals(400, longQuery.statusCode(), TestServer.text(longQuery));
    assertTrue(
        TestServer.text(longQuery)
            .contains("the query is " + in.length() + " characters long, more than the 32768"),
        TestServer.text(longQuery));
    HttpResponse<byte[]> java =
        server.get(
            q("SELECT (<java:java.lang.System>(\"x\") AS ?x) WHERE {}"), "Accept", "text/csv");
    assertEquals(400, java.statusCode(), TestServer.text(java));
    assertTrue(
        TestServer.text(java).contains("the function <java:java.lang.System> is not available"),
        TestServer.text(java));
  }

  @Test
  void serviceHiddenInASubQueryOrExistsIsRefusedToo() {
    for (String query :
        List.of(
            "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://localhost:9/> { ?s ?p ?o } } } }",
            "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://localhost:9/> { ?s ?p ?o } } }",
            "SELECT * WHERE { VALUES ?x { <http://localhost:9/> } FILTER EXISTS { SERVICE ?x { ?s ?p ?o } } }",
            "SELECT (EXISTS { SERVICE <http://localhost:9/> { ?s ?p ?o } } AS ?x) WHERE {}")) {
      HttpResponse<byte[]> r = server.get(q(query), "Accept", "text/csv");
      assertEquals(403, r.statusCode(), query + ": " + TestServer.text(r));
    }
  }

  @Test
  void parametersThatWouldBeReflectedIntoTheAnswerAreRefused() {
    for (String reflected : List.of("stylesheet", "callback")) {
      HttpResponse<byte[]> r =
          server.get(
              q(COUNT_CLAIMS) + "&" + reflected + "=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
              "Accept",
              "application/sparql-results+xml");
      assertEquals(400, r.statusCode(), reflected);
      assertTrue(
          TestServer.text(r)
              .contains("the parameter '" + reflected + "' is not supported by this endpoint"),
          TestServer.text(r));
      assertFalse(TestServer.text(r).contains("<script>"), TestServer.text(r));
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", q(COUNT_CLAIMS), "/doc/id/dick-cheney", "/no/such/page")) {
      HttpResponse<byte[]> r = server.get(path, "Accept", "text/html");
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          csp.startsWith("default-src 'none'; script-src 'self'; style-src 'self' 'sha256-")
              && csp.endsWith(
                  "'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
                      + " form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
          path + ": " + csp);
    }
  }

  @Test
  void aTimeoutThatDoesNotParseIsRefused() {
    HttpResponse<byte[]> r = server.get(q(COUNT_CLAIMS) + "&timeout=soon", "Accept", "text/csv");
    assertEquals(400, r.statusCode());
    assertTrue(
        TestServer.text(r).contains("timeout 'soon' is not a number of seconds"),
        TestServer.text(r));
  }

  @Test
  void aMalformedQueryIsABadRequestWithTheParsersMessage() {
    HttpResponse<byte[]> r = server.get(q("SELECT * WHERE { ?s ?p }"), "Accept", "text/csv");
    assertEquals(400, r.statusCode());
    assertTrue(TestServer.text(r).contains("Parse error"), TestServer.text(r));
  }

  @Test
  void anAnswerPastTheBoundIsRefusedNeverSentCutShort() {
    String tooMany =
        "the answer holds more than 1000 %s, the most this endpoint sends; ask for at most 1000"
            + " with LIMIT and page with OFFSET, or narrow the query";
    HttpResponse<byte[]> r = server.get(q("SELECT * WHERE { ?s ?p ?o }"), "Accept", "text/csv");
    assertEquals(400, r.statusCode());
    assertTrue(TestServer.text(r).contains(tooMany.formatted("rows")), TestServer.text(r));
    HttpResponse<byte[]> graph =
        server.get(q("CONSTRUCT WHERE { ?s ?p ?o }"), "Accept", "application/n-triples");
    assertEquals(400, graph.statusCode());
    assertTrue(TestServer.text(graph).contains(tooMany.formatted("triples")));
    HttpResponse<byte[]> page =
        server.get(
            q("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 1000 OFFSET 1000"),
            "Accept",
            "text/csv");
    assertEquals(200, page.statusCode());
    assertEquals(1001, TestServer.text(page).split("\r\n").length, "header and 1000 rows");
  }

  @Test
  void adminStatisticsAndMetricsAreNotOnThePublicPort() {
    for (String path :
        List.of(
            "/$/stats",
            "/$/metrics",
            "/$/ping",
            "/$/server",
            "/$/datasets",
            "/$/compact/kb",
            "/$/tasks")) {
      assertEquals(404, server.get(path).statusCode(), path);
    }
  }

  @Test
  void corsPreflightAndResponsesAllowAnyOriginToRead() {
    HttpResponse<byte[]> pre =
        server.send(
            server
                .request("/kb/sparql")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .build());
    assertEquals(200, pre.statusCode());
    assertEquals(
        "https://example.org", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(
        pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertFalse(
        pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
    HttpResponse<byte[]> get =
        server.get(q(COUNT_CLAIMS), "Accept", "text/csv", "Origin", "https://example.org");
    assertEquals(
        "https://example.org", get.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }
}
