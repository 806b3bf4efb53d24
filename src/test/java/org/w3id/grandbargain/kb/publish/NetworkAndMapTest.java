package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.publish.core.IriSpace;

/**
 * The network ({@code /network}) and the map ({@code /map}) over HTTP, for the real article: the
 * exact numbers of nodes, edges and places the data gives, each checked against a count of its own
 * through the SPARQL endpoint; every edge and every happening with who says so and how; every link
 * of the pages leading somewhere.
 *
 * <p>The network has 28 edges: 18 stances stated in claims (8 favoured, 2 opposed, 2 sought to
 * block, 6 blocked), 4 proposers, 1 transmission, 1 rebuke, and the 2 participants of each of the
 * two sets of talks in Geneva; they join 24 nodes. Of the 8 places, 5 have coordinates in the
 * snapshots of Wikidata and DBpedia (Geneva, Iran, Iraq, Tehran, Washington) and 3 do not
 * (Afghanistan, Switzerland, the United States); 12 things are located at them or about them.
 */
class NetworkAndMapTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIXES =
      "PREFIX gb: <https://w3id.org/grand-bargain/ontology#>\n"
          + "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n"
          + "PREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
          + "PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>\n";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.startRealArticleOnly();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode json(String path) throws IOException {
    HttpResponse<byte[]> r = server.get(path);
    assertEquals(200, r.statusCode(), path);
    assertTrue(TestServer.header(r, "Content-Type").startsWith("application/json"), path);
    return JSON.readTree(r.body());
  }

  /** One number from a SPARQL query through the endpoint. */
  private static long count(String select) throws IOException {
    HttpResponse<byte[]> r =
        server.get(
            "/kb/sparql?query=" + IriSpace.encodeQuery(PREFIXES + select),
            "Accept",
            "application/sparql-results+json");
    assertEquals(200, r.statusCode(), TestServer.text(r));
    return JSON.readTree(r.body())
        .path("results")
        .path("bindings")
        .get(0)
        .path("n")
        .path("value")
        .asLong();
  }

  private static String page(String path) {
    HttpResponse<byte[]> r = server.get(path, "Accept", "text/html");
    assertEquals(200, r.statusCode(), path);
    return TestServer.text(r);
  }

  @Test
  void theNetworkHasEveryEdgeOfTheDataAndTheNodesTheyJoin() throws IOException {
    JsonNode network = json("/network.json");
    assertEquals(28, network.path("edges").size());
    assertEquals(24, network.path("nodes").size());
    long stances =
        count(
            "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?p { gb:favoured gb:opposed gb:soughtToBlock"
                + " gb:blocked } GRAPH ?c { ?s ?p ?o } ?c a gb:Claim }");
    long proposers =
        count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?c { ?s gb:proposer ?o } ?c a gb:Claim }");
    long fromEvents =
        count(
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a gb:Claim . GRAPH ?c {"
                + " { ?e a gb:Transmission ; gb:actor ?a ; gb:concerns ?x }"
                + " UNION { ?e a gb:Rebuke ; gb:actor ?a ; gb:target ?x }"
                + " UNION { ?e a gb:Meeting ; gb:participant ?a ; gb:via ?x } } }");
    assertEquals(18, stances);
    assertEquals(4, proposers);
    assertEquals(6, fromEvents);
    assertEquals(stances + proposers + fromEvents, network.path("edges").size());
    long ends =
        count(
            "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?c a gb:Claim . GRAPH ?c {"
                + " { VALUES ?p { gb:favoured gb:opposed gb:soughtToBlock gb:blocked }"
                + "   { ?x ?p ?o } UNION { ?s ?p ?x } }"
                + " UNION { { ?x gb:proposer ?o } UNION { ?s gb:proposer ?x } }"
                + " UNION { ?e a gb:Transmission ; gb:actor|gb:concerns ?x }"
                + " UNION { ?e a gb:Rebuke ; gb:actor|gb:target ?x }"
                + " UNION { ?e a gb:Meeting ; gb:participant|gb:via ?x } } }");
    assertEquals(ends, network.path("nodes").size());

    Map<String, Long> byRelation = new TreeMap<>();
    network
        .path("relations")
        .forEach(r -> byRelation.put(r.path("id").asText(), r.path("count").asLong()));
    assertEquals(
        Map.of(
            "proposed", 4L,
            "transmitted", 1L,
            "rebuked", 1L,
            "negotiated", 4L,
            "favoured", 8L,
            "opposed", 2L,
            "sought to block", 2L,
            "blocked", 6L),
        byRelation);
    Set<String> kinds = new java.util.TreeSet<>();
    network.path("nodes").forEach(n -> kinds.add(n.path("kind").asText()));
    assertTrue(
        kinds.containsAll(List.of("person", "organisation", "grouping", "proposal", "channel")),
        kinds.toString());
  }

  @Test
  void everyEdgeSaysWhoSaysSoAndHow() throws IOException {
    JsonNode network = json("/network.json");
    Set<String> nodes = new LinkedHashSet<>();
    network.path("nodes").forEach(n -> nodes.add(n.path("id").asText()));
    for (JsonNode e : network.path("edges")) {
      assertFalse(e.path("speaker").asText().isBlank(), e.toString());
      assertTrue(e.path("speakerHref").asText().startsWith("/doc/id/"), e.toString());
      assertFalse(e.path("manner").asText().isBlank(), e.toString());
      assertFalse(e.path("medium").asText().isBlank(), e.toString());
      assertTrue(e.path("claimHref").asText().startsWith("/doc/id/"), e.toString());
      assertTrue(nodes.contains(e.path("from").asText()), e.toString());
      assertTrue(nodes.contains(e.path("to").asText()), e.toString());
    }
    List<JsonNode> guesses = new ArrayList<>();
    network
        .path("edges")
        .forEach(
            e -> {
              if (e.path("style").asText().equals("conjecture")) {
                guesses.add(e);
              }
            });
    assertEquals(1, guesses.size(), "one edge is a guess");
    JsonNode guess = guesses.get(0);
    assertEquals("Dick Cheney", guess.path("fromLabel").asText());
    assertEquals("blocked", guess.path("relation").asText());
    assertEquals("Lawrence Wilkerson", guess.path("speaker").asText());
    assertEquals("remarks to the publisher, conjecture", guess.path("manner").asText());
  }

  @Test
  void thePageListsEveryEdgeInATableAndItsLinksLeadSomewhere() {
    String html = page("/network");
    List<String> rows = rows(html);
    assertEquals(28, rows.size());
    Pattern cell = Pattern.compile("<td data-label=\"([^\"]+)\">(.*?)</td>", Pattern.DOTALL);
    for (String row : rows) {
      Matcher m = cell.matcher(row);
      List<String> labels = new ArrayList<>();
      while (m.find()) {
        labels.add(m.group(1));
        if (!m.group(1).equals("Relation")) {
          assertTrue(m.group(2).contains("<a href=\""), row);
        }
      }
      assertEquals(List.of("From", "Relation", "To", "Who says so", "How"), labels, row);
    }
    assertTrue(html.contains("<script type=\"application/json\" id=\"network-data\">"));
    assertTrue(html.contains("/assets/lib/cytoscape/3.33.1/dist/cytoscape.min.js"));
    assertTrue(html.contains("<a href=\"/network\">Network</a>"), "the header links the view");
    assertLinksResolve(html);
  }

  @Test
  void theFiltersCutTheEdgesOnTheServerToo() throws IOException {
    assertEquals(6, json("/network.json?relation=blocked").path("edges").size());
    assertEquals(
        10,
        json("/network.json?relation=blocked&relation=opposed&relation=sought+to+block")
            .path("edges")
            .size());
    JsonNode wilkerson =
        json(
            "/network.json?speaker="
                + IriSpace.encodeQuery("https://w3id.org/grand-bargain/id/lawrence-wilkerson"));
    assertEquals(3, wilkerson.path("edges").size());
    assertEquals(
        28,
        wilkerson.path("relations").findValues("count").stream().mapToLong(JsonNode::asLong).sum(),
        "the counts stay those of the whole");
    String html = page("/network?relation=blocked");
    long hidden = rows(html).stream().filter(r -> r.contains(" hidden>")).count();
    assertEquals(22, hidden, "the rows of the other relations are hidden");
    assertTrue(html.contains("6 of 28 edges shown."));
    assertEquals(400, server.get("/network.json?relation=liked").statusCode());
    HttpResponse<byte[]> nobody = server.get("/network.json?speaker=nobody");
    assertEquals(400, nobody.statusCode());
    assertEquals(
        "no edge is said by 'nobody'; use the IRI of one of the speakers the page lists",
        TestServer.text(nobody).strip());
  }

  @Test
  void theMapHasEveryPlaceAndWhatHappenedThere() throws IOException {
    JsonNode map = json("/map.json");
    long places = count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a gb:Place }");
    long located =
        count(
            "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a gb:Place ; owl:sameAs ?i ."
                + " { ?i wdt:P625 ?c } UNION { ?i geo:lat ?lat } }");
    assertEquals(8, places);
    assertEquals(5, located);
    assertEquals(located, map.path("mapped").size());
    assertEquals(places - located, map.path("unmapped").size());
    List<String> mapped = new ArrayList<>();
    map.path("mapped").forEach(p -> mapped.add(p.path("label").asText()));
    assertEquals(List.of("Geneva", "Iran", "Iraq", "Tehran", "Washington, D.C."), mapped);
    List<String> unmapped = new ArrayList<>();
    map.path("unmapped").forEach(p -> unmapped.add(p.path("label").asText()));
    assertEquals(List.of("Afghanistan", "Switzerland", "United States"), unmapped);
    JsonNode tehran = map.path("mapped").get(3);
    assertEquals(35.69611, tehran.path("lat").asDouble());
    assertEquals(51.42306, tehran.path("lon").asDouble());
    assertEquals("Wikidata Q3616", tehran.path("coordinatesFrom").asText());
    assertEquals("https://sco.wikipedia.org/wiki/Tehran", tehran.path("reference").asText());

    long happenings =
        count(
            "SELECT (COUNT(*) AS ?n) WHERE { VALUES ?q { gb:place gb:dateline gb:concerns }"
                + " ?p a gb:Place . GRAPH ?g { ?t ?q ?p }"
                + " { ?g a gb:Claim } UNION { ?g a gb:EditorialGraph } }");
    assertEquals(12, happenings);
    int listed = 0;
    for (String part : List.of("mapped", "unmapped")) {
      for (JsonNode p : map.path(part)) {
        for (JsonNode h : p.path("happenings")) {
          listed++;
          assertFalse(h.path("says").asText().isBlank(), h.toString());
          assertFalse(h.path("how").asText().isBlank(), h.toString());
          assertTrue(h.path("href").asText().startsWith("/doc/"), h.toString());
        }
      }
    }
    assertEquals(happenings, listed);
  }

  @Test
  void theMapPageListsThePlacesWithoutAScriptAndNamesTheUnmapped() {
    String html = page("/map");
    assertEquals(5, occurrences(html, "<section class=\"place\">"));
    int start = html.indexOf("<h3 id=\"not-mapped\">Not mapped</h3>");
    assertTrue(start > 0, "the places without coordinates are listed as not mapped");
    String rest = html.substring(start, html.indexOf("</ul>\n</section>", start));
    for (String name : List.of("Afghanistan", "Switzerland", "United States")) {
      assertTrue(rest.contains(">" + name + "</a>"), name);
    }
    // 12 items, each with who places it there; the 2 claims the editors file under a place also
    // with their own speaker
    assertEquals(12 + 2, occurrences(html, "<span class=\"by "));
    assertEquals(2, occurrences(html, "<span class=\"by source\">a claim of "));
    assertTrue(
        html.contains(
            "<span class=\"by source\">a claim of <a href=\"/doc/id/gareth-porter\">Gareth Porter</a>"
                + " (the author&#39;s own reporting, asserted)</span> <span class=\"by editors\">placed"
                + " here by"),
        html);
    assertTrue(html.contains("/assets/lib/leaflet/1.9.4/dist/leaflet.js"));
    assertTrue(html.contains("data-base-map=\"/assets/site/basemap/countries-110m.json\""));
    assertLinksResolve(html);
    HttpResponse<byte[]> base = server.get("/assets/site/basemap/countries-110m.json");
    assertEquals(200, base.statusCode());
    assertNotNull(base.body());
    assertTrue(TestServer.text(base).startsWith("{\"type\":\"FeatureCollection\""));
  }

  private static List<String> rows(String html) {
    String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    List<String> rows = new ArrayList<>();
    Matcher m = Pattern.compile("<tr id=\"e\\d+\".*?</tr>", Pattern.DOTALL).matcher(body);
    while (m.find()) {
      rows.add(m.group());
    }
    return rows;
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Every link of a page to this site answers 200. */
  private static void assertLinksResolve(String html) {
    Matcher m = Pattern.compile("(?:href|src)=\"(/[^\"#]*)").matcher(html);
    Set<String> paths = new LinkedHashSet<>();
    while (m.find()) {
      paths.add(m.group(1).replace("&amp;", "&"));
    }
    assertTrue(paths.size() > 20, paths.toString());
    for (String path : paths) {
      assertEquals(200, server.get(path, "Accept", "text/html").statusCode(), path);
    }
  }
}
