package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The two voices as a reader sees them, in a real headless Chromium: on the Supreme Leader's role,
 * Cheney's page, the offer's page and the misdated message, each value and each incoming link says
 * who states it, how and through what, the editors' statements and notes are marked as theirs, a
 * date the editors read otherwise keeps the printed form beside their reading, and each claim links
 * to its passage with a text fragment.
 */
@WithChromium
class TwoVoicesBrowserTest {
  @RegisterExtension
  static final BrowserSession BROWSER = new BrowserSession(TestServer::startRealArticleOnly);

  private static void open(String path) {
    BROWSER.chromium().driver.get(BROWSER.server().url(path));
  }

  /** The value and "who says so" cells of the statements table's rows for a property. */
  private static List<WebElement> rows(String property) {
    return BROWSER
        .chromium()
        .driver
        .findElements(
            By.xpath(
                "//table[@class='statements']//tr[td][preceding-sibling::tr[th/a[text()='"
                    + property
                    + "']] or th/a[text()='"
                    + property
                    + "']]"));
  }

  private static WebElement row(String property) {
    List<WebElement> all =
        BROWSER
            .chromium()
            .driver
            .findElements(
                By.xpath("//table[@class='statements']//tr[th/a[text()='" + property + "']]"));
    assertEquals(1, all.size(), "one row starts the property " + property);
    return all.get(0);
  }

  private static WebElement by(WebElement row) {
    List<WebElement> cells = row.findElements(By.tagName("td"));
    return cells.get(cells.size() - 1);
  }

  @Test
  void theSupremeLeadersRoleShowsTheArticlesHolderAndTheEditorsIdentificationApart() {
    open("/doc/id/ips-2006-03-28-cabal/role-khamenei");
    WebElement holder = row("holder");
    String value = holder.findElements(By.tagName("td")).get(0).getText();
    assertTrue(value.startsWith("The Supreme Leader, as the article names him"), value);
    assertTrue(value.contains("identified by the editors as Ali Khamenei (identified)"), value);
    WebElement says = by(holder);
    assertEquals(
        "source", says.findElement(By.className("by")).getAttribute("class").split(" ")[1]);
    assertTrue(
        says.getText().contains("Gareth Porter (the author's own reporting, asserted)"),
        says.getText());
    assertTrue(!says.getText().contains("the editors"), says.getText());
    WebElement label = by(row("label"));
    assertEquals("the editors", label.findElement(By.className("by")).getText().strip());
    assertTrue(label.findElement(By.className("by")).getAttribute("class").contains("editors"));
    List<WebElement> notes = BROWSER.chromium().driver.findElements(By.className("editors-note"));
    assertEquals(1, notes.size());
    assertTrue(notes.get(0).getText().startsWith("Editors' note: The article names the holder"));
    assertEquals(
        "The editors' notes",
        BROWSER.chromium().driver.findElement(By.id("notes")).getText(),
        "notes stand under a heading that says whose they are");
  }

  @Test
  void cheneysPageGivesEachValueItsSpeakerModalityAndMedium() {
    open("/doc/id/dick-cheney");
    WebElement blocked = by(row("blocked"));
    assertEquals(
        "Lawrence Wilkerson (remarks to the publisher, conjecture)", blocked.getText().strip());
    WebElement name = by(row("name"));
    assertEquals("the editors", name.findElement(By.className("by")).getText().strip());
    WebElement why = name.findElement(By.cssSelector("details.why"));
    assertEquals(null, why.getDomAttribute("open"), "the reason is folded until asked for");
    why.findElement(By.tagName("summary")).click();
    assertEquals("true", why.getDomProperty("open"));
    assertEquals(
        "why\nThe editors' name for the agent; what the source prints stays beside it as the name"
            + " in the source.",
        why.getText().strip(),
        "a keyboard, pointer or screen reader opens the reason the editors give for every name");
    WebElement description = BROWSER.chromium().driver.findElement(By.className("description"));
    assertTrue(description.getText().startsWith("The editors' description:"));
    WebElement passage =
        BROWSER
            .chromium()
            .driver
            .findElement(
                By.xpath(
                    "//li[a[@href='/doc/id/ips-2006-03-28-cabal/wilkerson-guess-cheney']]/a[@class='passage']"));
    assertTrue(
        passage.getAttribute("href").contains("0328cabal.htm#:~:text=But%20I%20would%20guess"),
        passage.getAttribute("href"));
  }

  @Test
  void theOffersPageAttributesItsIncomingLinksAndMergesASpeakersClaims() {
    open("/doc/id/ips-2006-03-28-cabal/grand-bargain");
    WebElement cheney =
        BROWSER
            .chromium()
            .driver
            .findElement(
                By.xpath(
                    "//table[@class='incoming']//tr[td/a[text()='Dick Cheney'] and td/a[text()='blocked']]"));
    List<WebElement> cells = cheney.findElements(By.tagName("td"));
    assertEquals(
        "Lawrence Wilkerson (remarks to the publisher, conjecture)",
        cells.get(2).getText().strip());
    WebElement status = by(row("status"));
    List<WebElement> speakers = status.findElements(By.className("by"));
    assertEquals(2, speakers.size(), status.getText());
    assertEquals(
        "Former administration officials (unnamed) (remarks to the publisher, asserted)",
        speakers.get(0).getText().strip());
    assertEquals(
        "Lawrence Wilkerson (e-mail to the publisher, asserted) (remarks to the publisher,"
            + " asserted)",
        speakers.get(1).getText().strip(),
        "one speaker stating it through two claims is named once");
  }

  @Test
  void aMisprintedDateShowsThePrintedFormInTheClaimsVoiceAndTheReadingInTheEditors() {
    open("/doc/id/ips-2006-03-28-cabal/franklin-tells-israeli-officer");
    WebElement when = row("when");
    List<WebElement> cells = when.findElements(By.tagName("td"));
    assertEquals("October 2003\nprinted in the article as “October 1983”", cells.get(0).getText());
    String says = cells.get(1).getText();
    assertTrue(
        says.startsWith("The editors' reading: the editors (probable)\nThe year 1983 cannot be"),
        says);
    assertTrue(says.contains("Sources: http://www.jonathanpollard.org/2005/061405a.htm"), says);
    assertTrue(
        says.contains("As printed: Prosecutors in the Franklin case (court record, second-hand)"),
        says);
  }
}
