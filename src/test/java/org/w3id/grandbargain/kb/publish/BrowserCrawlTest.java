package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * Every HTML page of the site, loaded in a real headless Chromium (Debian's chromium and
 * chromium-driver, which {@code .ci/run} installs) at a phone's width: a crawl from the home page
 * reaches every resource and graph, no page logs a console warning or error or scrolls sideways, no
 * shape of page has a violation axe-core finds, every embedded JSON-LD block parses, every page has
 * one h1, a main landmark and a language, and no internal link is broken.
 */
@WithChromium
class BrowserCrawlTest {
  @RegisterExtension static final BrowserSession BROWSER = new BrowserSession(TestServer::start);

  /** The shapes of page axe-core has checked. */
  private static final Set<String> SHAPES = new java.util.HashSet<>();

  @Test
  void aCrawlFromTheHomePageReachesEveryResourceWithNoErrorOrBrokenLink() {
    PageChecks.viewport(BROWSER.chromium().driver, PageChecks.PHONE_WIDTH, 844);
    Deque<String> queue = new ArrayDeque<>(List.of("/"));
    Set<String> seen = new LinkedHashSet<>(queue);
    Set<String> pages = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    while (!queue.isEmpty()) {
      String path = queue.pop();
      HttpResponse<byte[]> r = follow(path);
      if (r.statusCode() != 200) {
        problems.add(path + " answers " + r.statusCode());
        continue;
      }
      if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
        continue;
      }
      pages.add(r.uri().getRawPath());
      for (String link : visit(r.uri().toString(), problems)) {
        if (seen.add(link)) {
          queue.add(link);
        }
      }
    }
    assertEquals(List.of(), problems);
    Set<String> expected = new TreeSet<>();
    BROWSER.server().publication().resources().stream()
        .map(Publication.Entry::iri)
        .filter(i -> i.startsWith(GB.ID))
        .forEach(i -> expected.add(IriSpace.encode("/doc/" + i.substring(GB.BASE.length()))));
    BROWSER.server().publication().graphs().stream()
        .filter(g -> g.startsWith(GB.GRAPH))
        .forEach(g -> expected.add(IriSpace.encode("/doc/" + g.substring(GB.BASE.length()))));
    expected.removeAll(pages);
    assertEquals(Set.of(), expected, "resources the crawl did not reach");
    Set<String> own =
        new TreeSet<>(
            List.of(
                "/",
                "/index",
                "/api",
                "/api/timeline",
                "/timeline",
                "/kb/sparql",
                "/dataset",
                "/ontology",
                "/shapes"));
    own.removeAll(pages);
    assertEquals(Set.of(), own, "the site's own pages the crawl did not reach");
  }

  /** GETs a path as a browser would, following redirects on this server. */
  private static HttpResponse<byte[]> follow(String path) {
    HttpResponse<byte[]> r =
        BROWSER.server().get(path, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    for (int hops = 0; hops < 5 && r.statusCode() / 100 == 3; hops++) {
      String location = r.headers().firstValue("Location").orElse("");
      r =
          BROWSER
              .server()
              .get(
                  URI.create(BROWSER.server().url(path)).resolve(location).getRawPath()
                      + (URI.create(BROWSER.server().url(path)).resolve(location).getRawQuery()
                              == null
                          ? ""
                          : "?"
                              + URI.create(BROWSER.server().url(path))
                                  .resolve(location)
                                  .getRawQuery()),
                  "Accept",
                  "text/html,application/xhtml+xml,*/*;q=0.8");
      path = location;
    }
    return r;
  }

  /** Loads a page in Chromium, checks it, and returns its links to this server (path and query). */
  private static List<String> visit(String url, List<String> problems) {
    ChromeDriver driver = BROWSER.chromium().driver;
    driver.get(url);
    problems.addAll(PageChecks.console(driver, url));
    problems.addAll(PageChecks.width(driver, url));
    // axe-core once per shape of page: the kind of address and which sections it has (pages of
    // one shape share their template and markup; only their text differs)
    String shape =
        URI.create(url).getRawPath().replaceAll("^(/[^/]*/?[^/]*).*", "$1")
            + (String)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return Array.from(document.querySelectorAll('main [id], main table, main details, main form'))"
                            + ".map(e => e.tagName + '#' + e.id).join(' ')");
    if (SHAPES.add(shape)) {
      problems.addAll(PageChecks.accessibility(driver, url));
    }
    JavascriptExecutor js = BROWSER.chromium().driver;
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> page =
        (java.util.Map<String, Object>)
            js.executeScript(
                "return {lang: document.documentElement.lang,"
                    + " h1: document.querySelectorAll('h1').length,"
                    + " main: document.querySelectorAll('main').length,"
                    + " imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,"
                    + " jsonld: Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]')).map(s => s.textContent),"
                    + " links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href)}");
    if (!"en".equals(page.get("lang"))) {
      problems.add(url + " has no lang=en");
    }
    if (((Number) page.get("h1")).intValue() != 1) {
      problems.add(url + " has not exactly one h1");
    }
    if (((Number) page.get("main")).intValue() != 1) {
      problems.add(url + " has not exactly one main landmark");
    }
    if (((Number) page.get("imagesWithoutAlt")).intValue() != 0) {
      problems.add(url + " has an image without alt text");
    }
    @SuppressWarnings("unchecked")
    List<String> jsonld = (List<String>) page.get("jsonld");
    for (String block : jsonld) {
      try {
        RDFParser.fromString(block, Lang.JSONLD).toGraph();
      } catch (RuntimeException e) {
        problems.add(url + " embeds JSON-LD that does not parse: " + e.getMessage());
      }
    }
    @SuppressWarnings("unchecked")
    List<String> hrefs = (List<String>) page.get("links");
    List<String> links = new ArrayList<>();
    for (String href : hrefs) {
      if (href == null || !href.startsWith(BROWSER.server().base())) {
        continue;
      }
      URI u = URI.create(href);
      links.add(u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }
    return links;
  }
}
