package org.w3id.grandbargain.kb.publish.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.query.QueryParameter;

/**
 * The named queries as a web API: {@code /api/<name>?<parameter>=<value>} runs the query of {@code
 * queries/<name>.rq} with its parameters bound by substitution, answering SPARQL JSON, CSV or an
 * HTML table by content negotiation (or {@code ?format=json|csv|html}); {@code /api} lists them as
 * an OpenAPI 3 description, or as a page for people.
 */
public final class ApiServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;
  private static final String RESULTS_JSON = "application/sparql-results+json";
  private static final List<String> RESULT_TYPES =
      List.of(RESULTS_JSON, "application/json", "text/csv", "text/html");
  private static final Map<String, String> RESULT_FORMATS =
      Map.of("json", RESULTS_JSON, "csv", "text/csv", "html", "text/html");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  ApiServlet(Site site) {
    super(site);
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rest = request.getPathInfo();
    if (rest == null || rest.equals("/")) {
      index(request, response);
      return;
    }
    String name = rest.substring(1);
    NamedQuery query;
    query = site.publication().queries().get(name);
    String type = chooseResultType(request);
    Map<String, String> arguments = new TreeMap<>();
    for (String p : java.util.Collections.list(request.getParameterNames())) {
      if (!p.equals("format")) {
        arguments.put(p, request.getParameter(p));
      }
    }
    response.addHeader("Vary", "Accept");
    if (query.isFederated()) {
      // the answer depends on the external endpoints as well as on the release
      response.setHeader("Cache-Control", "no-cache");
    } else if (site.notModified(
        request, response, 600, "/api/" + name + "|" + type + "|" + arguments)) {
      return;
    }
    ResultSetRewindable rows = site.knowledge().select(query.query(), query.bind(arguments));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (type) {
      case "text/csv" -> ResultSetFormatter.outputAsCSV(out, rows);
      case "text/html" -> {
        HttpSupport.send(response, 200, "text/html", page(request, query, arguments, rows));
        return;
      }
      default -> ResultSetFormatter.outputAsJSON(out, rows);
    }
    HttpSupport.send(response, 200, type, out.toString(StandardCharsets.UTF_8));
  }

  private static String chooseResultType(HttpServletRequest request) {
    String format = request.getParameter("format");
    if (format != null) {
      String type = RESULT_FORMATS.get(format);
      if (type == null) {
        throw new HttpError(
            HttpServletResponse.SC_BAD_REQUEST,
            "unknown format '" + format + "'; use json, csv or html");
      }
      return type;
    }
    return HttpSupport.negotiate(request, RESULT_TYPES);
  }

  private String page(
      HttpServletRequest request,
      NamedQuery query,
      Map<String, String> arguments,
      ResultSetRewindable rows) {
    rows.reset();
    List<Map<String, Object>> table = new ArrayList<>();
    while (rows.hasNext()) {
      QuerySolution s = rows.next();
      List<Map<String, Object>> cells = new ArrayList<>();
      for (String v : rows.getResultVars()) {
        RDFNode n = s.get(v);
        cells.add(n == null ? Pages.map("text", "") : site.links().value(n));
      }
      table.add(Pages.map("cells", cells));
    }
    List<Map<String, Object>> args = new ArrayList<>();
    arguments.forEach((k, v) -> args.add(Pages.map("name", k, "value", v)));
    String base = "/api/" + query.name() + "?";
    StringBuilder qs = new StringBuilder();
    arguments.forEach(
        (k, v) ->
            qs.append(IriSpace.encodeQuery(k))
                .append('=')
                .append(IriSpace.encodeQuery(v))
                .append('&'));
    return site.pages()
        .render(
            "results",
            Pages.map(
                "title", query.summary(),
                "summary", query.summary(),
                "description", query.description().isEmpty() ? null : query.description(),
                "name", query.name(),
                "hasArguments", !args.isEmpty(),
                "arguments", Pages.withLast(args),
                "count", table.size(),
                "columns", rows.getResultVars(),
                "rows", table,
                "csv", base + qs + "format=csv",
                "json", base + qs + "format=json"));
  }

  private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String format = request.getParameter("format");
    String type;
    if (format != null) {
      type =
          switch (format) {
            case "json" -> "application/json";
            case "html" -> "text/html";
            default ->
                throw new HttpError(
                    HttpServletResponse.SC_BAD_REQUEST,
                    "unknown format '" + format + "'; use json or html");
          };
    } else {
      type =
          HttpSupport.negotiate(
              request,
              List.of("application/json", "application/vnd.oai.openapi+json", "text/html"));
    }
    response.addHeader("Vary", "Accept");
    String site = this.site.siteUrl(request);
    if (this.site.notModified(request, response, 3600, "/api|" + type + "|" + site)) {
      return;
    }
    if (type.equals("text/html")) {
      List<Map<String, Object>> queries = new ArrayList<>();
      for (NamedQuery q : this.site.publication().queries().all().values()) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (QueryParameter p : q.parameters()) {
          params.add(
              Pages.map(
                  "name", p.name(),
                  "formId", q.name() + "-" + p.name(),
                  "type", p.type().name().toLowerCase(java.util.Locale.ROOT),
                  "required", p.required(),
                  "description", p.description(),
                  "example", example(p)));
        }
        queries.add(
            Pages.map(
                "name",
                q.name(),
                "href",
                "/api/" + q.name(),
                "runHref",
                q.parameters().stream().anyMatch(QueryParameter::required)
                    ? null
                    : "/api/" + q.name(),
                "summary",
                q.summary(),
                "description",
                q.description().isEmpty() ? null : q.description(),
                "hasParameters",
                !params.isEmpty(),
                "parameters",
                params));
      }
      HttpSupport.send(
          response,
          200,
          "text/html",
          this.site
              .pages()
              .render("queries", Pages.map("title", "Named queries", "queries", queries)));
      return;
    }
    HttpSupport.send(response, 200, type, JSON.writeValueAsString(openApi(site)));
  }

  /** The example value in a parameter's description ("for example <value>"), if any. */
  private static String example(QueryParameter p) {
    return p.example().orElse("");
  }

  private ObjectNode openApi(String site) {
    ObjectNode root = JSON.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "Grand Bargain KB named queries");
    info.put("version", this.site.releaseId());
    info.put(
        "description",
        "Each named query of the knowledge base as a GET operation; parameters are bound to the query's variables by substitution, never spliced into its text.");
    info.putObject("license")
        .put("name", "CC BY 4.0")
        .put("url", "https://creativecommons.org/licenses/by/4.0/");
    root.putArray("servers").addObject().put("url", site.substring(0, site.length() - 1));
    ObjectNode paths = root.putObject("paths");
    for (NamedQuery q : this.site.publication().queries().all().values()) {
      ObjectNode get = paths.putObject("/api/" + q.name()).putObject("get");
      get.put("operationId", q.name());
      get.put("summary", q.summary());
      if (!q.description().isEmpty()) {
        get.put("description", q.description());
      }
      ArrayNode params = get.putArray("parameters");
      for (QueryParameter p : q.parameters()) {
        ObjectNode param = params.addObject();
        param.put("name", p.name());
        param.put("in", "query");
        param.put("required", p.required());
        param.put("description", p.description());
        ObjectNode schema = param.putObject("schema");
        switch (p.type()) {
          case IRI -> schema.put("type", "string").put("format", "uri");
          case DATE -> schema.put("type", "string").put("format", "date");
          case INTEGER -> schema.put("type", "integer");
          default -> schema.put("type", "string");
        }
      }
      ObjectNode format = params.addObject();
      format
          .put("name", "format")
          .put("in", "query")
          .put("required", false)
          .put("description", "Overrides content negotiation.");
      format
          .putObject("schema")
          .put("type", "string")
          .putArray("enum")
          .add("json")
          .add("csv")
          .add("html");
      ObjectNode responses = get.putObject("responses");
      ObjectNode ok = responses.putObject("200");
      ok.put("description", "The answers");
      ObjectNode content = ok.putObject("content");
      for (String t : RESULT_TYPES) {
        content.putObject(t);
      }
      responses.putObject("400").put("description", "A parameter is missing, unknown or malformed");
      responses
          .putObject("406")
          .put("description", "None of the accepted media types is available");
      responses.putObject("503").put("description", "The query timed out");
    }
    return root;
  }
}
