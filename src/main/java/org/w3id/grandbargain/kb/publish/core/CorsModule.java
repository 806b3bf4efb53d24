package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.servlets.CrossOriginFilter;
import org.apache.jena.rdf.model.Model;

/**
 * CORS for the whole site (endpoint, API, linked data, downloads) with Fuseki's own filter,
 * configured for a read-only server: any origin, the read methods, and the response headers a
 * script needs to see (validators, Content-Location, Vary, when to retry).
 */
public final class CorsModule implements FusekiModule {
  public static final Map<String, String> SETTINGS =
      Map.of(
          CrossOriginFilter.ALLOWED_ORIGINS_PARAM, "*",
          CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,HEAD,POST,OPTIONS",
          CrossOriginFilter.ALLOWED_HEADERS_PARAM,
              "X-Requested-With, Content-Type, Accept, Origin, If-None-Match, If-Modified-Since",
          CrossOriginFilter.EXPOSED_HEADERS_PARAM,
              "Cache-Control, Content-Language, Content-Length, Content-Type, Content-Location, ETag, Expires, Last-Modified, Location, Retry-After, Vary",
          CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, "86400",
          CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false",
          CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");

  @Override
  public String name() {
    return "cors";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    builder.addFilter("/*", new ConfiguredCrossOriginFilter());
    builder.addFilter("/*", new SecurityHeadersFilter());
  }

  /**
   * The security headers of every response: browsers take each as the type it says it is ({@code
   * nosniff}); a page runs no script, loads nothing from elsewhere and cannot be framed ({@link
   * #CONTENT_SECURITY_POLICY}); links to other sites carry no more than the origin.
   */
  public static final class SecurityHeadersFilter implements jakarta.servlet.Filter {
    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request,
        jakarta.servlet.ServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws java.io.IOException, ServletException {
      if (response instanceof jakarta.servlet.http.HttpServletResponse http) {
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader(
            "Content-Security-Policy",
            request instanceof jakarta.servlet.http.HttpServletRequest r
                    && QUERY_EDITOR_PATH.equals(r.getRequestURI())
                ? QUERY_EDITOR_POLICY
                : CONTENT_SECURITY_POLICY);
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
      }
      chain.doFilter(request, response);
    }
  }

  /**
   * What a page may do: run scripts from the site's own files only (no inline script; the JSON-LD
   * blocks are data, not run), use the pages' style block (allowed by its digest) and the site's
   * style sheets, fetch from the site only, show images from the site and {@code data:} ones, send
   * forms to the site only; no framing, no {@code <base>}.
   */
  public static final String CONTENT_SECURITY_POLICY = policy("");

  /** The path of the SPARQL page, whose query editor needs {@link #QUERY_EDITOR_POLICY}. */
  static final String QUERY_EDITOR_PATH = "/kb/sparql";

  /**
   * The SPARQL page's policy: the site's, and the two fixed style sheets that the results table's
   * column resizer (column-resizer, bundled in YASGUI 4.5.0) writes into {@code <style>} elements,
   * each allowed by its digest and nothing else: its layout rules, when a table is drawn, and
   * {@code *{cursor:col-resize!important}} while a column is dragged. Inline style attributes and
   * {@code eval} stay refused; YASGUI sets styles through the DOM, which the policy allows.
   */
  public static final String QUERY_EDITOR_POLICY =
      policy(
          " 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk='"
              + " 'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg='");

  private static String policy(String moreStyles) {
    return "default-src 'none'; script-src 'self'; style-src 'self' '"
        + Pages.styleDigest()
        + "'"
        + moreStyles
        + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
        + " base-uri 'none'; frame-ancestors 'none'";
  }

  /** Fuseki's filter, given its settings in code instead of a file. */
  public static final class ConfiguredCrossOriginFilter extends CrossOriginFilter {
    @Override
    public void init(FilterConfig config) throws ServletException {
      super.init(
          new FilterConfig() {
            @Override
            public String getFilterName() {
              return "cors";
            }

            @Override
            public ServletContext getServletContext() {
              return config.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
              return SETTINGS.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
              return Collections.enumeration(SETTINGS.keySet());
            }
          });
    }
  }
}
