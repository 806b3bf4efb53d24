package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.query.ServicePolicy;

/**
 * The W3C SPARQL 1.1 Protocol tests (the manifest of w3c/rdf-tests, {@code
 * sparql/sparql11/protocol/manifest.ttl}, copied under {@code src/test/resources/w3c/}), run as
 * their requests say against the endpoint at {@code /kb/sparql}:
 *
 * <ul>
 *   <li>query tests run over the knowledge base's own graphs: the three test graphs, each holding
 *       one {@code foaf:Document}, become three claim graphs that each hold one {@code
 *       gb:Proposal}, the graph names where the test names a graph ({@code FROM}, {@code
 *       default-graph-uri}, {@code named-graph-uri}), the proposals where it names a resource;
 *   <li>update tests are refused: their first request is answered with a 4xx that says the endpoint
 *       is read-only, and nothing after it runs (a negative update test expects a 4xx anyway).
 * </ul>
 */
class W3cProtocolTest {
  private static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
  private static final String HT = "http://www.w3.org/2011/http#";
  private static final String CNT = "http://www.w3.org/2011/content#";
  private static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
  private static final String KASEI = "http://kasei.us/2009/09/sparql/data/";
  private static final String ID = "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/";

  /** Test graph → a claim graph of the knowledge base that holds one proposal. */
  private static final Map<String, String> GRAPHS =
      Map.of(
          KASEI + "data0.rdf", "https://w3id.org/grand-bargain/graph/no-such-graph",
          KASEI + "data1.rdf", ID + "leverett-offer-nuclear",
          KASEI + "data2.rdf", ID + "porter-geneva-proposal",
          KASEI + "data3.rdf", ID + "porter-bush-rejected");

  /** Test graph → the proposal its claim graph holds. */
  private static final Map<String, String> RESOURCES =
      Map.of(
          KASEI + "data1.rdf", ID + "grand-bargain",
          KASEI + "data2.rdf", ID + "reopen-geneva-channel",
          KASEI + "data3.rdf", ID + "iranian-proposal-bush-rejected");

  private static TestServer server;
  private static Model manifest;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(ServerSettings.builder().port(0).services(ServicePolicy.none()).build());
    manifest =
        RDFParser.source("src/test/resources/w3c/sparql11-protocol/manifest.ttl")
            .base("http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest")
            .toModel();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Property mf(String local) {
    return manifest.createProperty(MF, local);
  }

  private static Property ht(String local) {
    return manifest.createProperty(HT, local);
  }

  private static List<Resource> entries() {
    Resource root = manifest.listSubjectsWithProperty(RDF.type, mf("Manifest")).next();
    return root.getPropertyResourceValue(mf("entries")).as(RDFList.class).asJavaList().stream()
        .map(RDFNode::asResource)
        .toList();
  }

  @Test
  void theManifestHoldsEveryTestOfTheSuite() {
    assertEquals(34, entries().size());
  }

  @TestFactory
  Stream<DynamicTest> everyProtocolTest() {
    return entries().stream()
        .map(
            test -> {
              String name = test.getLocalName();
              return DynamicTest.dynamicTest(name, () -> run(name, test));
            });
  }

