package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of the site's servlets: one place where failures become responses, by the map of {@link
 * HttpError#of} (an HTML page for people, plain text for programs, the message always in the body),
 * and the writing of RDF and HTML representations with their validators.
 */
public abstract class SiteServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SiteServlet.class);

  /** The message of a failure that is the server's own; what failed is in its log. */
  public static final String FAILED = "The server failed to answer; the failure is in its log.";

  /** What every servlet needs. */
  protected final transient Site site;

  protected SiteServlet(Site site) {
    this.site = site;
  }

  @Override
  protected final void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      get(request, response);
    } catch (org.eclipse.jetty.io.EofException gone) {
      throw gone; // the client has gone: no one to answer
    } catch (RuntimeException | IOException e) {
      HttpError answer =
          HttpError.of(e)
              .orElseGet(
                  () -> {
                    LOG.error("Failed to answer {}", request.getRequestURI(), e);
                    return new HttpError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, FAILED);
                  });
      if (response.isCommitted()) {
        throw new IOException("answer cut short", e); // what has gone cannot be taken back
      }
      response.resetBuffer();
      error(request, response, answer.status, answer.getMessage());
    }
  }

  /** TRACE would echo the request's headers back; the site does not answer it. */
  @Override
  protected void doTrace(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "GET, HEAD, OPTIONS");
    HttpSupport.send(
        response,
        HttpServletResponse.SC_METHOD_NOT_ALLOWED,
        "text/plain",
        "TRACE is not allowed\n");
  }

  /** Answers a GET (and, with the body dropped by the container, a HEAD). */
  protected abstract void get(HttpServletRequest request, HttpServletResponse response)
      throws IOException;

  /** Sends an error: the helpful page to browsers, the message as text to everyone else. */
  public void error(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws IOException {
    // What was set for the representation that was to be sent does not describe the error.
    for (String header : List.of("Content-Location", "ETag", "Last-Modified", "Link")) {
      response.setHeader(header, null);
    }
    response.setHeader("Cache-Control", "no-store");
    if (status == HttpServletResponse.SC_NOT_FOUND && acceptsHtml(request)) {
      HttpSupport.send(response, status, "text/html", site.notFoundPage(request, message));
    } else {
      HttpSupport.send(response, status, "text/plain", message + "\n");
    }
  }

  public static boolean acceptsHtml(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  /**
   * Negotiates among HTML and the RDF formats: a {@code ?format=} name wins, then the Accept header
   * with its q-values.
   */
  public static Representation choose(HttpServletRequest request) {
    String format = request.getParameter("format");
    if (format != null) {
      return Representation.bySuffix(format)
          .orElseThrow(
              () ->
                  new HttpError(
                      HttpServletResponse.SC_BAD_REQUEST,
                      "unknown format '" + format + "'; use one of " + Representation.suffixes()));
    }
    String chosen =
        HttpSupport.negotiate(
            request,
            List.of(Representation.values()).stream().map(Representation::mediaType).toList());
    return Representation.byMediaType(chosen).orElseThrow();
  }

  /** Writes an RDF graph in a representation (as the default graph of those with named graphs). */
  public static void sendRdf(HttpServletResponse response, Graph graph, Representation rep)
      throws IOException {
    if (rep.quads()) {
      sendRdf(response, DatasetGraphFactory.wrap(graph), rep);
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, rep.rdfFormat());
    send(response, out.toByteArray(), rep);
  }

  /**
   * Writes an RDF dataset in a representation: whole in those that keep named graphs, as the union
   * of its graphs in the others.
   */
  public static void sendRdf(HttpServletResponse response, DatasetGraph dataset, Representation rep)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (rep.quads()) {
      RDFDataMgr.write(out, dataset, rep.rdfFormat());
    } else {
      RDFDataMgr.write(out, union(dataset), rep.rdfFormat());
    }
    send(response, out.toByteArray(), rep);
  }

  /** The triples of a dataset, the default graph's and every named graph's, with its prefixes. */
  public static Graph union(DatasetGraph dataset) {
    Graph union = GraphFactory.createDefaultGraph();
    union.getPrefixMapping().setNsPrefixes(dataset.prefixes().getMapping());
    dataset.find().forEachRemaining(q -> union.add(q.asTriple()));
    return union;
  }

  private static void send(HttpServletResponse response, byte[] bytes, Representation rep)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(rep.mediaType() + "; charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The graph as JSON-LD, safe to embed in a page. */
  public static String embeddedJsonLd(Graph graph) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, graph, RDFFormat.JSONLD11_PRETTY);
    return Pages.scriptSafe(out.toString(StandardCharsets.UTF_8));
  }

  /** The alternates of a document, for links and {@code <link rel="alternate">}. */
  public static List<Map<String, Object>> formats(String path, boolean suffixes) {
    return formats(path, suffixes, "");
  }

  /**
   * The alternates of a document with a query string of its own (a page's {@code ?page=n}), which
   * each alternate keeps.
   */
  public static List<Map<String, Object>> formats(String path, boolean suffixes, String query) {
    return Pages.withLast(
        List.of(Representation.values()).stream()
            .filter(Representation::isRdf)
            .map(
                r ->
                    Pages.map(
                        "href",
                        suffixes ? path + "." + r.suffix() + query : path + "?format=" + r.suffix(),
                        "type",
                        r.mediaType(),
                        "label",
                        r.label()))
            .toList());
  }

  /** The query string that names a page of a document: none for the first. */
  public static String pageQuery(int page) {
    return page > 1 ? "?page=" + page : "";
  }

  /** A positive page number from {@code ?page=}, 1 when absent. */
  public static int page(HttpServletRequest request) {
    String p = request.getParameter("page");
    if (p == null) {
      return 1;
    }
    try {
      int n = Integer.parseInt(p);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new HttpError(
          HttpServletResponse.SC_BAD_REQUEST, "page '" + p + "' is not a positive whole number");
    }
  }
}
