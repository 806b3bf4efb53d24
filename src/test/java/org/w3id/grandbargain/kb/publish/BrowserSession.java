package org.w3id.grandbargain.kb.publish;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test server and a headless Chromium to browse it, started once for a test class and closed
 * after it:
 *
 * <pre>{@code
 * @RegisterExtension static final BrowserSession browser = new BrowserSession(TestServer::start);
 * }</pre>
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
  private final Supplier<TestServer> start;
  private TestServer server;
  private HeadlessChromium chromium;

  BrowserSession(Supplier<TestServer> start) {
    this.start = start;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = start.get();
    chromium = HeadlessChromium.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  TestServer server() {
    return server;
  }

  HeadlessChromium chromium() {
    return chromium;
  }
}