  private static void run(String name, Resource test) {
    boolean update = name.startsWith("update_") || name.startsWith("bad_update");
    Resource action = test.getPropertyResourceValue(mf("action"));
    List<RDFNode> requests =
        action.getPropertyResourceValue(ht("requests")).as(RDFList.class).asJavaList();
    for (RDFNode node : requests) {
      Resource request = node.asResource();
      HttpResponse<byte[]> r = server.send(toHttp(request));
      String body = TestServer.text(r);
      if (update) {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": " + r.statusCode());
        assertTrue(
            body.startsWith("This endpoint is read-only")
                || body.startsWith("This server is read-only"),
            name + ": " + body);
        return;
      }
      Resource expected = request.getPropertyResourceValue(ht("resp"));
      List<String> statuses = new ArrayList<>();
      expected
          .listProperties(mf("expectedStatus"))
          .forEachRemaining(s -> statuses.add(s.getResource().getURI().substring(HTS.length())));
      String got = "StatusCode" + r.statusCode() / 100 + "xx";
      assertTrue(statuses.contains(got), name + ": " + r.statusCode() + " " + body);
      String type = TestServer.header(r, "Content-Type");
      if (expected.hasProperty(mf("expectedFormat"))) {
        String format = expected.getProperty(mf("expectedFormat")).getString();
        List<String> types =
            switch (format) {
              case "boolean" ->
                  List.of("application/sparql-results+json", "application/sparql-results+xml");
              case "tabular" ->
                  List.of(
                      "application/sparql-results+json",
                      "application/sparql-results+xml",
                      "text/csv",
                      "text/tab-separated-values");
              default ->
                  List.of(
                      "application/rdf+xml",
                      "text/turtle",
                      "application/n-triples",
                      "application/ld+json");
            };
        assertTrue(types.stream().anyMatch(type::startsWith), name + ": " + type);
      }
      if (expected.hasProperty(mf("expectedBoolean"))) {
        boolean want = expected.getProperty(mf("expectedBoolean")).getBoolean();
        var lang =
            type.startsWith("application/sparql-results+xml")
                ? ResultSetLang.RS_XML
                : ResultSetLang.RS_JSON;
        assertEquals(
            want,
            ResultSetMgr.readBoolean(new ByteArrayInputStream(r.body()), lang),
            name + ": " + body);
      }
    }
  }

  private static HttpRequest toHttp(Resource request) {
    String path =
        rewritePath(request.getProperty(ht("absolutePath")).getString())
            .replaceFirst("^/sparql/", "/kb/sparql");
    Map<String, String> headers = new LinkedHashMap<>();
    Resource list = request.getPropertyResourceValue(ht("headers"));
    if (list != null) {
      for (RDFNode h : list.as(RDFList.class).asJavaList()) {
        headers.put(
            h.asResource().getProperty(ht("fieldName")).getString(),
            h.asResource().getProperty(ht("fieldValue")).getString());
      }
    }
    HttpRequest.Builder b = server.request(path);
    headers.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase("content-length")) {
            b.header(k, v);
          }
        });
    String method = request.getProperty(ht("methodName")).getString();
    Resource body = request.getPropertyResourceValue(ht("body"));
    if (body == null) {
      return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    String chars = body.getProperty(manifest.createProperty(CNT, "chars")).getString();
    Charset encoding =
        Charset.forName(
            body.getProperty(manifest.createProperty(CNT, "characterEncoding")).getString());
    String contentType = headers.getOrDefault("content-type", "");
    String text =
        contentType.startsWith("application/x-www-form-urlencoded")
            ? rewriteEncoded(chars)
            : rewriteQuery(chars);
    return b.method(method, HttpRequest.BodyPublishers.ofByteArray(text.getBytes(encoding)))
        .build();
  }

  /** In query text: a graph after FROM (NAMED) becomes its claim graph, any other its proposal. */
  static String rewriteQuery(String query) {
    String out = query;
    for (var e : GRAPHS.entrySet()) {
      out =
          out.replaceAll(
              "(FROM\\s+(NAMED\\s+)?)<" + java.util.regex.Pattern.quote(e.getKey()) + ">",
              "$1<" + e.getValue() + ">");
    }
    for (var e : RESOURCES.entrySet()) {
      out = out.replace("<" + e.getKey() + ">", "<" + e.getValue() + ">");
    }
    return out;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** In a query string or form: the query rewritten, the graph parameters to claim graphs. */
  static String rewriteEncoded(String encoded) {
    List<String> parts = new ArrayList<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        parts.add(pair);
        continue;
      }
      String key = pair.substring(0, eq);
      String value = decode(pair.substring(eq + 1));
      String rewritten =
          key.equals("query") ? rewriteQuery(value) : GRAPHS.getOrDefault(value, value);
      parts.add(key + "=" + encode(rewritten));
    }
    return String.join("&", parts);
  }

  private static String rewritePath(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q + 1) + rewriteEncoded(path.substring(q + 1));
  }

  @Test
  void theRewritingMapsGraphsAndResourcesApart() {
    assertEquals(
        "ASK FROM <" + ID + "porter-bush-rejected> { <" + ID + "grand-bargain> a ?t }",
        rewriteQuery("ASK FROM <" + KASEI + "data3.rdf> { <" + KASEI + "data1.rdf> a ?t }"));
    assertFalse(
        rewriteEncoded("default-graph-uri=" + encode(KASEI + "data1.rdf")).contains("kasei"));
  }
}
