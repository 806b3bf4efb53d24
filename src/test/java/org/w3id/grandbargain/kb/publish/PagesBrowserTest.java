package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * One page of each kind, in a real headless Chromium at a phone's width: no console warning or
 * error, no sideways scrolling, no violation axe-core finds; and the pages read as profiles (a
 * person's posts, the events they took part in, what they say apart from what is said about them).
 * Writes the README's screenshots of the home page and of a person's page.
 */
@WithChromium
class PagesBrowserTest {
  @RegisterExtension static final BrowserSession BROWSER = new BrowserSession(TestServer::start);

  /** A page of each template, and pages with much on them. */
  static final List<String> PAGES =
      List.of(
          "/",
          "/index",
          "/index?class=https%3A%2F%2Fw3id.org%2Fgrand-bargain%2Fontology%23Event",
          "/doc/id/lawrence-wilkerson",
          "/doc/id/colin-powell",
          "/doc/id/state-department",
          "/doc/id/ips-2006-03-28-cabal",
          "/doc/id/ips-2006-03-28-cabal/grand-bargain",
          "/doc/id/ips-2006-03-28-cabal/grand-bargain-transmission",
          "/doc/id/ips-2006-03-28-cabal/wilkerson-guess-cheney",
          "/doc/graph/ips-2006-03-28-cabal",
          "/api",
          "/timeline",
          "/search?q=wilkerson",
          "/network",
          "/kb/sparql",
          "/map",
          "/search?q=",
          "/api/timeline",
          "/api/findings?format=html",
          "/dataset",
          "/ontology",
          "/no/such/page");

  @Test
  void everyKindOfPageFitsAPhoneLogsNothingAndPassesAxe() {
    ChromeDriver driver = BROWSER.chromium().driver;
    PageChecks.viewport(driver, PageChecks.PHONE_WIDTH, 844);
    List<String> problems = new ArrayList<>();
    for (String page : PAGES) {
      driver.get(BROWSER.server().url(page));
      problems.addAll(PageChecks.all(driver, page));
    }
    // the one console message a missing page may log: that it answered 404
    problems.removeIf(
        p -> p.startsWith("/no/such/page logs SEVERE: ") && p.endsWith("404 (Not Found)"));
    assertEquals(List.of(), problems);
  }

  @Test
  void aPersonsPageGroupsPostsEventsAndWhatTheySayApartFromWhatIsSaidOfThem() {
    ChromeDriver driver = desktop("/doc/id/colin-powell");
    assertEquals(
        List.of("Colin Powell, Secretary of State"),
        texts(driver, "#posts + ul > li > a:first-child"));
    assertEquals(
        List.of("Powell demands that Iran end its support for terrorism"),
        texts(driver, "#events + ul > li > a:first-of-type"));
    assertEquals(List.of("late March 2003"), texts(driver, "#events + ul > li > .when"));
    assertEquals(List.of(), driver.findElements(By.id("claims-by")));
    assertEquals(4, driver.findElements(By.cssSelector("#claims-about ~ ul.claims > li")).size());
    PageChecks.screenshot(driver, "person");

    driver.get(BROWSER.server().url("/doc/id/lawrence-wilkerson"));
    assertEquals(6, driver.findElements(By.cssSelector("#claims-by ~ ul.claims > li")).size());
    assertEquals("What Lawrence Wilkerson says", driver.findElement(By.id("claims-by")).getText());
    assertEquals("Technical details", driver.findElement(By.id("technical")).getText());
  }

  @Test
  void theHomePageIsAnEntryPoint() {
    ChromeDriver driver = desktop("/");
    List<String> actors = texts(driver, "ul.actors > li > a");
    assertEquals(8, actors.size());
    assertEquals("Gareth Porter", actors.get(0));
    assertEquals(
        List.of("/search", "/timeline", "/network", "/map", "/kb/sparql", "/index"),
        driver.findElements(By.cssSelector("ul.views > li > a")).stream()
            .map(a -> java.net.URI.create(a.getAttribute("href")).getPath())
            .toList());
    PageChecks.screenshot(driver, "home");
  }

  @Test
  void theHeaderSearchFindsEveryPersonAndOrganisationByEachNameAndByAMisspelling() {
    ChromeDriver driver = desktop("/");
    List<String> problems = new ArrayList<>();
    List<SearchTest.Name> names = SearchTest.names(BROWSER.server());
    for (SearchTest.Name n : names) {
      List<String> asked = new ArrayList<>(List.of(n.name()));
      if (n.main()) {
        asked.add(SearchTest.misspelt(n.name()));
      }
      for (String q : asked) {
        WebElement box = driver.findElement(By.id("site-search-q"));
        box.clear();
        box.sendKeys(q);
        box.submit();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(ExpectedConditions.stalenessOf(box));
        List<WebElement> hits = driver.findElements(By.cssSelector("ol.hits > li > a"));
        String expected = "/doc/" + n.iri().substring(GB.BASE.length());
        String first =
            hits.isEmpty()
                ? "no hit"
                : java.net.URI.create(hits.get(0).getAttribute("href")).getPath();
        if (!first.equals(expected)) {
          problems.add("'" + q + "' (" + n.kind() + ") finds " + first + ", not " + expected);
        }
      }
    }
    assertEquals(List.of(), problems);
    // every person and organisation has a name asked
    Set<String> everyone =
        BROWSER.server().publication().resources().stream()
            .filter(e -> e.iri().startsWith(GB.ID))
            .filter(e -> Set.of(GB.NS + "Person", GB.NS + "Organisation").contains(e.classIri()))
            .map(Publication.Entry::iri)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    Set<String> asked =
        names.stream()
            .map(SearchTest.Name::iri)
            .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    assertEquals(everyone, asked);
    driver.get(BROWSER.server().url("/search?q=Wilkersen"));
    PageChecks.screenshot(driver, "search");
  }

  @Test
  void theTimelineScreenshot() {
    ChromeDriver driver = desktop("/timeline#y2003");
    PageChecks.screenshot(driver, "timeline");
  }

  /** The browser, its viewport a desktop's, at a page of the server. */
  private static ChromeDriver desktop(String path) {
    ChromeDriver driver = BROWSER.chromium().driver;
    PageChecks.viewport(driver, 1280, 1000);
    driver.get(BROWSER.server().url(path));
    return driver;
  }

  private static List<String> texts(ChromeDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }
}
