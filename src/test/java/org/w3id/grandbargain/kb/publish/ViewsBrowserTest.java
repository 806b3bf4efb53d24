package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The network and the map as a reader sees them, in a real headless Chromium over the real article:
 * each draws with no console error or warning (a refusal by the Content-Security-Policy is one),
 * Cytoscape.js holds the 24 nodes and 28 edges of the data and the filters change how many are
 * shown, the map shows a marker for each of the 5 places with coordinates over the base map,
 * axe-core finds no accessibility violation, and neither page is wider than a 390 px screen. The
 * test writes the screenshots the README shows, {@code docs/screenshots/network.png} and {@code
 * map.png}.
 */
@WithChromium
class ViewsBrowserTest {
  @RegisterExtension
  static final BrowserSession BROWSER = new BrowserSession(TestServer::startRealArticleOnly);

  private static WebDriver driver() {
    return BROWSER.chromium().driver;
  }

  private static JavascriptExecutor js() {
    return BROWSER.chromium().driver;
  }

  @BeforeEach
  void wide() {
    driver().manage().window().setSize(new Dimension(1200, 900));
    driver().manage().logs().get(LogType.BROWSER); // what earlier pages logged
  }

  @AfterEach
  void noConsoleMessages() {
    List<String> messages = new ArrayList<>();
    for (LogEntry entry : driver().manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        messages.add(entry.getLevel() + ": " + entry.getMessage());
      }
    }
    assertEquals(List.of(), messages, "the console stays quiet");
  }

  /** Opens a page and waits until its script says it is drawn. */
  private static void open(String path, String drawing) {
    driver().get(BROWSER.server().url(path));
    new WebDriverWait(driver(), Duration.ofSeconds(20))
        .until(d -> "true".equals(d.findElement(By.id(drawing)).getDomAttribute("data-ready")));
  }

  private static long number(String script) {
    return ((Number) js().executeScript(script)).longValue();
  }

  @Test
  void theNetworkDrawsEveryNodeAndEdgeAndTheFiltersChangeWhatIsShown() throws IOException {
    open("/network", "network");
    assertEquals(24, number("return window.network.nodes().length"));
    assertEquals(28, number("return window.network.edges().length"));
    assertEquals(28, number("return window.network.edges().not('.filtered').length"));
    assertEquals(
        1,
        number("return window.network.edges('[line = \"dashed\"]').length"),
        "the one guess is drawn dashed");
    assertEquals(
        "dashed",
        js().executeScript(
                "return window.network.edges('[line = \"dashed\"]')[0].style('line-style')"));
    screenshot("network.png");

    driver().findElement(By.id("relation-blocked")).click();
    assertEquals(22, number("return window.network.edges().not('.filtered').length"));
    assertEquals(22, visibleRows());
    assertEquals("22 of 28 edges shown.", driver().findElement(By.id("network-status")).getText());

    new Select(driver().findElement(By.id("speaker")))
        .selectByVisibleText("Lawrence Wilkerson (3)");
    assertEquals(
        0,
        number("return window.network.edges().not('.filtered').length"),
        "Wilkerson's three edges are all 'blocked', which is unticked");
    driver().findElement(By.id("relation-blocked")).click();
    assertEquals(3, number("return window.network.edges().not('.filtered').length"));
    assertEquals(3, visibleRows());
    assertEquals(
        5,
        number("return window.network.nodes().not('.filtered').length"),
        "the nodes of those edges: the neoconservatives, the two policies they blocked, Cheney"
            + " and the offer");
  }

  @Test
  void aNodeLeadsToItsPage() {
    open("/network", "network");
    String href =
        (String)
            js().executeScript(
                    "return window.network.nodes().filter(n => n.data('label') === 'Dick Cheney')"
                        + "[0].data('href')");
    assertEquals("/doc/id/dick-cheney", href);
    js().executeScript(
            "window.network.nodes().filter(n => n.data('label') === 'Dick Cheney')[0]"
                + ".emit('tap')");
    new WebDriverWait(driver(), Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/doc/id/dick-cheney"));
  }

  @Test
  void theMapShowsAMarkerForEachPlaceWithCoordinates() throws IOException {
    open("/map", "map");
    assertEquals("5", driver().findElement(By.id("map")).getDomAttribute("data-markers"));
    assertEquals(
        5,
        number(
            "return document.querySelectorAll('#map .leaflet-overlay-pane path.leaflet-interactive').length"));
    assertEquals(
        "177",
        driver().findElement(By.id("map")).getDomAttribute("data-base-map-features"),
        "the countries of the base map are drawn");
    assertEquals(
        0,
        number("return document.querySelectorAll('#map img.leaflet-tile').length"),
        "no tiles: the base map is the site's own");
    screenshot("map.png");
    assertEquals(3, driver().findElements(By.cssSelector("ul.not-mapped > li")).size());
  }

  @Test
  void axeFindsNoViolationOnEitherPage() throws IOException {
    String axe;
    try (InputStream in = ViewsBrowserTest.class.getResourceAsStream("/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String[] page :
        List.of(new String[] {"/network", "network"}, new String[] {"/map", "map"})) {
      open(page[0], page[1]);
      js().executeScript(axe);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> violations =
          (List<Map<String, Object>>)
              js().executeAsyncScript(
                      "const done = arguments[arguments.length - 1];"
                          + " axe.run(document).then(r => done(r.violations.map(v =>"
                          + " ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).join(', ')}))),"
                          + " e => done([{id: 'axe failed', nodes: String(e)}]));");
      assertEquals(List.of(), violations, page[0]);
    }
  }

  @Test
  void neitherPageIsWiderThanAPhone() {
    driver().manage().window().setSize(new Dimension(390, 844));
    for (String[] page :
        List.of(new String[] {"/network", "network"}, new String[] {"/map", "map"})) {
      open(page[0], page[1]);
      long inner = number("return window.innerWidth");
      assertTrue(inner <= 390, "the window is a phone's: " + inner);
      assertTrue(
          number("return document.documentElement.scrollWidth") <= inner,
          page[0] + " scrolls sideways at " + inner + " px");
    }
    open("/network", "network");
    assertEquals(
        Boolean.TRUE,
        js().executeScript(
                "const cy = window.network, bb = cy.elements().renderedBoundingBox();"
                    + " return bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= cy.width() && bb.y2 <= cy.height();"),
        "the whole network is in its box on a phone");
    open("/map", "map");
    assertEquals(
        Boolean.TRUE,
        js().executeScript(
                "const b = window.placesMap.getBounds();"
                    + " return JSON.parse(document.getElementById('map-data').textContent)"
                    + ".mapped.every(p => b.contains([p.lat, p.lon]));"),
        "every marker is in view on a phone");
  }

  private static long visibleRows() {
    return number(
        "return Array.from(document.querySelectorAll('#network-edges tbody tr'))"
            + ".filter(r => !r.hidden).length");
  }

  /** Saves what a reader sees of the page at 1200 by 1400 px, from its top. */
  private static void screenshot(String name) throws IOException {
    driver().manage().window().setSize(new Dimension(1200, 1400));
    js().executeScript("window.scrollTo(0, 0)");
    PageChecks.screenshot(BROWSER.chromium().driver, name.replace(".png", ""));
  }
}
