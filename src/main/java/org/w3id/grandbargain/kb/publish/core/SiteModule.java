package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;

/**
 * What the site's features share on every path: rendered answers kept in memory once per release
 * and variant, a helpful page instead of a bare 404 anywhere on the server (Fuseki's backstop
 * included) for people, and answers compressed for the clients that accept it.
 */
public record SiteModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "site";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    builder.addFilter("/*", new NotFoundPages());
    builder.addFilter("/*", RenderedOnce.site(RENDERED_BYTES));
  }

  /**
   * Compresses answers with gzip for a client that sends {@code Accept-Encoding: gzip} (Jetty's
   * {@link GzipHandler}: {@code Vary: Accept-Encoding}, the {@code ETag} of the compressed variant
   * marked as its own and matched again on a conditional request). Downloads are not compressed on
   * the fly: each release has its own compressed dumps, and a file is sent as it is stored. Request
   * bodies are never inflated, so the bound on a request's body is a bound on what is read.
   */
  @Override
  public void server(FusekiServer server) {
    Server jetty = server.getJettyServer();
    GzipHandler gzip = new GzipHandler(jetty.getHandler());
    gzip.setIncludedMethods("GET", "HEAD", "POST");
    gzip.setExcludedPaths("/download/*");
    gzip.setMinGzipSize(1024);
    gzip.setInflateBufferSize(0);
    jetty.setHandler(gzip);
  }

  /** How many bytes of rendered answers are kept in memory. */
  private static final long RENDERED_BYTES = 64L << 20;

  /**
   * Turns a bare 404 from anywhere (Fuseki's backstop included) into the site's page, for browsers.
   */
  private final class NotFoundPages implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest request = (HttpServletRequest) req;
      HttpServletResponse response = (HttpServletResponse) resp;
      if (!SiteServlet.acceptsHtml(request)) {
        chain.doFilter(req, resp);
        return;
      }
      chain.doFilter(
          request,
          new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int sc, String msg) throws IOException {
              if (sc == HttpServletResponse.SC_NOT_FOUND && !isCommitted()) {
                HttpSupport.send(response, sc, "text/html", site.notFoundPage(request, null));
              } else {
                super.sendError(sc, msg);
              }
            }

            @Override
            public void sendError(int sc) throws IOException {
              sendError(sc, null);
            }
          });
    }
  }
}
