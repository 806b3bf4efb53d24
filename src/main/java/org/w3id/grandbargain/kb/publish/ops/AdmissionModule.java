package org.w3id.grandbargain.kb.publish.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.server.handler.DoSHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.w3id.grandbargain.kb.publish.core.Admission;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;

/**
 * Puts {@link Admission} in front of the whole server with Jetty's own handlers, outermost first:
 * {@link SizeLimitHandler} (request bodies, every path), then for the query paths only {@link
 * DoSHandler} (a rate per client), {@link PerClient} (a concurrency per client: past it, {@code
 * 429}) and {@link QoSHandler} (a concurrency for all, a bounded wait, then {@code 503}). Jetty's
 * {@code ThreadLimitHandler} is not used: it counts threads, not requests, and takes its permit
 * again for each write callback, which deadlocks a blocking servlet whose write completes on
 * another thread. A refusal carries {@code Retry-After}; a {@code 503} of an admitted request (a
 * query that timed out) does not.
 */
public record AdmissionModule(Admission admission) implements FusekiModule {
  /** The paths whose requests run queries of a client's choosing. */
  static final String[] QUERY_PATHS = {"/kb/*", "/api/*", "/search"};

  /** The response buffer: a page or a description fits, a larger answer is sent in chunks. */
  static final int OUTPUT_BUFFER = 64 << 10;

  @Override
  public String name() {
    return "admission";
  }

