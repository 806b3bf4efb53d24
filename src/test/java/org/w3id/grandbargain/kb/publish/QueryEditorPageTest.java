package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.publish.core.Assets;
import org.w3id.grandbargain.kb.publish.core.CorsModule;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.sparql.EditorData;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.query.QueryParameter;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * The SPARQL page's query editor over real HTTP: the page loads YASGUI and the editor's script and
 * style sheet from the site, which serves them; its data block holds the prefixes and every named
 * query exactly as the catalog has them; a browser following a link with a query gets the page with
 * the query, while programs get the answer as before.
 */
class QueryEditorPageTest {
  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" id=\"editor-data\">(.*?)</script>");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode data(HttpResponse<byte[]> page) throws IOException {
    Matcher m = DATA.matcher(TestServer.text(page));
    assertTrue(m.find(), "the page has the editor's data block");
    return JSON.readTree(m.group(1));
  }

  @Test
  void thePageLoadsTheBundledEditorFromTheSiteWhichServesIt() {
    HttpResponse<byte[]> page = server.get("/kb/sparql", "Accept", BROWSER);
    assertEquals(200, page.statusCode());
    String html = TestServer.text(page);
    Map<String, String> assets =
        Map.of(
            Assets.library("zazuko__yasgui", "build/yasgui.min.js"), "text/javascript",
            Assets.library("zazuko__yasgui", "build/yasgui.min.css"), "text/css",
            Assets.site("editor.js"), "text/javascript",
            Assets.site("editor.css"), "text/css");
    for (var e : assets.entrySet()) {
      String reference =
          e.getValue().equals("text/css")
              ? "<link rel=\"stylesheet\" href=\"" + e.getKey() + "\">"
              : "<script src=\"" + e.getKey() + "\" defer></script>";
      assertTrue(html.contains(reference), reference);
      HttpResponse<byte[]> file = server.get(e.getKey(), "Accept", "*/*");
      assertEquals(200, file.statusCode(), e.getKey());
      assertTrue(
          TestServer.header(file, "Content-Type").startsWith(e.getValue()),
          e.getKey() + ": " + TestServer.header(file, "Content-Type"));
    }
    assertFalse(html.contains("<script>"), "no inline script");
    assertFalse(html.contains("https://cdn"), "nothing from elsewhere");
    assertEquals(
        CorsModule.QUERY_EDITOR_POLICY, TestServer.header(page, "Content-Security-Policy"));
    assertEquals(
        CorsModule.CONTENT_SECURITY_POLICY,
        TestServer.header(server.get("/", "Accept", "text/html"), "Content-Security-Policy"),
        "other pages keep the site's policy");
  }

  @Test
  void theDataBlockHoldsThePrefixesAndEveryNamedQueryAsTheCatalogHasThem() throws IOException {
    JsonNode data = data(server.get("/kb/sparql", "Accept", "text/html"));
    assertEquals(server.url("/kb/sparql"), data.path("endpoint").asText());
    Map<String, String> prefixes = new java.util.TreeMap<>();
    data.path("prefixes")
        .fields()
        .forEachRemaining(f -> prefixes.put(f.getKey(), f.getValue().asText()));
    assertEquals(new java.util.TreeMap<>(Prefixes.standard().getNsPrefixMap()), prefixes);

    List<String> names = new ArrayList<>();
    Map<String, NamedQuery> catalog = server.publication().queries().all();
    for (JsonNode q : data.path("queries")) {
      String name = q.path("name").asText();
      names.add(name);
      NamedQuery expected = catalog.get(name);
      assertEquals(expected.summary(), q.path("summary").asText(), name);
      assertEquals(expected.description(), q.path("description").asText(), name);
      assertEquals(expected.text(), q.path("text").asText(), name);
      String editorText = q.path("editorText").asText();
      if (expected.parameters().stream().noneMatch(p -> p.example().isPresent())) {
        assertEquals(expected.text(), editorText, name);
      }
      for (QueryParameter p : expected.parameters()) {
        if (p.example().isPresent()) {
          assertTrue(
              editorText.contains("\n  VALUES ?" + p.name() + " { <" + p.example().get() + "> }\n"),
              name + ": " + editorText);
        }
      }
      List<QueryParameter> parameters = expected.parameters();
      assertEquals(parameters.size(), q.path("parameters").size(), name);
      for (int i = 0; i < parameters.size(); i++) {
        JsonNode p = q.path("parameters").get(i);
        assertEquals(parameters.get(i).name(), p.path("name").asText());
        assertEquals(parameters.get(i).description(), p.path("description").asText());
        assertEquals(parameters.get(i).required(), p.path("required").asBoolean());
        assertEquals(
            parameters.get(i).example().orElse(null),
            p.path("example").isNull() ? null : p.path("example").asText());
      }
    }
    assertEquals(List.copyOf(catalog.keySet()), names, "every named query, in the catalog's order");
    assertEquals(
        List.of("JSON", "XML", "CSV", "TSV"),
        data.path("formats").path("results").findValuesAsText("label"));
    assertEquals(
        List.of("Turtle", "JSON-LD", "N-Triples", "RDF/XML"),
        data.path("formats").path("graph").findValuesAsText("label"));
  }

  @Test
  void eachDownloadFormatIsOneTheEndpointAnswersIn() throws IOException {
    JsonNode data = data(server.get("/kb/sparql", "Accept", "text/html"));
    Map<String, String> queries =
        Map.of(
            "results", "SELECT ?s WHERE { ?s a <https://w3id.org/grand-bargain/ontology#Person> }",
            "graph",
                "CONSTRUCT { ?s a ?t } WHERE { ?s a <https://w3id.org/grand-bargain/ontology#Person> ; a ?t }");
    for (var kind : queries.entrySet()) {
      for (JsonNode f : data.path("formats").path(kind.getKey())) {
        HttpResponse<byte[]> r =
            server.get(
                "/kb/sparql?query="
                    + IriSpace.encodeQuery(kind.getValue())
                    + "&format="
                    + f.path("format").asText(),
                "Accept",
                BROWSER);
        assertEquals(200, r.statusCode(), f.toString());
        assertTrue(
            TestServer.header(r, "Content-Type").startsWith(f.path("type").asText()),
            f + ": " + TestServer.header(r, "Content-Type"));
      }
    }
  }

  @Test
  void aParameterIsBoundToItsExampleWithTheAnswerOfTheRunTimeSubstitution() {
    int bound = 0;
    for (NamedQuery q : server.publication().queries().all().values()) {
      String text = EditorData.editorText(q);
      if (q.parameters().stream().noneMatch(p -> p.example().isPresent())) {
        assertEquals(q.text(), text, q.name());
        continue;
      }
      bound++;
      for (QueryParameter p : q.parameters()) {
        assertTrue(text.contains("VALUES ?" + p.name() + " { <" + p.example().get() + "> }"), text);
      }
      Map<String, String> arguments = new java.util.HashMap<>();
      q.parameters().forEach(p -> arguments.put(p.name(), p.example().get()));
      Set<String> substituted = rows(q.query(), q.bind(arguments));
      Set<String> inEditor = rows(QueryFactory.create(text), BindingFactory.empty());
      assertFalse(substituted.isEmpty(), q.name() + " has an answer for its example");
      assertEquals(substituted, inEditor, q.name());
    }
    assertEquals(4, bound, "four named queries have parameters with examples");
  }

  private static Set<String> rows(
      org.apache.jena.query.Query query, org.apache.jena.sparql.engine.binding.Binding binding) {
    Set<String> rows = new HashSet<>();
    server
        .publication()
        .knowledge()
        .select(
            query,
            binding,
            (QuerySolution s) -> {
              StringBuilder row = new StringBuilder();
              for (String v : query.getResultVars()) {
                row.append(v).append('=').append(s.get(v)).append(' ');
              }
              rows.add(row.toString());
            });
    return rows;
  }

  @Test
  void aBrowserFollowingALinkToAQueryGetsTheEditorWithItAndProgramsTheAnswer() throws IOException {
    String query = "SELECT ?s WHERE { ?s a <https://w3id.org/grand-bargain/ontology#Channel> }";
    String link = "/kb/sparql?query=" + IriSpace.encodeQuery(query);
    HttpResponse<byte[]> page = server.get(link, "Accept", BROWSER);
    assertEquals(200, page.statusCode());
    assertTrue(TestServer.header(page, "Content-Type").startsWith("text/html"));
    assertEquals(query, data(page).path("query").asText(), "the editor gets the query");
    assertTrue(
        TestServer.text(page).contains("SELECT ?s WHERE { ?s a &lt;https://w3id.org/grand-bargain"),
        "the form without scripts has it too");
    assertTrue(data(server.get("/kb/sparql", "Accept", BROWSER)).path("query").isNull());
    String etag = TestServer.header(page, "ETag");
    assertEquals(304, server.get(link, "Accept", BROWSER, "If-None-Match", etag).statusCode());

    for (String accept :
        List.of("", "*/*", "application/sparql-results+json", "application/xml", "text/csv")) {
      HttpResponse<byte[]> answer =
          accept.isEmpty() ? server.get(link) : server.get(link, "Accept", accept);
      assertEquals(200, answer.statusCode(), accept);
      assertFalse(
          TestServer.header(answer, "Content-Type").startsWith("text/html"),
          "a program asking for " + accept + " gets the answer");
    }
    HttpResponse<byte[]> asked = server.get(link + "&format=json", "Accept", BROWSER);
    assertTrue(
        TestServer.header(asked, "Content-Type").startsWith("application/sparql-results+json"),
        "a browser asking for a format gets it");
  }

  @Test
  void theCompletionQueriesAnswerTheOntologysTermsAndThePeople() throws IOException {
    JsonNode data = data(server.get("/kb/sparql", "Accept", "text/html"));
    Map<String, String> expected =
        Map.of(
            "classes", "https://w3id.org/grand-bargain/ontology#Person",
            "properties", "https://w3id.org/grand-bargain/ontology#claimant",
            "entities", "https://w3id.org/grand-bargain/id/lawrence-wilkerson");
    for (var e : expected.entrySet()) {
      String query = data.path("completions").path(e.getKey()).asText();
      HttpResponse<byte[]> r =
          server.get(
              "/kb/sparql?query=" + IriSpace.encodeQuery(query),
              "Accept",
              "application/sparql-results+json");
      assertEquals(200, r.statusCode(), e.getKey());
      List<String> terms =
          JSON.readTree(r.body()).path("results").path("bindings").findValuesAsText("value");
      assertTrue(terms.contains(e.getValue()), e.getKey() + " has " + e.getValue());
    }
  }
}
