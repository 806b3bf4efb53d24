package org.w3id.grandbargain.kb.publish;

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
final class Pages {
  private final MustacheFactory factory =
      new DefaultMustacheFactory("org/w3id/grandbargain/kb/publish/templates");
  private final String release;

  Pages(String release) {
    this.release = release;
  }

  /** Renders a template with a model; adds the release for the footer. */
  String render(String template, Map<String, Object> model) {
    Map<String, Object> scope = new HashMap<>(model);
    scope.put("release", release);
    Mustache mustache = factory.compile(template + ".mustache");
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /** JSON text made safe to embed in a {@code <script>} element: no '<', '>' or '&' characters. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  /** Marks the last element of a list of maps, for separators in templates. */
  static List<Map<String, Object>> withLast(List<Map<String, Object>> items) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> m = new HashMap<>(items.get(i));
      m.put("last", i == items.size() - 1);
      out.add(m);
    }
    return out;
  }

  /** A small map for templates. */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        m.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return m;
  }
}
