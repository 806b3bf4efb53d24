package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.TestProject;

/**
 * The timeline page ({@code /timeline}) over the real article, by real HTTP: every event and dated
 * proposal once, grouped by year and month, each date at its precision and in its voice, each entry
 * linked to its page with who says so; its text is that of a golden file ({@code
 * -Dtimeline.golden.write=true} rewrites it, and writes the page to {@code target/timeline.html}).
 */
class TimelineTest {
  /**
   * The entries of the real article: its 27 events ({@code events.yaml}) and its 3 proposals with a
   * date ({@code proposals.yaml}), 8 of the events with no date.
   */
  private static final int ENTRIES = 30;

  private static final int UNDATED = 8;

  /** The page's text, as {@link #text} reads it. */
  private static final Path GOLDEN = TestProject.resource("timeline/timeline.txt");

  /** The anchors of the real article's entries begin with its id. */
  private static final String ARTICLE = "ips-2006-03-28-cabal-";

  private static final Pattern ITEM =
      Pattern.compile("<li class=\"event\" id=\"([^\"]+)\">(.*?)</li>\n", Pattern.DOTALL);

  private static TestServer server;
  private static String page;

  @BeforeAll
  static void start() {
    server = TestServer.startRealArticleOnly();
    HttpResponse<byte[]> r = server.get("/timeline", "Accept", "text/html");
    assertEquals(200, r.statusCode());
    assertTrue(TestServer.header(r, "Content-Type").startsWith("text/html"));
    page = TestServer.text(r);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The entries of the page, by anchor, each with its markup. */
  private static List<String[]> items() {
    List<String[]> items = new ArrayList<>();
    Matcher m = ITEM.matcher(page);
    while (m.find()) {
      items.add(new String[] {m.group(1), m.group(2)});
    }
    return items;
  }

  private static String item(String anchor) {
    return items().stream()
        .filter(i -> i[0].equals(ARTICLE + anchor))
        .findFirst()
        .map(i -> i[1])
        .orElseThrow(() -> new AssertionError("no entry " + anchor));
  }

  /** The section of a heading, up to the next heading of its level or a higher one. */
  private static String section(String level, String id) {
    int start = page.indexOf("<" + level + " id=\"" + id + "\">");
    assertTrue(start >= 0, () -> "no heading " + id);
    int end = page.length();
    for (int l = 2; l <= Integer.parseInt(level.substring(1)); l++) {
      int next = page.indexOf("<h" + l + " id=", start + 1);
      if (next >= 0) {
        end = Math.min(end, next);
      }
    }
    return page.substring(start, end);
  }

  @Test
  void everyEventAndDatedProposalIsListedOnce() {
    List<String[]> items = items();
    assertEquals(ENTRIES, items.size());
    Set<String> anchors = new LinkedHashSet<>();
    items.forEach(i -> anchors.add(i[0]));
    assertEquals(ENTRIES, anchors.size(), "an entry is listed twice");
    assertEquals(UNDATED, ITEM.matcher(section("h2", "undated")).results().count());
    assertTrue(
        page.contains("The 30 events and dated proposals of the knowledge base, 22 of them"));
  }

  @Test
  void entriesAreGroupedByYearAndThenMonth() {
    List<String> years = new ArrayList<>();
    Pattern.compile("<h2 id=\"([^\"]+)\">")
        .matcher(page)
        .results()
        .forEach(r -> years.add(r.group(1)));
    assertEquals(List.of("y2001", "y2002", "y2003", "y2005", "y2006", "undated"), years);
    String may = section("h3", "y2003-05");
    assertTrue(may.startsWith("<h3 id=\"y2003-05\">May 2003</h3>"));
    for (String event :
        List.of(
            "grand-bargain",
            "grand-bargain-transmission",
            "swiss-ambassador-rebuked",
            "mek-al-qaeda-exchange",
            "bush-initial-reaction",
            "bush-rejects-iranian-proposal",
            "abc-report")) {
      assertTrue(
          may.contains("id=\"" + ARTICLE + event + "\""), () -> event + " is not under May 2003");
    }
    // what is known only to come no later than in a month follows that month's entries
    String upToMay = section("h3", "y2003-05-up-to");
    assertTrue(
        upToMay.startsWith("<h3 id=\"y2003-05-up-to\">Up to May 2003, start not known</h3>"),
        upToMay);
    assertTrue(upToMay.contains("id=\"" + ARTICLE + "geneva-channel-closure\""), upToMay);
    assertTrue(
        section("h3", "y2003-02-up-to").contains("id=\"" + ARTICLE + "franklin-shares-draft\""));
    assertTrue(section("h3", "y2003-03").contains("id=\"" + ARTICLE + "powell-demand\""));
    assertTrue(section("h3", "y2003-03").contains("id=\"" + ARTICLE + "iraq-invasion\""));
    assertTrue(
        section("h3", "y2003-10").contains("id=\"" + ARTICLE + "franklin-tells-israeli-officer\""));
    // a date given to the year has no month heading of its own
    String year2003 = section("h3", "y2003-00");
    assertTrue(year2003.startsWith("<h3 id=\"y2003-00\">2003, month not given</h3>"));
    assertTrue(year2003.contains("id=\"" + ARTICLE + "khalilzad-authorised\""));
    assertTrue(section("h2", "y2005").contains("id=\"" + ARTICLE + "franklin-indicted\""));
    // in date order within a month
    assertTrue(
        may.indexOf("id=\"" + ARTICLE + "grand-bargain-transmission\"")
            < may.indexOf("id=\"" + ARTICLE + "abc-report\""));
  }

  @Test
  void anEarlyDateShowsItsIntervalAndAByDateItsOpenStart() {
    String transmission = item("grand-bargain-transmission");
    assertTrue(
        transmission.contains(
            "<time datetime=\"2003-05\">early May 2003</time> <span class=\"span\">(1–31 May 2003,"
                + " given to the month, early in the month)</span>"),
        transmission);
    assertTrue(transmission.contains("Date given by:</span> <span class=\"by source\">"));
    String shares = item("franklin-shares-draft");
    assertTrue(
        shares.contains(
            "<time datetime=\"2003-02\">by February 2003</time> <span class=\"span\">(by 28"
                + " February 2003, no start known, its bound given to the month)</span>"),
        shares);
    String after = item("bush-initial-reaction");
    assertTrue(after.contains("from 3 May 2003, no end known, its bound given to the day"), after);
    assertTrue(item("abc-report").contains("<time datetime=\"2003-05-30\">30 May 2003</time>"));
    assertTrue(item("khalilzad-authorised").contains("<time datetime=\"2003\">2003</time>"));
    assertTrue(
        item("geneva-afghanistan-talks")
            .contains("2001 to 2002 <span class=\"span\">(1 January 2001 – 31 December 2002, an"));
    assertTrue(item("nspd-coordination").contains("more than a year"));
  }

  @Test
  void aMisprintedDateShowsTheEditorsReadingAndWhatTheArticlePrints() {
    String told = item("franklin-tells-israeli-officer");
    assertTrue(told.contains("<time datetime=\"2003-10\">October 2003</time>"), told);
    assertTrue(told.contains("The editors' reading:</span> <span class=\"by editors\">"), told);
    assertTrue(told.contains("The year 1983 cannot be right"), told);
    assertTrue(told.contains("(probable)"), told);
    assertTrue(told.contains("http://www.jonathanpollard.org/2005/061405a.htm"), told);
    assertTrue(
        told.contains(
            "As printed:</span> <span class=\"printed\">“October 1983”</span> <span class=\"by"
                + " source\">"),
        told);
    String plea = item("franklin-plea");
    assertTrue(plea.contains("Date given by:</span> <span class=\"by editors\">"), plea);
    assertFalse(plea.contains("As printed:"), plea);
  }

  @Test
  void everyEntryLinksToItsPageAndSaysWhoSaysSo() {
    Pattern what = Pattern.compile("<p class=\"what\"><a href=\"([^\"]+)\">");
    Pattern said =
        Pattern.compile(
            "<p class=\"said\">.*?<span class=\"by source\"><a href=\"([^\"]+)\">[^<]+</a> <a class=\"through\" href=\"([^\"]+)\" title=\"[^\"]*\">\\(([^)]+)\\)</a>",
            Pattern.DOTALL);
    for (String[] i : items()) {
      Matcher link = what.matcher(i[1]);
      assertTrue(link.find(), () -> i[0] + " has no link");
      assertEquals(
          200, server.get(link.group(1), "Accept", "text/html").statusCode(), link.group(1));
      assertTrue(link.group(1).endsWith("/" + i[0].substring(ARTICLE.length())), link.group(1));
      Matcher by = said.matcher(i[1]);
      assertTrue(by.find(), () -> i[0] + " says not who says so");
      assertEquals(200, server.get(by.group(1), "Accept", "text/html").statusCode(), by.group(1));
      assertEquals(200, server.get(by.group(2), "Accept", "text/html").statusCode(), by.group(2));
    }
    // how a claim is made: a guess is not an assertion
    String decision = item("decision-on-offer");
    assertTrue(decision.contains("Gareth Porter"), decision);
    assertTrue(decision.contains("Lawrence Wilkerson"), decision);
    assertTrue(decision.contains(", conjecture)"), decision);
  }

  @Test
  void theHeaderLinksTheTimelineAndThePageNamesItsData() {
    assertTrue(page.contains("<a href=\"/timeline\">Timeline</a>"));
    assertTrue(
        page.contains(
            "<link rel=\"alternate\" type=\"application/sparql-results+json\""
                + " href=\"/api/timeline?format&#61;json\">"));
    assertEquals(
        200, server.get("/api/timeline?format=json").statusCode(), "the alternate answers");
    assertFalse(page.contains("<table"), "a table does not reflow on a phone");
    assertFalse(page.contains("<script"), "the page needs no script");
  }

  @Test
  void aConditionalRequestIsAnsweredWithNotModified() {
    HttpResponse<byte[]> first = server.get("/timeline", "Accept", "text/html");
    String etag = TestServer.header(first, "ETag");
    assertFalse(etag.isEmpty());
    assertEquals(
        304, server.get("/timeline", "Accept", "text/html", "If-None-Match", etag).statusCode());
  }

  @Test
  void theTextOfThePageIsTheGoldenOne() throws Exception {
    String actual = text(page);
    if (Boolean.getBoolean("timeline.golden.write")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
      Files.writeString(Path.of("target", "timeline.html"), page, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
  }

  /**
   * The text of a page's main content, a line per heading, paragraph and list item, tags dropped
   * and character references decoded.
   */
  static String text(String html) {
    String main = html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    String lines =
        main.replaceAll("(?i)</?(h[1-6]|p|li|ol|ul|section|nav|main)\\b[^>]*>", "\n")
            .replaceAll("<span class=\"(reason|sources)\">", "\n")
            .replaceAll("<span class=\"by ", " $0")
            .replaceAll("<[^>]+>", "");
    Matcher ref = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);").matcher(lines);
    StringBuilder decoded = new StringBuilder();
    while (ref.find()) {
      String r = ref.group(1);
      String c =
          switch (r) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                Character.toString(
                    r.startsWith("#x")
                        ? Integer.parseInt(r.substring(2), 16)
                        : Integer.parseInt(r.substring(1)));
          };
      ref.appendReplacement(decoded, Matcher.quoteReplacement(c));
    }
    ref.appendTail(decoded);
    StringBuilder out = new StringBuilder();
    for (String line : decoded.toString().split("\n")) {
      String t = line.replaceAll("\\s+", " ").strip();
      if (!t.isEmpty()) {
        out.append(t).append('\n');
      }
    }
    return out.toString();
  }
}
