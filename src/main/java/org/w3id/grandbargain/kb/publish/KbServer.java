package org.w3id.grandbargain.kb.publish;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;

/**
 * The one wiring function of the server, called by the command line's {@code serve} and by the
 * tests alike, so that tests exercise exactly the production routes.
 *
 * <pre>{@code
 * try (Publication publication = Publication.open(layout, store)) {
 *   FusekiServer server = KbServer.build(ServerSettings.defaults(), publication).start();
 *   server.join();
 * }
 * }</pre>
 *
 * <p>Fuseki main is extended only through {@code FusekiModule}s: CORS, the read-only SPARQL
 * endpoint, the linked-data site, and admission (request sizes, query concurrency per client and in
 * all, with a fast refusal past them), and operations (health and metrics on a port of their own,
 * measuring every request). Fuseki's admin, ping, stats, metrics, compaction and task endpoints
 * stay off, so nothing but reading is exposed on the public port.
 */
public final class KbServer {
  private KbServer() {}

  /** The port of health and metrics of a started server, or -1 when it has none. */
  public static int opsPort(FusekiServer server) {
    return OpsModule.opsPort(server);
  }

  /** Builds (does not start) the server for a publication. */
  public static FusekiServer build(ServerSettings settings, Publication publication) {
    org.w3id.grandbargain.kb.query.QueryPolicy.lockDown();
    Site site = new Site(publication, settings);
    FusekiModules modules =
        FusekiModules.create(
            new CorsModule(),
            new SparqlEndpointModule(site),
            new SiteModule(site),
            new AdmissionModule(settings.admission()),
            new OpsModule(site, settings));
    return FusekiServer.create()
        .port(settings.port())
        .fusekiModules(modules)
        .enablePing(false)
        .enableStats(false)
        .enableMetrics(false)
        .enableCompact(false)
        .enableTasks(false)
        .enableCors(false)
        .verbose(false)
        .build();
  }
}
