package org.w3id.grandbargain.kb.publish;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.w3id.grandbargain.kb.publish.api.ApiModule;
import org.w3id.grandbargain.kb.publish.core.Assets;
import org.w3id.grandbargain.kb.publish.core.CorsModule;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteModule;
import org.w3id.grandbargain.kb.publish.dataset.DatasetModule;
import org.w3id.grandbargain.kb.publish.explore.ExploreModule;
import org.w3id.grandbargain.kb.publish.linkeddata.LinkedDataModule;
import org.w3id.grandbargain.kb.publish.map.MapModule;
import org.w3id.grandbargain.kb.publish.network.NetworkModule;
import org.w3id.grandbargain.kb.publish.ops.AdmissionModule;
import org.w3id.grandbargain.kb.publish.ops.OpsModule;
import org.w3id.grandbargain.kb.publish.search.SearchModule;
import org.w3id.grandbargain.kb.publish.sparql.SparqlEndpointModule;
import org.w3id.grandbargain.kb.publish.timeline.TimelineModule;

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
 * <p>Fuseki main is extended only through {@code FusekiModule}s, one per feature, each in its own
 * package over the shared {@link Site}: CORS, the read-only SPARQL endpoint ({@code sparql}),
 * linked data ({@code linkeddata}), the home page and index ({@code explore}), the dataset
 * description and downloads ({@code dataset}), the timeline ({@code timeline}), search ({@code
 * search}), the network and the map ({@code network}, {@code map}), the named-query API ({@code
 * api}), what every path shares ({@code SiteModule}), and admission (request sizes, query
 * concurrency per client and in all, with a fast refusal past them), and operations (health and
 * metrics on a port of their own, measuring every request). Fuseki's admin, ping, stats, metrics,
 * compaction and task endpoints stay off, so nothing but reading is exposed on the public port.
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
            new Assets(),
            new SparqlEndpointModule(site),
            new LinkedDataModule(site),
            new ExploreModule(site),
            new TimelineModule(site),
            new NetworkModule(site),
            new MapModule(site),
            new DatasetModule(site),
            new SearchModule(site),
            new ApiModule(site),
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
