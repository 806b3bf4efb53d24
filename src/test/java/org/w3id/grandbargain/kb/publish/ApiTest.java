package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.query.DatasetKnowledge;
import org.w3id.grandbargain.kb.query.NamedQueriesTest;

/** The named queries as a web API, over real HTTP. */
class ApiTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    // federated queries call the stand-ins in place of Wikidata and DBpedia
    server =
        TestServer.start(
            ServerSettings.builder().port(0).services(StandIns.get().services()).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theOpenApiDescriptionListsEveryNamedQueryWithItsParameters() throws Exception {
    HttpResponse<byte[]> r = server.get("/api", "Accept", "application/json");
    assertEquals(200, r.statusCode());
    JsonNode api = new ObjectMapper().readTree(r.body());
    assertEquals("3.0.3", api.path("openapi").asText());
    TreeSet<String> paths = new TreeSet<>();
    api.path("paths").fieldNames().forEachRemaining(paths::add);
    TreeSet<String> expected = new TreeSet<>();
    server.publication().queries().all().keySet().forEach(n -> expected.add("/api/" + n));
    assertEquals(expected, paths);
    JsonNode speaker =
        api.path("paths").path("/api/claims-by-speaker").path("get").path("parameters").get(0);
    assertEquals("speaker", speaker.path("name").asText());
    assertTrue(speaker.path("required").asBoolean());
    assertEquals("uri", speaker.path("schema").path("format").asText());
    assertTrue(
        TestServer.text(server.get("/api", "Accept", "text/html"))
            .contains("<h2 id=\"q-timeline\">"));
  }

  @Test
  void aNamedQueryAnswersAsTheInProcessRunnerDoes() {
    for (var q : server.publication().queries().all().values()) {
      Map<String, String> args = NamedQueriesTest.ARGUMENTS.getOrDefault(q.name(), Map.of());
      StringBuilder qs = new StringBuilder();
      args.forEach(
          (k, v) ->
              qs.append(qs.length() == 0 ? "?" : "&")
                  .append(k)
                  .append('=')
                  .append(IriSpace.encodeQuery(v)));
      HttpResponse<byte[]> r =
          server.get("/api/" + q.name() + qs, "Accept", "application/sparql-results+json");
      assertEquals(200, r.statusCode(), q.name() + ": " + TestServer.text(r));
      ResultSetRewindable http =
          ResultSetFactory.copyResults(
              ResultSetMgr.read(new ByteArrayInputStream(r.body()), ResultSetLang.RS_JSON));
      ResultSetRewindable local =
          new DatasetKnowledge(server.publication().kb().dataset(), StandIns.get().policy())
              .select(q, args);
      assertEquals(NamedQueriesTest.render(local), NamedQueriesTest.render(http), q.name());
    }
  }

  @Test
  void csvAndHtmlAreNegotiatedOrChosenByFormat() {
    HttpResponse<byte[]> csv = server.get("/api/channels", "Accept", "text/csv");
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        TestServer.text(csv)
            .startsWith("channel,name,place,status,outcome,outcomeWhen,claimant,used\r\n"),
        TestServer.text(csv));
    HttpResponse<byte[]> html = server.get("/api/channels?format=html");
    assertTrue(TestServer.text(html).contains("<caption>Answers</caption>"));
    assertEquals(406, server.get("/api/channels", "Accept", "image/png").statusCode());
    assertEquals(400, server.get("/api/channels?format=xls").statusCode());
  }

  @Test
  void parametersAreCheckedAndNeverReachTheQueryText() {
    HttpResponse<byte[]> missing = server.get("/api/claims-by-speaker", "Accept", "text/csv");
    assertEquals(400, missing.statusCode());
    assertTrue(
        TestServer.text(missing)
            .startsWith("query 'claims-by-speaker' needs the parameter 'speaker'"),
        TestServer.text(missing));
    HttpResponse<byte[]> unknown = server.get("/api/timeline?year=2003", "Accept", "text/csv");
    assertEquals(400, unknown.statusCode());
    assertEquals("query 'timeline' has no parameter 'year'", TestServer.text(unknown).strip());
    HttpResponse<byte[]> injection =
        server.get(
            "/api/claims-by-speaker?speaker=" + IriSpace.encodeQuery("x> } UNION { ?s ?p ?o"),
            "Accept",
            "text/csv");
    assertEquals(400, injection.statusCode());
    assertEquals(404, server.get("/api/who-won", "Accept", "text/csv").statusCode());
  }
}
