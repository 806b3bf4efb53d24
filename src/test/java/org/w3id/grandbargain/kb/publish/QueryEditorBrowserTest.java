package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.sparql.EditorData;

/**
 * The query editor of the SPARQL page in a real headless Chromium: it replaces the form, a named
 * query picked from its list runs and shows every row of the endpoint's answer in a sortable table
 * whose IRIs link to their pages here, a link carrying a query opens the editor with it and runs
 * it, and the page logs no error (a blocked script, style or request would be one), has no
 * accessibility violation by axe-core and reflows at a 390 px wide viewport.
 */
@WithChromium
class QueryEditorBrowserTest {
  @RegisterExtension
  static final BrowserSession BROWSER = new BrowserSession(TestServer::startRealArticleOnly);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChromeDriver driver() {
    return BROWSER.chromium().driver;
  }

  @BeforeEach
  void wideWindow() {
    driver().manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterEach
  void noConsoleErrors() {
    List<String> severe =
        driver().manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::toString)
            .toList();
    assertEquals(List.of(), severe, "the browser logs no error");
  }

  private void open(String path) {
    driver().get(BROWSER.server().url(path));
    new WebDriverWait(driver(), Duration.ofSeconds(20))
        .until(
            d ->
                !d.findElements(By.cssSelector("#editor[data-ready='true'] .CodeMirror"))
                    .isEmpty());
  }

  /** The number of solutions the endpoint answers a query with, asked over HTTP. */
  private static int rowsByHttp(String query) throws IOException {
    var r =
        BROWSER
            .server()
            .get(
                "/kb/sparql?query=" + IriSpace.encodeQuery(query),
                "Accept",
                "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    return JSON.readTree(r.body()).path("results").path("bindings").size();
  }

  private List<WebElement> waitForRows(int expected) {
    By rows = By.cssSelector(".yasr table.dataTable tbody tr");
    try {
      new WebDriverWait(driver(), Duration.ofSeconds(20))
          .until(d -> d.findElements(rows).size() == expected);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "expected "
              + expected
              + " rows, the table has "
              + driver().findElements(rows).size()
              + "; the results say: "
              + driver().findElement(By.cssSelector(".yasr")).getText(),
          e);
    }
    return driver().findElements(rows);
  }

