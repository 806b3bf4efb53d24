package org.w3id.grandbargain.kb.publish.core;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the HTML pages from the Mustache templates beside this class. Mustache escapes every
 * value, so data never reaches the page as markup; the only unescaped value is the embedded
 * JSON-LD, which {@link #scriptSafe(String)} makes safe inside a script element.
 */
public final class Pages {
  private final MustacheFactory factory =
      new DefaultMustacheFactory("org/w3id/grandbargain/kb/publish/templates");
  private final String release;

  public Pages(String release) {
    this.release = release;
  }

  /** Renders a template with a model; adds the release for the footer. */
  public String render(String template, Map<String, Object> model) {
    Map<String, Object> scope = new HashMap<>(model);
    scope.put("release", release);
    Mustache mustache = factory.compile(template + ".mustache");
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /**
   * The CSP source of the pages' one style sheet, the {@code <style>} element of the header
   * template (which has no template tags, so every page carries it as written): {@code
   * sha256-<base64>}.
   */
  /**
   * A size for people, in decimal units (1 KB = 1,000 bytes): {@code 999 bytes}, {@code 754 KB},
   * {@code 5.3 MB}, {@code 1.2 GB}.
   */
  public static String size(long bytes) {
    if (bytes < 1_000) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (Math.round(bytes / 1e3) < 1_000) {
      return Math.round(bytes / 1e3) + " KB";
    }
    if (Math.round(bytes / 1e5) < 10_000) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
  }

  public static String styleDigest() {
    String header;
    try (var in =
        Pages.class.getResourceAsStream(
            "/org/w3id/grandbargain/kb/publish/templates/header.mustache")) {
      header = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("the header template cannot be read", e);
    }
    int start = header.indexOf("<style>") + "<style>".length();
    String css = header.substring(start, header.indexOf("</style>", start));
    if (css.contains("{{")) {
      throw new IllegalStateException("the header's style sheet must not hold template tags");
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(css.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JSON text made safe to embed in a {@code <script>} element: no '<', '>' or '&' characters. */
  public static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  /** Marks the last element of a list of maps, for separators in templates. */
  public static List<Map<String, Object>> withLast(List<Map<String, Object>> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> m = new HashMap<>(items.get(i));
      m.put("last", i == items.size() - 1);
      out.add(m);
    }
    return out;
  }

  /** A small map for templates. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }
}
