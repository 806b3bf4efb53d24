package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.vocabulary.GB;

/** The home page's class counts and the lists of a class's members they lead to. */
class ExplorePagesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.startRealArticleOnly();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String members(String cls) {
    return "/index?class=" + IriSpace.encodeQuery(cls);
  }

  @Test
  void aClassListsEveryMemberOfItAndItsSubclassesByName() {
    HttpResponse<byte[]> r = server.get(members(GB.NS + "Event"), "Accept", "text/html");
    assertEquals(200, r.statusCode());
    String html = TestServer.text(r);
    assertTrue(html.contains("The 27 resources of the class"), html);
    Matcher item = Pattern.compile("<li><a href=\"(/doc/id/[^\"]+)\">").matcher(html);
    long items = 0;
    while (item.find()) {
      items++;
    }
    assertEquals(27, items);
    assertTrue(
        html.contains(
            "<li><a href=\"/doc/id/ips-2006-03-28-cabal/bush-rejects-iranian-proposal\">Bush rejects"
                + " the Iranian proposal</a> <span class=\"muted\">(rejection)</span></li>"),
        html);
  }

  @Test
  void eachListHasItsOwnValidatorAndAClassWithoutMembersIsNotFoundEvenConditionally() {
    String index = TestServer.header(server.get("/index", "Accept", "text/html"), "ETag");
    String events =
        TestServer.header(server.get(members(GB.NS + "Event"), "Accept", "text/html"), "ETag");
    String people =
        TestServer.header(server.get(members(GB.NS + "Person"), "Accept", "text/html"), "ETag");
    assertNotEquals(index, events);
    assertNotEquals(events, people);
    assertEquals(
        304,
        server
            .get(members(GB.NS + "Event"), "Accept", "text/html", "If-None-Match", events)
            .statusCode());
    for (List<String> conditional :
        List.of(List.of("If-None-Match", "*"), List.of("If-None-Match", events))) {
      HttpResponse<byte[]> r =
          server.get(
              members(GB.NS + "Nothing"),
              "Accept",
              "text/html",
              conditional.get(0),
              conditional.get(1));
      assertEquals(404, r.statusCode());
      assertTrue(
          TestServer.text(r)
              .contains(
                  "<p>No resource of the knowledge base has the class " + GB.NS + "Nothing.</p>"),
          TestServer.text(r));
    }
  }

  @Test
  void theIndexKeepsDatesAndGraphsUnderItsTechnicalSection() {
    String html = TestServer.text(server.get("/index", "Accept", "text/html"));
    int technical = html.indexOf("<h2 id=\"technical\">");
    assertTrue(technical > 0, html);
    String forReaders = html.substring(0, technical);
    assertTrue(forReaders.contains("href=\"/doc/id/lawrence-wilkerson\""), forReaders);
    assertTrue(!forReaders.contains("/when\""), "a date before the technical section");
    assertTrue(!forReaders.contains("/statedAt\""), "a date before the technical section");
    assertTrue(!forReaders.contains("href=\"/doc/graph/"), "a graph before the technical section");
    String rest = html.substring(technical);
    assertTrue(rest.contains("/statedAt\""), rest);
    assertTrue(rest.contains("href=\"/doc/graph/ips-2006-03-28-cabal\""), rest);
  }
}
