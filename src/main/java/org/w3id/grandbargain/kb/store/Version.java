package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The software version, from the build's filtered {@code version.properties}. */
public final class Version {
  private static final String VERSION = read();

  private Version() {}

  /** The version, for example {@code 0.1.0}; {@code 0.0.0} when run from unfiltered sources. */
  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in =
        Version.class.getResourceAsStream("/org/w3id/grandbargain/kb/version.properties")) {
      if (in == null) {
        return "0.0.0";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "0.0.0");
      return v.startsWith("${") ? "0.0.0" : v;
    } catch (IOException e) {
      return "0.0.0";
    }
  }
}
