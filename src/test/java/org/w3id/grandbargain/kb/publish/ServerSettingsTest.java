package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;

/** The settings builder refuses unusable values and names them. */
class ServerSettingsTest {
  private static String refusal(ServerSettings.Builder builder) {
    return assertThrows(ConfigurationException.class, builder::build).getMessage();
  }

  @Test
  void theDefaultsAreUsable() {
    ServerSettings s = ServerSettings.defaults();
    assertEquals(3030, s.port());
    assertEquals("https://w3id.org/grand-bargain/", s.base());
    assertEquals(Duration.ofSeconds(10), s.queryTimeout());
  }

  @Test
  void eachBadValueIsNamed() {
    assertEquals(
        "port 70000 is not between 0 and 65535", refusal(ServerSettings.builder().port(70000)));
    assertEquals(
        "base 'https://example.org/kb' must be an absolute http(s) address ending in '/'",
        refusal(ServerSettings.builder().base("https://example.org/kb")));
    assertEquals(
        "site URL 'ftp://example.org/' must be an absolute http(s) address ending in '/'",
        refusal(ServerSettings.builder().siteUrl("ftp://example.org/")));
    assertEquals(
        "query timeout PT0S must be positive",
        refusal(ServerSettings.builder().queryTimeout(Duration.ZERO)));
    assertEquals(
        "maximum result rows 0 must be at least 1",
        refusal(ServerSettings.builder().maxResultRows(0)));
    assertEquals("page size -1 must be at least 1", refusal(ServerSettings.builder().pageSize(-1)));
  }
}
