package org.w3id.grandbargain.kb.publish.sparql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.query.QueryParameter;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * What the query editor of the SPARQL page is given, as one JSON object in a {@code <script
 * type="application/json" id="editor-data">} block (data, not run, so the page's policy allows it):
 * the endpoint, the namespace whose IRIs the editor links to their pages here, the knowledge base's
 * prefixes, every named query, the download formats by kind of query, and the query a link brought,
 * if any.
 *
 * <pre>{@code
 * {"endpoint": "http://localhost:3030/kb/sparql", "namespace": "https://w3id.org/grand-bargain/",
 *  "prefixes": {"gb": "https://w3id.org/grand-bargain/ontology#", ...},
 *  "queries": [{"name": "channels", "summary": "...", "description": "...", "parameters": [],
 *               "text": "<the file as written>", "editorText": "<the same, parameters bound>"}],
 *  "formats": {"results": [{"label": "JSON", "format": "json", "type": "..."}], "graph": [...]},
 *  "completions": {"classes": "SELECT ...", "properties": "...", "entities": "..."},
 *  "query": null}
 * }</pre>
 */
public final class EditorData {
  private EditorData() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A download of an answer: its name, the endpoint's {@code format} value and media type. */
  record Format(String label, String format, String mediaType) {}

  /** What the endpoint answers a SELECT or an ASK in (its {@code format} parameter). */
  static final List<Format> RESULT_FORMATS =
      List.of(
          new Format("JSON", "json", "application/sparql-results+json"),
          new Format("XML", "xml", "application/sparql-results+xml"),
          new Format("CSV", "csv", "text/csv"),
          new Format("TSV", "tsv", "text/tab-separated-values"));

  /** What the endpoint answers a CONSTRUCT or a DESCRIBE in. */
  static final List<Format> GRAPH_FORMATS =
      List.of(
          new Format("Turtle", "ttl", "text/turtle"),
          new Format("JSON-LD", "json-ld", "application/ld+json"),
          new Format("N-Triples", "nt", "application/n-triples"),
          new Format("RDF/XML", "xml", "application/rdf+xml"));

  /**
   * The queries behind the editor's autocompletion, run by the page on this endpoint: the classes,
   * the properties, and the things of the knowledge base with their labels.
   */
  static final java.util.Map<String, String> COMPLETIONS =
      java.util.Map.of(
          "classes", resource("completion-classes.rq"),
          "properties", resource("completion-properties.rq"),
          "entities", resource("completion-entities.rq"));

  private static String resource(String name) {
    try (java.io.InputStream in = EditorData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing query resource " + name + " beside " + EditorData.class.getName());
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      org.apache.jena.query.QueryFactory.create(text);
      return text;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The brace that opens a query's WHERE clause, on a line that is not a comment. */
  private static final Pattern WHERE =
      Pattern.compile(
          "^(?![ \\t]*#)(.*?\\bWHERE\\s*)\\{", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

  /**
   * The data block's JSON, safe inside a {@code <script>} element: {@code <}, {@code >} and {@code
   * &} are written as JSON escapes, so no text of a query can end the element.
   *
   * @param endpoint the endpoint's address as the client reached it
   * @param queries the named queries, in the catalog's order
   * @param query the query a link brought, or null
   */
  public static String json(String endpoint, Iterable<NamedQuery> queries, String query) {
    ObjectNode root = JSON.createObjectNode();
    root.put("endpoint", endpoint);
    root.put("namespace", GB.BASE);
    ObjectNode prefixes = root.putObject("prefixes");
    new java.util.TreeMap<>(Prefixes.standard().getNsPrefixMap()).forEach(prefixes::put);
    ArrayNode list = root.putArray("queries");
    for (NamedQuery q : queries) {
      ObjectNode o = list.addObject();
      o.put("name", q.name());
      o.put("summary", q.summary());
      o.put("description", q.description());
      ArrayNode params = o.putArray("parameters");
      for (QueryParameter p : q.parameters()) {
        ObjectNode po = params.addObject();
        po.put("name", p.name());
        po.put("type", p.type().name().toLowerCase(Locale.ROOT));
        po.put("required", p.required());
        po.put("description", p.description());
        po.put("example", p.example().orElse(null));
      }
      o.put("text", q.text());
      o.put("editorText", editorText(q));
    }
    ObjectNode formats = root.putObject("formats");
    formats.set("results", formats(RESULT_FORMATS));
    formats.set("graph", formats(GRAPH_FORMATS));
    ObjectNode completions = root.putObject("completions");
    new java.util.TreeMap<>(COMPLETIONS).forEach(completions::put);
    root.put("query", query);
    try {
      return JSON.writeValueAsString(root)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ArrayNode formats(List<Format> formats) {
    ArrayNode a = JSON.createArrayNode();
    for (Format f : formats) {
      a.addObject().put("label", f.label()).put("format", f.format()).put("type", f.mediaType());
    }
    return a;
  }

  /**
   * A named query as the editor shows it: its text as written, with each parameter that has an
   * example bound to it by a {@code VALUES} block opening the WHERE clause, under a comment that
   * says what the parameter means. The values are joined with the rest of the clause, which answers
   * as the run-time substitution of the same value does; a parameter without an example is left a
   * variable.
   */
  public static String editorText(NamedQuery q) {
    StringBuilder values = new StringBuilder();
    for (QueryParameter p : q.parameters()) {
      if (p.example().isEmpty()) {
        continue;
      }
      values
          .append("\n  # ?")
          .append(p.name())
          .append(" (")
          .append(p.required() ? "required" : "optional")
          .append("): ")
          .append(p.description())
          .append("\n  VALUES ?")
          .append(p.name())
          .append(" { ")
          .append(NodeFmtLib.strNT(p.parse(p.example().get())))
          .append(" }");
    }
    if (values.isEmpty()) {
      return q.text();
    }
    Matcher m = WHERE.matcher(q.text());
    if (!m.find()) {
      // a query written without the WHERE keyword: shown as written, its parameters unbound
      return q.text();
    }
    return q.text().substring(0, m.end()) + values + q.text().substring(m.end());
  }
}
