package org.w3id.grandbargain.kb.publish.sparql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.query.QueryPolicy;

/**
 * What the whole server answers as a read-only publication, before any servlet or Fuseki's
 * dispatcher sees a request, and the validators of the endpoint's answers.
 */
public final class EndpointProtocol {
  private EndpointProtocol() {}

  /** The paths that take POST: the query endpoint and the dataset, for queries only. */
  private static final Set<String> QUERY_PATHS =
      Set.of(SparqlEndpointModule.DATASET, SparqlEndpointModule.DATASET + "/sparql");

  private static final Set<String> QUERY_TYPES =
      Set.of("application/sparql-query", "application/x-www-form-urlencoded");

  private static final java.util.List<String> READ = java.util.List.of("GET", "HEAD", "OPTIONS");

  private static final java.util.List<String> READ_AND_QUERY =
      java.util.List.of("GET", "HEAD", "POST", "OPTIONS");

  /** The methods a path answers. */
  static java.util.List<String> allowed(String path) {
    return QUERY_PATHS.contains(path) ? READ_AND_QUERY : READ;
  }

  /**
   * Refuses a compressed request body with {@code 415}, and every write with a message that says
   * so: a method the path does not answer is a 405 with {@code Allow}; a SPARQL Update (by its
   * media type or an {@code update} parameter) or anything but a query posted to the endpoint is a
   * 403.
   */
  static final class ReadOnly implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) res;
      // the path as servlets are matched on it (decoded, normalised, without ;parameters)
      String path =
          request.getServletPath() + java.util.Objects.toString(request.getPathInfo(), "");
      String method = request.getMethod();
      String encoding = request.getHeader("Content-Encoding");
      if (encoding != null
          && !encoding.isBlank()
          && !encoding.strip().equalsIgnoreCase("identity")) {
        // Fuseki would inflate the body whole, past any bound on what the client sent
        HttpSupport.send(
            response,
            HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
            "text/plain",
            "Request bodies are read as sent: Content-Encoding "
                + encoding
                + " is not accepted.\n");
        return;
      }
      try {
        request.getParameterMap();
      } catch (RuntimeException e) {
        HttpSupport.send(
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            "text/plain",
            "The request's parameters cannot be read: they must be percent-encoded UTF-8 ("
                + e.getMessage()
                + ").\n");
        return;
      }
      if (!allowed(path).contains(method)) {
        String allow = String.join(", ", allowed(path));
        response.setHeader("Allow", allow);
        HttpSupport.send(
            response,
            HttpServletResponse.SC_METHOD_NOT_ALLOWED,
            "text/plain",
            "This server is read-only: " + path + " answers " + allow + ", not " + method + ".\n");
        return;
      }
      if (path.equals(SparqlEndpointModule.DATASET)
          || path.startsWith(SparqlEndpointModule.DATASET + "/")) {
        String type = mediaType(request.getContentType());
        boolean update =
            "application/sparql-update".equals(type)
                || ((!"POST".equals(method) || "application/x-www-form-urlencoded".equals(type))
                    && request.getParameter("update") != null);
        if (update) {
          refuse(response, "SPARQL Update is not accepted");
          return;
        }
        if ("POST".equals(method) && !QUERY_TYPES.contains(type)) {
          refuse(
              response,
              "only queries may be posted ("
                  + String.join(" or ", QUERY_TYPES.stream().sorted().toList())
                  + "), not "
                  + (type.isEmpty() ? "a body without a media type" : type));
          return;
        }
      }
      if ("HEAD".equals(method) && QUERY_PATHS.contains(path)) {
        // Fuseki's query operation answers GET and POST only; HEAD is a GET whose body Jetty
        // does not send
        chain.doFilter(
            new jakarta.servlet.http.HttpServletRequestWrapper(request) {
              @Override
              public String getMethod() {
                return "GET";
              }
            },
            response);
        return;
      }
      chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String what) throws IOException {
      HttpSupport.send(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "text/plain",
          "This endpoint is read-only: "
              + what
              + ". Queries go to "
              + SparqlEndpointModule.DATASET
              + "/sparql by GET or POST.\n");
    }

    private static String mediaType(String contentType) {
      if (contentType == null) {
        return "";
      }
      int semicolon = contentType.indexOf(';');
      return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
          .strip()
          .toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Validators for the endpoint's answers to GET and HEAD: an answer depends only on the release,
   * the request's parameters and its Accept header, so its {@code ETag} is made of them and a
   * matching conditional request is a 304 without running the query. A query that calls SERVICE
   * depends on other sites and gets none; nor does any answer but a 200.
   */
  static final class Validators implements Filter {
    private final Site site;

    Validators(Site site) {
      this.site = site;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) res;
      String method = request.getMethod();
      String query = request.getQueryString();
      String sparql = request.getParameter("query");
      if (!("GET".equals(method) || "HEAD".equals(method))
          || query == null
          || (sparql != null && !repeatable(sparql))) {
        chain.doFilter(request, response);
        return;
      }
      String accept = request.getHeader("Accept");
      String variant =
          "answer|" + request.getRequestURI() + "?" + query + "|" + (accept == null ? "" : accept);
      response.addHeader("Vary", "Accept");
      if (site.notModified(request, response, 60, variant)) {
        return;
      }
      chain.doFilter(request, new OnlyForSuccess(response));
    }
  }

  /**
   * What makes two runs of the same query differ, as Jena writes a parsed query out (keywords in
   * capitals, no comments, escapes resolved): other sites, the clock, chance, new nodes.
   */
  private static final java.util.regex.Pattern UNREPEATABLE =
      java.util.regex.Pattern.compile(
          "SERVICE|NOW\\s*\\(|RAND\\s*\\(|UUID|BNODE|\\[|_:|function#now|current-date|current-time"
              + "|systemDateTime|random",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The decisions already taken, by query text; bounded by the length of the texts. */
  private static final Cache<String, Boolean> DECIDED =
      Caffeine.newBuilder()
          .maximumWeight(8L << 20)
          .weigher((String text, Boolean repeatable) -> text.length() + 64)
          .build();

  /**
   * Whether a query's answer depends only on the release: not when it calls SERVICE, NOW, RAND,
   * UUID, STRUUID, BNODE or a function of the clock or of chance, or writes a blank node (in
   * CONSTRUCT, {@code []} or {@code _:}). The query is parsed and written out again by Jena, so
   * neither a comment between a function's name and its bracket nor a Unicode escape in a keyword
   * hides one; a query that only looks like one of these, or that does not parse, or that is longer
   * than the policy accepts, goes without validators, which costs a cache nothing.
   */
  static boolean repeatable(String query) {
    if (query.length() > QueryPolicy.MAX_QUERY_LENGTH) {
      return false;
    }
    return DECIDED.get(
        query,
        text -> {
          try {
            String written = QueryFactory.create(text, Syntax.syntaxARQ).serialize();
            return !UNREPEATABLE.matcher(written).find();
          } catch (QueryParseException e) {
            return false;
          }
        });
  }

  /**
   * Keeps the validators and the caching of an answer that depends on the release alone (Fuseki
   * would mark every answer {@code no-cache, no-store}), and drops them from a response that turns
   * out not to be a 200.
   */
  private static final class OnlyForSuccess extends HttpServletResponseWrapper {
    private boolean success = true;

    OnlyForSuccess(HttpServletResponse response) {
      super(response);
    }

    private void drop(int status) {
      if (status != SC_OK && status != SC_NOT_MODIFIED) {
        success = false;
        super.setHeader("ETag", null);
        super.setHeader("Last-Modified", null);
        super.setHeader("Pragma", null);
        super.setHeader("Cache-Control", "no-store");
      }
    }

    private boolean kept(String name) {
      return success && (name.equalsIgnoreCase("Cache-Control") || name.equalsIgnoreCase("Pragma"));
    }

    @Override
    public void setHeader(String name, String value) {
      if (!kept(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!kept(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setStatus(int sc) {
      drop(sc);
      super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
      drop(sc);
      super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      drop(sc);
      super.sendError(sc, msg);
    }
  }
}