  @Test
  void aNamedQueryPickedFromTheListRunsAndShowsEveryRowWithLinksToThePages() throws IOException {
    open("/kb/sparql");
    assertFalse(
        driver().findElement(By.cssSelector("main form[action='/kb/sparql']")).isDisplayed(),
        "the plain form gives way to the editor");
    new Select(driver().findElement(By.id("named-query"))).selectByValue("people-roles");
    var query = BROWSER.server().publication().queries().all().get("people-roles");
    assertTrue(
        driver().findElement(By.id("named-query-about")).getText().contains(query.summary()));
    String inEditor =
        (String)
            driver()
                .executeScript(
                    "return document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue()");
    assertEquals(EditorData.editorText(query), inEditor);
    int expected = rowsByHttp(inEditor);
    assertEquals(22, expected, "22 people and posts in the real article");

    driver().findElement(By.cssSelector(".yasqe_queryButton")).click();
    List<WebElement> rows = waitForRows(expected);
    assertEquals(expected, rows.size());

    List<WebElement> links = driver().findElements(By.cssSelector(".yasr tbody a.iri"));
    assertFalse(links.isEmpty(), "IRIs are links");
    String page = BROWSER.server().url("/doc/id/");
    assertTrue(
        links.stream().anyMatch(a -> a.getAttribute("href").startsWith(page)),
        "an IRI of the knowledge base links to its page here");
    for (WebElement a : links) {
      String iri = a.getAttribute("data-iri");
      if (iri.startsWith("https://w3id.org/grand-bargain/id/")) {
        assertEquals(
            BROWSER.server().url("/doc/id/" + iri.substring(34)),
            a.getAttribute("href"),
            "the page of " + iri);
      }
    }

    WebElement header =
        driver().findElement(By.cssSelector(".yasr table.dataTable thead th:nth-child(2)"));
    header.click();
    new WebDriverWait(driver(), Duration.ofSeconds(5))
        .until(d -> header.getAttribute("aria-sort") != null);
    assertEquals("ascending", header.getAttribute("aria-sort"), "a column sorts on a click");

    List<WebElement> downloads = driver().findElements(By.cssSelector("#editor-links a.download"));
    assertEquals(
        List.of("JSON", "XML", "CSV", "TSV"), downloads.stream().map(WebElement::getText).toList());
    var csv =
        BROWSER
            .server()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(downloads.get(2).getAttribute("href")))
                    .build());
    assertEquals(200, csv.statusCode());
    assertTrue(TestServer.header(csv, "Content-Type").startsWith("text/csv"));

    driver().manage().window().setSize(new Dimension(1280, 1500));
    driver().executeScript("document.getElementById('editor-heading').scrollIntoView()");
    PageChecks.screenshot(driver(), "editor");
  }

  @Test
  void aLinkCarryingAQueryOpensTheEditorWithItAndRunsIt() throws IOException {
    String query = BROWSER.server().publication().queries().all().get("channels").text();
    open("/kb/sparql?query=" + IriSpace.encodeQuery(query));
    String inEditor =
        (String)
            driver()
                .executeScript(
                    "return document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue()");
    assertEquals(query, inEditor);
    int expected = rowsByHttp(query);
    assertEquals(2, expected, "the two channels");
    waitForRows(expected);
    var share = java.net.URI.create(driver().findElement(By.id("share-link")).getAttribute("href"));
    assertEquals(BROWSER.server().url("/kb/sparql"), share.resolve(share.getRawPath()).toString());
    assertEquals(
        "query=" + query,
        java.net.URLDecoder.decode(share.getRawQuery(), StandardCharsets.UTF_8),
        "the link to the query carries it");
  }

  @Test
  void axeCoreFindsNoViolationAndThePageReflowsAt390Pixels() throws IOException {
    open("/kb/sparql");
    driver().findElement(By.cssSelector(".yasqe_queryButton")).click();
    new WebDriverWait(driver(), Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector(".yasr table.dataTable tbody tr")).isEmpty());
    assertEquals(List.of(), axeViolations(), "axe-core reports no violation");

    driver().manage().window().setSize(new Dimension(390, 844));
    open("/kb/sparql");
    driver().findElement(By.cssSelector(".yasqe_queryButton")).click();
    new WebDriverWait(driver(), Duration.ofSeconds(20))
        .until(d -> !d.findElements(By.cssSelector(".yasr table.dataTable tbody tr")).isEmpty());
    JavascriptExecutor js = driver();
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    long width =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    assertTrue(viewport <= 390, "the viewport is " + viewport + " px wide");
    assertTrue(
        width <= 390,
        "the page is "
            + width
            + " px wide at a 390 px window; wider: "
            + js.executeScript(
                "var out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + "  var r = e.getBoundingClientRect();"
                    + "  if (r.right > window.innerWidth + 1 && !(e.parentElement"
                    + "      && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))"
                    + "    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '-'"
                    + "      + Math.round(r.right));"
                    + "});"
                    + "return out.join('; ');"));
    assertEquals(List.of(), axeViolations(), "axe-core reports no violation at 390 px either");
  }

  @Test
  void yasguisOwnControlsWorkUnderThePagesPolicy() throws IOException {
    open("/kb/sparql");
    driver().findElement(By.cssSelector(".yasqe_queryButton")).click();
    waitForRows(rowsByHttp(BROWSER.server().publication().queries().all().get("channels").text()));
    // YASQE's share button shows the link that carries the query
    driver().findElement(By.cssSelector(".yasqe_share")).click();
    WebElement shared =
        new WebDriverWait(driver(), Duration.ofSeconds(5))
            .until(
                d ->
                    d.findElement(
                        By.cssSelector(".yasqe_sharePopup input, .yasqe_sharePopup textarea")));
    assertTrue(
        shared.getAttribute("value").startsWith(BROWSER.server().url("/kb/sparql?query=")),
        shared.getAttribute("value"));
    driver().findElement(By.id("named-query")).click();
    // the raw response, a column dragged wider, a second tab
    driver().findElement(By.cssSelector(".yasr .select_response")).click();
    driver().findElement(By.cssSelector(".yasr .select_table")).click();
    WebElement grip = driver().findElement(By.cssSelector(".grip-handle"));
    new org.openqa.selenium.interactions.Actions(driver())
        .clickAndHold(grip)
        .moveByOffset(40, 0)
        .release()
        .perform();
    int tabs = driver().findElements(By.cssSelector(".tabsList [role='tab']")).size();
    driver().findElement(By.cssSelector(".addTab")).click();
    assertEquals(tabs + 1, driver().findElements(By.cssSelector(".tabsList [role='tab']")).size());
  }

  /**
   * The completions the editor offers at the end of {@code text}, once one of them is {@code
   * wanted}.
   */
  private List<String> completions(String text, String wanted) {
    driver()
        .executeScript(
            "var cm = document.getElementById('editor').yasgui.getTab().getYasqe();"
                + "cm.setValue(arguments[0]); cm.focus(); cm.setCursor(cm.lineCount(), 0);",
            text);
    // as a reader asks for them: Ctrl-Space in the editor
    new org.openqa.selenium.interactions.Actions(driver())
        .keyDown(org.openqa.selenium.Keys.CONTROL)
        .sendKeys(" ")
        .keyUp(org.openqa.selenium.Keys.CONTROL)
        .perform();
    By hints = By.cssSelector(".CodeMirror-hints .CodeMirror-hint");
    try {
      new WebDriverWait(driver(), Duration.ofSeconds(10))
          .until(d -> d.findElements(hints).stream().anyMatch(h -> h.getText().equals(wanted)));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "no completion "
              + wanted
              + " ("
              + driver()
                  .executeScript(
                      "var cm = document.getElementById('editor').yasgui.getTab().getYasqe();"
                          + "var t = cm.getCompleteToken();"
                          + "return JSON.stringify([cm.config.autocompleters,"
                          + " Object.keys(cm.autocompleters), t.string, t.type,"
                          + " t.state && t.state.possibleCurrent, cm.getValue()])")
              + ") among "
              + driver().findElements(hints).stream().map(WebElement::getText).toList(),
          e);
    }
    return driver().findElements(hints).stream().map(WebElement::getText).toList();
  }

  @Test
  void autocompletionOffersThisKnowledgeBasesPrefixesTermsAndThingsByLabel() {
    open("/kb/sparql");
    String gb = "PREFIX gb: <https://w3id.org/grand-bargain/ontology#>\n";
    completions("PREFIX sko", "skos: <http://www.w3.org/2004/02/skos/core#>");
    completions(gb + "SELECT * WHERE { ?s a gb:Pers", "gb:Person");
    completions(gb + "SELECT * WHERE { ?s gb:claim", "gb:claimant");
    List<String> things =
        completions(
            "SELECT * WHERE { ?claim ?p wilkers",
            "Lawrence Wilkerson \u2014 <https://w3id.org/grand-bargain/id/lawrence-wilkerson>");
    assertTrue(things.size() >= 1, things.toString());
  }

  /** axe-core's violations on the open page, as "rule: target" lines. */
  private List<String> axeViolations() throws IOException {
    String axe;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    driver().executeScript(axe);
    String result =
        (String)
            driver()
                .executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                        + "axe.run(document).then(function (r) { done(JSON.stringify(r.violations)); },"
                        + " function (e) { done('error: ' + e); });");
    assertFalse(result.startsWith("error"), result);
    JsonNode violations = JSON.readTree(result);
    List<String> found = new java.util.ArrayList<>();
    for (JsonNode v : violations) {
      for (JsonNode node : v.path("nodes")) {
        found.add(
            v.path("id").asText()
                + ": "
                + node.path("target")
                + " "
                + node.path("failureSummary").asText());
      }
    }
    return found;
  }
}
