package org.w3id.grandbargain.kb.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What every page must pass in a real browser, as a list of problems (empty when it passes): no
 * console message of warning level or above, no sideways scrolling at a phone's width, and no
 * violation axe-core finds (its script, {@code axe.min.js}, comes with Deque's axe-core jar). Also
 * writes the screenshots the README shows.
 */
final class PageChecks {
  /** The narrowest viewport every page must fit, in CSS pixels. */
  static final int PHONE_WIDTH = 390;

  /** Where the README's screenshots are written, from the project's root. */
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  private static final String AXE = axeScript();

  private PageChecks() {}

  private static String axeScript() {
    try (InputStream in = PageChecks.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the viewport (the window's inner size) to a width and height in CSS pixels. */
  static void viewport(ChromeDriver driver, int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    JavascriptExecutor js = driver;
    long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
    long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
    driver
        .manage()
        .window()
        .setSize(
            new Dimension(
                width + (int) (width - innerWidth), height + (int) (height - innerHeight)));
  }

  /** The console messages of warning level or above since the last call, as problems. */
  static List<String> console(ChromeDriver driver, String page) {
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
        problems.add(page + " logs " + entry.getLevel() + ": " + entry.getMessage());
      }
    }
    return problems;
  }

  /** Whether the document is wider than the viewport (it would scroll sideways). */
  static List<String> width(ChromeDriver driver, String page) {
    JavascriptExecutor js = driver;
    long scroll =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    if (scroll > viewport) {
      @SuppressWarnings("unchecked")
      List<String> wide =
          (List<String>)
              js.executeScript(
                  "const w = window.innerWidth; return Array.from(document.querySelectorAll('body *'))"
                      + ".filter(e => e.getBoundingClientRect().right > w + 1 || e.scrollWidth > e.clientWidth + 1)"
                      + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '')"
                      + " + (e.className && typeof e.className === 'string' ? '.' + e.className : '')"
                      + " + ' ' + Math.round(e.getBoundingClientRect().right))");
      return List.of(
          page + " is " + scroll + " px wide in a " + viewport + " px viewport: " + wide);
    }
    return List.of();
  }

  /** The violations axe-core finds on the page as loaded, one line each with where. */
  @SuppressWarnings("unchecked")
  static List<String> accessibility(ChromeDriver driver, String page) {
    JavascriptExecutor js = driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(AXE);
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
                + ".catch(e => done([{id: 'axe-error', help: String(e), targets: []}]));");
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> v : (List<Map<String, Object>>) result) {
      problems.add(
          page
              + " fails "
              + v.get("id")
              + " ("
              + v.get("impact")
              + "): "
              + v.get("help")
              + " at "
              + v.get("targets"));
    }
    return problems;
  }

  /** All three checks of the page now loaded. */
  static List<String> all(ChromeDriver driver, String page) {
    List<String> problems = new ArrayList<>(console(driver, page));
    problems.addAll(width(driver, page));
    problems.addAll(accessibility(driver, page));
    return problems;
  }

  /** Writes the viewport as {@code docs/screenshots/NAME.png}, unless the file shows it already. */
  static void screenshot(ChromeDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), png)) {
        Files.write(file, png);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
