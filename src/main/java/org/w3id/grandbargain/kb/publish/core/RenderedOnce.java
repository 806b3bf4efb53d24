package org.w3id.grandbargain.kb.publish.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The site's answers rendered once and served from memory: a release never changes while it is
 * served, so a description, a page, a vocabulary or an API answer computed for one request is the
 * answer to every request with the same path, parameters, {@code Accept} and site address (scheme,
 * host and port, as the client used them). Caffeine holds them, bounded by their bytes.
 *
 * <p>Only a {@code 200} or a {@code 303} of a {@code GET} is kept, at most {@link #MAX_BODY} bytes,
 * and not when the answer says it must not be stored or shared ({@code no-store}, {@code no-cache},
 * {@code private}: a federated API query). A conditional request goes to the servlet, whose {@code
 * 304} costs little. The headers set per request (CORS, the security headers, {@code Vary: Origin},
 * the date) are set again on every answer by the filters in front of this one, and are not kept.
 */
public final class RenderedOnce implements Filter {
  /** The largest answer kept. */
  public static final int MAX_BODY = 1 << 20;

  /**
   * The paths of the site whose answers depend on the release only: the site's own instance keeps
   * them ({@link #site}); the endpoint keeps its own, and downloads are files already.
   */
  private static final List<String> PREFIXES =
      List.of(
          "/id/", "/doc/", "/graph/", "/ontology", "/shapes", "/dataset", "/.well-known/", "/api");

  private static final Set<String> PER_REQUEST =
      Set.of(
          "content-length",
          "date",
          "connection",
          "transfer-encoding",
          "x-content-type-options",
          "content-security-policy",
          "x-frame-options",
          "referrer-policy",
          "fuseki-request-id");

  private final Cache<Key, Answer> answers;
  private final Predicate<String> paths;
  private final boolean onlyValidated;

  /**
   * Keeps the answers to GETs of the given paths.
   *
   * @param maxBytes the bound on the bytes kept
   * @param paths which request paths it applies to
   * @param onlyValidated whether an answer is kept only when it carries an {@code ETag}: where the
   *     paths also answer what does not depend on the release alone (a SPARQL query that calls
   *     SERVICE or NOW()), the validators are the sign that it does
   */
  public RenderedOnce(long maxBytes, Predicate<String> paths, boolean onlyValidated) {
    this.paths = paths;
    this.onlyValidated = onlyValidated;
    this.answers =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((Key key, Answer a) -> key.size() + a.body().length + 256)
            .build();
  }

  /**
   * What an answer is the answer to: the path as servlets are matched on it (decoded and
   * normalised), the query string, every {@code Accept} header (negotiation reads them all) and the
   * site address the client used.
   */
  record Key(String path, String query, List<String> accept, String site) {
    static Key of(HttpServletRequest request) {
      return new Key(
          RenderedOnce.path(request),
          request.getQueryString(),
          java.util.Collections.list(request.getHeaders("Accept")),
          HttpSupport.requestSite(request));
    }

    int size() {
      return path.length()
          + (query == null ? 0 : query.length())
          + accept.stream().mapToInt(String::length).sum()
          + site.length();
    }
  }

  /** The path as servlets are matched on it: decoded, normalised, without {@code ;parameters}. */
  private static String path(HttpServletRequest request) {
    return request.getServletPath() + java.util.Objects.toString(request.getPathInfo(), "");
  }

  /** One kept answer: its status, the headers that belong to it, its body. */
  public record Answer(int status, List<String[]> headers, byte[] body) {}

  /** The site's answers: the pages, descriptions, vocabularies, dataset and API. */
  public static RenderedOnce site(long maxBytes) {
    return new RenderedOnce(
        maxBytes,
        path ->
            path.equals("/")
                || path.equals("/index")
                || PREFIXES.stream().anyMatch(path::startsWith),
        false);
  }

  private boolean applies(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && request.getHeader("If-None-Match") == null
        && request.getHeader("If-Modified-Since") == null
        && paths.test(path(request));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!applies(request)) {
      chain.doFilter(request, response);
      return;
    }
    Key key = Key.of(request);
    Answer kept = answers.getIfPresent(key);
    if (kept != null) {
      replay(kept, response);
      return;
    }
    Capture capture = new Capture(response);
    chain.doFilter(request, capture);
    byte[] body = capture.finish();
    if (body == null) {
      return; // too large: it was sent as it was written
    }
    int status = response.getStatus();
    String cacheControl =
        String.valueOf(response.getHeader("Cache-Control")).toLowerCase(Locale.ROOT);
    if ((status == 200 || status == 303)
        && !capture.errorSent
        && !cacheControl.contains("no-store")
        && !cacheControl.contains("no-cache")
        && !cacheControl.contains("private")
        && (!onlyValidated || response.getHeader("ETag") != null)) {
      List<String[]> headers = new ArrayList<>();
      for (String name : response.getHeaderNames()) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (PER_REQUEST.contains(lower) || lower.startsWith("access-control-")) {
          continue;
        }
        for (String value : response.getHeaders(name)) {
          if (lower.equals("vary") && value.equalsIgnoreCase("Origin")) {
            continue;
          }
          headers.add(new String[] {name, value});
        }
      }
      answers.put(key, new Answer(status, List.copyOf(headers), body));
    }
    if (!response.isCommitted() && body.length > 0) {
      response.setContentLength(body.length);
    }
    response.getOutputStream().write(body);
  }

  /** Sends a kept answer; a header the filters in front have set already is not set twice. */
  private static void replay(Answer answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    for (String[] header : answer.headers()) {
      if (header[0].equalsIgnoreCase("Vary")) {
        vary(response, header[1]);
      } else if (!response.getHeaders(header[0]).contains(header[1])) {
        response.addHeader(header[0], header[1]);
      }
    }
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }

  /** Adds the names of a kept {@code Vary} that the response does not list yet. */
  private static void vary(HttpServletResponse response, String kept) {
    Set<String> present = new java.util.HashSet<>();
    for (String value : response.getHeaders("Vary")) {
      for (String name : value.split(",")) {
        present.add(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String name : kept.split(",")) {
      if (present.add(name.strip().toLowerCase(Locale.ROOT))) {
        missing.add(name.strip());
      }
    }
    if (!missing.isEmpty()) {
      response.addHeader("Vary", String.join(", ", missing));
    }
  }

  /**
   * The response as the servlet writes it, held in memory up to {@link #MAX_BODY} bytes; past that,
   * what was held is sent and the rest goes straight through.
   */
  private static final class Capture extends HttpServletResponseWrapper {
    private final HttpServletResponse real;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private OutputStream target = held;
    private boolean overflowed;
    private boolean errorSent;
    private ServletOutputStream stream;
    private PrintWriter writer;

    Capture(HttpServletResponse real) {
      super(real);
      this.real = real;
    }

    private void write(byte[] b, int off, int len) throws IOException {
      if (!overflowed && held.size() + len > MAX_BODY) {
        overflowed = true;
        target = real.getOutputStream();
        target.write(held.toByteArray());
      }
      target.write(b, off, len);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                Capture.this.write(new byte[] {(byte) b}, 0, 1);
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                Capture.this.write(b, off, len);
              }

              @Override
              public void close() {
                // the filter sends what is held once the servlet is done
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("blocking writes only");
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      // set again from what was written
    }

    @Override
    public void setContentLengthLong(long len) {
      // set again from what was written
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      errorSent = true;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      errorSent = true;
      super.sendError(sc);
    }

    @Override
    public void resetBuffer() {
      if (!overflowed) {
        held.reset();
      }
      super.resetBuffer();
    }

    @Override
    public void reset() {
      if (!overflowed) {
        held.reset();
      }
      super.reset();
    }

    @Override
    public void flushBuffer() throws IOException {
      if (overflowed) {
        super.flushBuffer();
      }
    }

    /** What was held, or null when it overflowed and went straight through. */
    byte[] finish() throws IOException {
      if (writer != null) {
        writer.flush();
      }
      return overflowed ? null : held.toByteArray();
    }
  }
}
