package org.w3id.grandbargain.kb.publish;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver, with no Selenium Manager
 * involvement (the driver path is given to the service, the browser path to the options). Close it
 * to quit the browser, stop chromedriver and delete the throw-away profile.
 */
public final class HeadlessChromium implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  // Selenium 4.52 ships no CDP bindings for Chromium 156 unless selenium-devtools-v156 is on the
  // classpath, and warns "Unable to find CDP implementation matching 156" on every start.
  // Harmless unless you use DevTools; keep a strong reference, JUL holds loggers weakly.
  private static final java.util.logging.Logger CDP_VERSION_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_LOG.setLevel(Level.SEVERE);
  }

  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** True when both Debian binaries are installed; use it in an assumption to skip otherwise. */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public final ChromeDriver driver;
  public final ChromeDriverService service;

  /** Throw-away directory holding the profile and Chromium's XDG config/cache dirs. */
  public final Path tempRoot;

  private final Thread shutdownHook;

  private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path tempRoot) {
    this.driver = driver;
    this.service = service;
    this.tempRoot = tempRoot;
    // If the JVM exits without close() (forgotten finally, System.exit), chromedriver and
    // Chromium would otherwise survive as orphans. (Does not help against SIGKILL.)
    this.shutdownHook = new Thread(this::quietQuit, "chromium-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts Chromium headless. */
  public static HeadlessChromium start() throws IOException {
    return start(CHROMIUM);
  }

  private static HeadlessChromium start(Path browserBinary) throws IOException {
    Path root = Files.createTempDirectory("chromium-run-");
    Path profile = Files.createDirectories(root.resolve("profile"));

    ChromeOptions options = new ChromeOptions();
    options.setBinary(browserBinary.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // we run as root; Chromium refuses to start sandboxed as root
        "--disable-gpu",
        "--disable-dev-shm-usage", // use /tmp instead of a possibly tiny /dev/shm (containers)
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile);
    // Even with the flags above Chromium resolves update and account hosts at start-up; this
    // makes every host but the loopback ones fail inside Chromium, with no DNS query sent.
    options.addArguments(
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");

    // Browser console -> driver.manage().logs().get(LogType.BROWSER)
    LoggingPreferences logPrefs = new LoggingPreferences();
    logPrefs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logPrefs);

    ChromeDriverService.Builder builder =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile()) // => DriverFinder skips Selenium Manager
            .usingAnyFreePort()
            // Chromium writes its crashpad DB to $XDG_CONFIG_HOME/chromium and dconf to
            // $XDG_CACHE_HOME/dconf even with --user-data-dir; keep them out of $HOME.
            .withEnvironment(
                Map.of(
                    "XDG_CONFIG_HOME", Files.createDirectories(root.resolve("config")).toString(),
                    "XDG_CACHE_HOME", Files.createDirectories(root.resolve("cache")).toString()));
    ChromeDriverService service = builder.build();

    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(root);
      throw e;
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return new HeadlessChromium(driver, service, root);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or will run
    }
    quietQuit();
  }

  private void quietQuit() {
    try {
      driver.quit(); // ends the session, closes Chromium, and stops the chromedriver service
    } catch (RuntimeException alreadyGone) {
      // session or driver already dead; still clean up below
    } finally {
      service.stop(); // no-op if quit() already stopped it
      deleteRecursively(tempRoot);
    }
  }

  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
