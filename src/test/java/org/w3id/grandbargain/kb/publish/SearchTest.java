package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.grandbargain.kb.publish.core.Admission;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The search over real HTTP, for the real knowledge base: the page, the JSON, {@code text:query} at
 * the SPARQL endpoint, the 404 page's suggestions, and bad input.
 */
class SearchTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static TestServer server;

  @BeforeAll
  static void start() {
    // every name of every person and organisation is searched: more than a client's default rate
    server =
        TestServer.startRealArticleOnly(
            ServerSettings.builder()
                .port(0)
                .admission(Admission.builder().perClient(2, 10_000).build())
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A name of a person or an organisation, and what kind of name it is. */
  record Name(String iri, String name, String kind, boolean main) {}

  /**
   * Every name of every person and organisation: its label (the editors'), its alternative names
   * and the names the article prints for it.
   */
  static List<Name> names(TestServer server) {
    var query =
        QueryFactory.create(
            """
            PREFIX gb: <https://w3id.org/grand-bargain/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?s ?p ?name WHERE {
              VALUES ?class { gb:Person gb:Organisation }
              VALUES ?p { gb:label skos:altLabel gb:nameInSource }
              ?s a ?class .
              GRAPH ?g { ?s ?p ?name }
              FILTER NOT EXISTS { ?g a gb:ExternalSnapshot }
              FILTER(STRSTARTS(STR(?s), ?prefix))
            } ORDER BY ?s ?p ?name
            """);
    List<Name> names = new ArrayList<>();
    server
        .publication()
        .knowledge()
        .select(
            query,
            org.apache.jena.sparql.engine.binding.BindingFactory.binding(
                org.apache.jena.sparql.core.Var.alloc("prefix"),
                org.apache.jena.graph.NodeFactory.createLiteralString(GB.ID)),
            row -> {
              String p = row.getResource("p").getLocalName();
              names.add(
                  new Name(
                      row.getResource("s").getURI(),
                      row.getLiteral("name").getString(),
                      p,
                      p.equals("label")));
            });
    return names;
  }

  /**
   * A one-letter misspelling of a name, made the same way every time: in its longest word, the
   * letter in the middle is replaced by the next one of the alphabet ('z' by 'a').
   */
  static String misspelt(String name) {
    String[] words = name.split(" ");
    int longest = 0;
    for (int i = 1; i < words.length; i++) {
      if (words[i].length() > words[longest].length()) {
        longest = i;
      }
    }
    char[] w = words[longest].toCharArray();
    int at = w.length / 2;
    while (at < w.length - 1 && !Character.isLetter(w[at])) {
      at++;
    }
    char c = w[at];
    char lower = Character.toLowerCase(c);
    char next = lower == 'z' ? 'a' : (char) (lower + 1);
    w[at] = Character.isUpperCase(c) ? Character.toUpperCase(next) : next;
    words[longest] = new String(w);
    return String.join(" ", words);
  }

  private static JsonNode api(String q) throws Exception {
    HttpResponse<byte[]> r = server.get("/api/search?q=" + IriSpace.encodeQuery(q));
    assertEquals(200, r.statusCode(), q + ": " + TestServer.text(r));
    assertEquals("application/json", TestServer.header(r, "Content-Type").split(";")[0]);
    return MAPPER.readTree(r.body());
  }

  private static List<String> iris(JsonNode answer) {
    List<String> iris = new ArrayList<>();
    answer.path("hits").forEach(h -> iris.add(h.path("iri").asText()));
    return iris;
  }

  @Test
  void everyPersonAndOrganisationIsTheFirstHitForEachOfItsNames() throws Exception {
    List<Name> names = names(server);
    assertTrue(names.size() > 40, "names of persons and organisations: " + names.size());
    List<String> failures = new ArrayList<>();
    for (Name n : names) {
      List<String> hits = iris(api(n.name()));
      if (hits.isEmpty() || !hits.get(0).equals(n.iri())) {
        failures.add(n + " gives " + hits.subList(0, Math.min(3, hits.size())));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void everyPersonAndOrganisationIsTheFirstHitForAOneLetterMisspellingOfItsName() throws Exception {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Name n : names(server)) {
      if (!n.main()) {
        continue;
      }
      String wrong = misspelt(n.name());
      assertFalse(wrong.equalsIgnoreCase(n.name()), n.name());
      checked++;
      List<String> hits = iris(api(wrong));
      if (hits.isEmpty() || !hits.get(0).equals(n.iri())) {
        failures.add(
            n.name()
                + " misspelt '"
                + wrong
                + "' gives "
                + hits.subList(0, Math.min(3, hits.size())));
      }
    }
    assertTrue(checked > 30, "checked " + checked);
    assertEquals(List.of(), failures);
  }

  @Test
  void theArticlesMisnamingFindsWhomItNames() throws Exception {
    JsonNode answer = api("Ayatollah Ali Khomeini");
    JsonNode first = answer.path("hits").get(0);
    assertEquals(GB.ID + "ips-2006-03-28-cabal/supreme-leader", first.path("iri").asText());
    assertEquals("exact", first.path("match").asText());
    assertEquals("printed", first.path("matchedKind").asText());
  }

  @Test
  void theApiAnswersTheExpectedJson() throws Exception {
    JsonNode answer = api("Wilkerson");
    JsonNode first = answer.path("hits").get(0);
    String expected =
        """
        {"iri":"%s","label":"Lawrence Wilkerson","type":"person",\
        "description":"%s","page":"/doc/id/lawrence-wilkerson","match":"words",\
        "matched":"Lawrence Wilkerson","matchedKind":"label"}"""
            .formatted(GB.ID + "lawrence-wilkerson", first.path("description").asText());
    assertEquals(MAPPER.readTree(expected), first);
    assertEquals("Wilkerson", answer.path("query").asText());
    assertFalse(first.path("description").asText().isEmpty());
  }

  @Test
  void theApiAnswersExactlyForOneQuery() throws Exception {
    HttpResponse<byte[]> r = server.get("/api/search?q=Swiss%20ambassador&limit=1");
    assertEquals(200, r.statusCode());
    assertEquals(
        MAPPER.readTree(
            """
            {"query":"Swiss ambassador","hits":[{"iri":"%s","label":"Swiss ambassador in Tehran",\
            "type":"person","description":"","page":"/doc/id/ips-2006-03-28-cabal/swiss-ambassador","match":"words",\
            "matched":"Swiss ambassador in Tehran","matchedKind":"label"}]}"""
                .formatted(GB.ID + "ips-2006-03-28-cabal/swiss-ambassador")),
        MAPPER.readTree(r.body()));
  }

  @Test
  void thePageListsTheHitsWithLinksTypesAndDescriptions() {
    HttpResponse<byte[]> r = server.get("/search?q=wilkerson", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    String html = TestServer.text(r);
    assertTrue(
        html.contains("<a href=\"/doc/id/lawrence-wilkerson\">Lawrence Wilkerson</a>"), html);
    assertTrue(html.contains("(person)"), html);
    assertTrue(html.contains("role=\"search\""));
    assertTrue(html.contains("value=\"wilkerson\""), "the header's form keeps the search");
    String csp = TestServer.header(r, "Content-Security-Policy");
    assertTrue(
        csp.contains(org.w3id.grandbargain.kb.publish.core.Pages.styleDigest()),
        "the style sheet's digest is allowed: " + csp);
  }

  @Test
  void everyPageHasTheSearchFormInItsHeader() {
    for (String path : List.of("/", "/index", "/doc/id/lawrence-wilkerson", "/dataset")) {
      String html = TestServer.text(server.get(path, "Accept", "text/html"));
      assertTrue(
          html.contains(
              "<form class=\"site-search\" role=\"search\" action=\"/search\" method=\"get\">"),
          path);
      assertTrue(html.contains("<label for=\"site-search-q\">"), path);
    }
  }

  @Test
  void anEmptySearchGivesThePromptOnThePageAnd400FromTheApi() {
    HttpResponse<byte[]> page = server.get("/search", "Accept", "text/html");
    assertEquals(200, page.statusCode());
    assertTrue(TestServer.text(page).contains("Type a name"));
    assertEquals(200, server.get("/search?q=%20%20", "Accept", "text/html").statusCode());
    HttpResponse<byte[]> api = server.get("/api/search?q=");
    assertEquals(400, api.statusCode());
    assertTrue(TestServer.text(api).contains("the parameter q is required"));
  }

  @Test
  void aSearchTooLongIsRefusedWith400ThatSaysWhy() {
    String q = "a".repeat(201);
    for (String path : List.of("/search?q=" + q, "/api/search?q=" + q)) {
      HttpResponse<byte[]> r = server.get(path, "Accept", "text/html");
      assertEquals(400, r.statusCode(), path);
      assertTrue(
          TestServer.text(r).contains("201 characters long; at most 200"), TestServer.text(r));
    }
    assertEquals(400, server.get("/api/search?q=x&limit=0").statusCode());
    assertEquals(400, server.get("/api/search?q=x&limit=many").statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"(*~", "*", "~", "\"", "(", "a:b", "\\", "AND", "wilk*rson~2", "{}[]^"})
  void queryCharactersAreWordsNotSyntax(String q) throws Exception {
    HttpResponse<byte[]> r = server.get("/api/search?q=" + IriSpace.encodeQuery(q));
    assertEquals(200, r.statusCode(), q + ": " + TestServer.text(r));
    assertTrue(MAPPER.readTree(r.body()).path("hits").isArray());
    assertEquals(200, server.get("/search?q=" + IriSpace.encodeQuery(q)).statusCode());
  }

  @Test
  void theNotFoundPageSuggestsWhatTheSearchFindsAndNoDates() {
    HttpResponse<byte[]> r = server.get("/doc/id/wilkerson", "Accept", "text/html");
    assertEquals(404, r.statusCode());
    String html = TestServer.text(r);
    int list = html.indexOf("<ul>");
    assertTrue(list > 0, html);
    String suggestions = html.substring(list, html.indexOf("</ul>", list));
    assertTrue(
        suggestions.startsWith("<ul>\n<li><a href=\"/doc/id/lawrence-wilkerson\">"), suggestions);
    assertFalse(suggestions.toLowerCase(Locale.ROOT).contains("instant"), suggestions);
    assertFalse(suggestions.contains("by 28 March 2006"), suggestions);
    assertFalse(suggestions.contains("/graph/"), suggestions);
  }

  /** The example of the README: a misspelt name, by its label's property, best first. */
  @Test
  void sparqlTextQueryAtTheEndpointReadsTheSameIndex() {
    String query =
        """
        PREFIX text: <http://jena.apache.org/text#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?s ?label WHERE {
          (?s ?score) text:query (rdfs:label "wilkersen~1") .
          ?s rdfs:label ?label .
        } ORDER BY DESC(?score)
        """;
    HttpResponse<byte[]> r =
        server.get(
            "/kb/sparql?query=" + IriSpace.encodeQuery(query),
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, r.statusCode(), TestServer.text(r));
    ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON);
    List<String> found = new ArrayList<>();
    rows.forEachRemaining(row -> found.add(row.getResource("s").getURI()));
    assertEquals(GB.ID + "lawrence-wilkerson", found.get(0), found.toString());
  }

  @Test
  void aTextQueryLuceneCannotParseIs400NotAFailure() {
    String query =
        """
        PREFIX text: <http://jena.apache.org/text#>
        SELECT ?s WHERE { ?s text:query "\\"(*~" }
        """;
    HttpResponse<byte[]> r =
        server.get(
            "/kb/sparql?query=" + IriSpace.encodeQuery(query),
            "Accept",
            "application/sparql-results+json");
    assertEquals(400, r.statusCode(), TestServer.text(r));
    assertTrue(TestServer.text(r).contains("Cannot parse"), TestServer.text(r));
  }
}
