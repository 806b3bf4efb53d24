package org.w3id.grandbargain.kb.publish.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * Health and metrics, on a port of their own that a deployment keeps private (by default bound to
 * loopback; off unless {@link ServerSettings#opsPort()} is set):
 *
 * <ul>
 *   <li>{@code /health/live}: 200 while the process serves;
 *   <li>{@code /health/ready}: 200 when the release's store answers a read, else 503;
 *   <li>{@code /metrics}: Micrometer's Prometheus registry in the Prometheus text format: requests
 *       by kind and status with latency histograms ({@code gb_http_requests_seconds}), requests in
 *       progress by kind, queries refused by admission (by reason) and timed out, and the JVM's
 *       memory, threads and processor.
 * </ul>
 *
 * Every request on the public port is measured, refusals by {@link AdmissionModule} included, as
 * this module wraps the outermost handler.
 */
public final class OpsModule implements FusekiModule {
  /** The kinds of request that metrics tell apart, by path. */
  enum Kind {
    SPARQL,
    API,
    LINKED_DATA,
    DATASET,
    DOWNLOAD,
    PAGE;

    static Kind of(String path) {
      if (path.equals("/kb") || path.startsWith("/kb/")) {
        return SPARQL;
      }
      if (path.equals("/api") || path.startsWith("/api/")) {
        return API;
      }
      if (path.startsWith("/download/")) {
        return DOWNLOAD;
      }
      if (path.equals("/dataset")
          || path.startsWith("/dataset/")
          || path.startsWith("/.well-known/")) {
        return DATASET;
      }
      for (String prefix :
          new String[] {"/id/", "/doc/", "/graph/", "/resolve", "/ontology", "/shapes"}) {
        if (path.startsWith(prefix)) {
          return LINKED_DATA;
        }
      }
      return PAGE;
    }

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final Site site;
  private final ServerSettings settings;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Kind, AtomicInteger> active = new EnumMap<>(Kind.class);

  /** The latency timer of each kind and status, registered on its first request. */
  private final Map<Kind, java.util.concurrent.ConcurrentMap<Integer, Timer>> timers =
      new EnumMap<>(Kind.class);

  private final Counter refusedBusy;
  private final Counter refusedRate;
  private final Counter timedOut;

  public OpsModule(Site site, ServerSettings settings) {
    this.site = site;
    this.settings = settings;
    for (Kind kind : Kind.values()) {
      AtomicInteger n = new AtomicInteger();
      active.put(kind, n);
      timers.put(kind, new java.util.concurrent.ConcurrentHashMap<>());
      Gauge.builder("gb.http.requests.active", n, AtomicInteger::get)
          .description("requests in progress")
          .tag("kind", kind.tag())
          .register(registry);
    }
    refusedBusy = refused("busy");
    refusedRate = refused("client");
    timedOut =
        Counter.builder("gb.queries.timed.out")
            .description("query requests that ran to the query timeout")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  private Counter refused(String reason) {
    return Counter.builder("gb.queries.refused")
        .description("query requests refused by admission, before they ran")
        .tag("reason", reason)
        .register(registry);
  }

  @Override
  public String name() {
    return "ops";
  }

  @Override
  public void server(FusekiServer server) {
    Server jetty = server.getJettyServer();
    ServerConnector ops = null;
    if (settings.opsPort() >= 0) {
      ops = new ServerConnector(jetty);
      ops.setName("ops");
      ops.setHost(settings.opsHost());
      ops.setPort(settings.opsPort());
      jetty.addConnector(ops);
    }
    jetty.setHandler(new Measured(jetty.getHandler(), ops));
  }

  /** The port of health and metrics once the server has started, or -1 when there is none. */
  public static int opsPort(FusekiServer server) {
    for (var c : server.getJettyServer().getConnectors()) {
      if ("ops".equals(c.getName()) && c instanceof ServerConnector sc) {
        return sc.getLocalPort();
      }
    }
    return -1;
  }

  private boolean ready() {
    return site.knowledge().ready();
  }

  private final class Measured extends Handler.Wrapper {
    private final ServerConnector ops;

    Measured(Handler app, ServerConnector ops) {
      super(app);
      this.ops = ops;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (ops != null && request.getConnectionMetaData().getConnector() == ops) {
        answerOps(request, response, callback);
        return true;
      }
      Kind kind = Kind.of(Request.getPathInContext(request));
      long start = System.nanoTime();
      AtomicInteger inProgress = active.get(kind);
      inProgress.incrementAndGet();
      return Exchanges.handleThen(
          getHandler(),
          request,
          response,
          callback,
          () -> record(kind, response, start, inProgress));
    }
  }

  private void record(Kind kind, Response response, long start, AtomicInteger inProgress) {
    inProgress.decrementAndGet();
    int status = response.getStatus();
    timers
        .get(kind)
        .computeIfAbsent(
            status,
            st ->
                Timer.builder("gb.http.requests")
                    .description("requests answered, by kind and status")
                    .tag("kind", kind.tag())
                    .tag("status", Integer.toString(st))
                    .publishPercentileHistogram()
                    .register(registry))
        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    boolean retry = response.getHeaders().contains(HttpHeader.RETRY_AFTER);
    if (status == HttpStatus.TOO_MANY_REQUESTS_429 && retry) {
      refusedRate.increment();
    } else if (status == HttpStatus.SERVICE_UNAVAILABLE_503) {
      if (retry) {
        refusedBusy.increment();
      } else if (kind == Kind.SPARQL || kind == Kind.API) {
        timedOut.increment();
      }
    }
  }

  private void answerOps(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    int status;
    String type = "text/plain;charset=utf-8";
    String body;
    switch (path) {
      case "/health/live" -> {
        status = 200;
        body = "live\n";
      }
      case "/health/ready" -> {
        boolean ready = ready();
        status = ready ? 200 : 503;
        body = ready ? "ready: release " + site.publication().release().id() + "\n" : "not ready\n";
      }
      case "/metrics" -> {
        status = 200;
        type = "text/plain;version=0.0.4;charset=utf-8";
        body = registry.scrape();
      }
      default -> {
        status = 404;
        body = "Not found: this port answers /health/live, /health/ready and /metrics.\n";
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }
}