  @Override
  public void server(FusekiServer server) {
    Server jetty = server.getJettyServer();
    for (Connector connector : jetty.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        HttpConfiguration config = http.getHttpConfiguration();
        config.setRequestHeaderSize(admission.maxHeaderBytes());
        // Fuseki main's default gives every response a 5 MiB buffer, zeroed for each request
        config.setOutputBufferSize(OUTPUT_BUFFER);
      }
    }
    jetty.setHandler(wrap(jetty.getHandler()));
    jetty.setErrorHandler(new PlainErrors());
  }

  Handler wrap(Handler app) {
    String retryAfter = Long.toString(admission.retryAfter().toSeconds());

    String busy =
        "the endpoint is answering as many queries as it can ("
            + admission.maxQueries()
            + " at once, "
            + admission.maxWaitingQueries()
            + " waiting); retry after "
            + retryAfter
            + " s\n";
    QoSHandler shared = new SharedQueries(new Admitted(app), retryAfter, busy);
    shared.setMaxRequestCount(admission.maxQueries());
    shared.setMaxSuspendedRequestCount(admission.maxWaitingQueries());
    shared.setMaxSuspend(admission.maxWait());
    shared.includePath(QUERY_PATHS);

    PerClient perClient =
        new PerClient(shared, admission.perClientQueries(), retryAfter, this::client);
    perClient.includePath(QUERY_PATHS);

    DoSHandler rate =
        new DoSHandler(
            perClient,
            this::client,
            new DoSHandler.LeakingBucketTrackerFactory(admission.perClientRate()),
            (request, response, callback) -> {
              response.setStatus(HttpStatus.TOO_MANY_REQUESTS_429);
              response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
              explain(
                  response,
                  true,
                  "more than "
                      + admission.perClientRate()
                      + " queries a second from this client; retry after "
                      + retryAfter
                      + " s\n",
                  callback);
              return true;
            },
            100_000);
    rate.includePath(QUERY_PATHS);

    SizeLimitHandler bodies = new SizeLimitHandler(admission.maxRequestBytes(), -1);
    bodies.setHandler(rate);
    return bodies;
  }

  /**
   * The client of a request: its peer's address; for a trusted proxy, the address the proxy wrote
   * last in {@code X-Forwarded-For}.
   */
  String client(Request request) {
    String peer = Request.getRemoteAddr(request);
    if (!admission.trustedProxies().contains(peer)) {
      return peer;
    }
    String last = null;
    for (String value : request.getHeaders().getValuesList("X-Forwarded-For")) {
      for (String entry : value.split(",")) {
        if (!entry.isBlank()) {
          last = entry.strip();
        }
      }
    }
    return last == null || last.length() > 64 ? peer : last;
  }

  /**
   * At most so many query requests of one client (remote address) in progress at once; one more is
   * refused at once with {@code 429} and {@code Retry-After}, so that one client's slow queries
   * cannot take every place of the shared queue. The count is released when the response completes.
   */
  static final class PerClient extends ConditionalHandler.ElseNext {
    private final int limit;
    private final String retryAfter;
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> inProgress =
        new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.function.Function<Request, String> clients;

    PerClient(
        Handler next,
        int limit,
        String retryAfter,
        java.util.function.Function<Request, String> clients) {
      super(next);
      this.clients = clients;
      this.limit = limit;
      this.retryAfter = retryAfter;
    }

    @Override
    protected boolean onConditionsMet(Request request, Response response, Callback callback)
        throws Exception {
      String client = clients.apply(request);
      if (inProgress.merge(client, 1, Integer::sum) > limit) {
        release(client);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS_429);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
        explain(
            response,
            true,
            "this client already has "
                + limit
                + " queries in progress, the most one client may; retry after "
                + retryAfter
                + " s\n",
            callback);
        return true;
      }
      return Exchanges.handleThen(getHandler(), request, response, callback, () -> release(client));
    }

    private void release(String client) {
      inProgress.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
    }
  }

  /**
   * The errors Jetty answers itself (a malformed request line, an ambiguous or badly encoded path,
   * a head too large) as plain text, whatever the request accepts: no page is built from a
   * request's text.
   */
  static final class PlainErrors extends org.apache.jena.fuseki.main.sys.FusekiErrorHandler {
    PlainErrors() {
      setShowStacks(false);
      setShowCauses(false);
    }

    @Override
    protected boolean generateAcceptableResponse(
        Request request,
        Response response,
        Callback callback,
        String contentType,
        java.util.List<java.nio.charset.Charset> charsets,
        int code,
        String message,
        Throwable cause)
        throws java.io.IOException {
      return super.generateAcceptableResponse(
          request,
          response,
          callback,
          "text/plain",
          java.util.List.of(StandardCharsets.UTF_8),
          code,
          // a failure of the server's own says nothing of its code (the log has it)
          code == 500 && cause != null ? SiteServlet.FAILED : message,
          cause);
    }
  }

  /**
   * Jetty's bounded queue for the query paths; what it answers itself (the queue full, a wait too
   * long) says when to come back.
   */
  private static final class SharedQueries extends QoSHandler {
    private final String retryAfter;
    private final String busy;

    SharedQueries(Handler next, String retryAfter, String busy) {
      super(next);
      this.retryAfter = retryAfter;
      this.busy = busy;
    }

    @Override
    public boolean onConditionsMet(Request request, Response response, Callback callback)
        throws Exception {
      return super.onConditionsMet(
          request, new Refusable(request, response, retryAfter, busy), callback);
    }

    @Override
    protected void failSuspended(
        Request request, Response response, Callback callback, int status, Throwable failure) {
      if (status != HttpStatus.SERVICE_UNAVAILABLE_503) {
        // not a wait that ran out: a fault, said as such
        super.failSuspended(request, response, callback, status, failure);
        return;
      }
      if (response.isCommitted()) {
        callback.failed(failure);
        return;
      }
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
      explain(response, true, busy, callback);
    }
  }

  /**
   * A response that, set to {@code 503} before the request was admitted, says why and when to
   * retry.
   */
  private static final class Refusable extends Response.Wrapper {
    private final String retryAfter;
    private final String message;
    private boolean refused;

    Refusable(Request request, Response wrapped, String retryAfter, String message) {
      super(request, wrapped);
      this.retryAfter = retryAfter;
      this.message = message;
    }

    @Override
    public void setStatus(int code) {
      if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
        refused = true;
        getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
      }
      super.setStatus(code);
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
      if (refused && !isCommitted() && (content == null || !content.hasRemaining())) {
        refused = false;
        explain(getWrapped(), last, message, callback);
        return;
      }
      super.write(last, content, callback);
    }
  }

  /** Writes a refusal's reason as the body of its response. */
  static void explain(Response response, boolean last, String message, Callback callback) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(last, ByteBuffer.wrap(bytes), callback);
  }

  /** Past the queue: the request runs with its own response again. */
  private static final class Admitted extends Handler.Wrapper {
    Admitted(Handler app) {
      super(app);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      Response own = response instanceof Refusable refusable ? refusable.getWrapped() : response;
      return super.handle(request, own, callback);
    }
  }
}
