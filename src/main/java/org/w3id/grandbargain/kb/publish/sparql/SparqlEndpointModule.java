package org.w3id.grandbargain.kb.publish.sparql;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.grandbargain.kb.publish.core.RenderedOnce;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * The read-only SPARQL endpoint: the dataset {@code /kb} with only two operations, query at {@code
 * /kb/sparql} and Graph Store Protocol reading at {@code /kb/data}; no update, upload or
 * graph-store write is registered, so none is reachable. Queries run under the server's {@link
 * org.w3id.grandbargain.kb.query.QueryPolicy}, through {@link ReadOnlyQueryService}.
 */
public record SparqlEndpointModule(Site site) implements FusekiModule {
  /** The dataset's path on the server. */
  static final String DATASET = "/kb";

  @Override
  public String name() {
    return "sparql-endpoint";
  }

  /** The bound on the bytes of the endpoint's answers kept in memory, apart from the site's. */
  public static final long ANSWER_BYTES = 32L << 20;

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    // Fuseki begins its read on the served dataset; the query is the seam's, under its policy
    DatasetGraph dsg = site.knowledge().served();
    DataService service =
        DataService.newBuilder(dsg)
            .addEndpoint(Operation.Query, "sparql")
            .addEndpoint(Operation.GSP_R, "data")
            .build();
    builder.add(DATASET, service);
    builder.addFilter("/*", new EndpointProtocol.ReadOnly());
    builder.addFilter(DATASET + "/*", new EndpointProtocol.Validators(site));
    // an answer with validators depends on the release only: computed once, then from memory
    builder.addFilter(
        DATASET + "/*",
        new RenderedOnce(
            ANSWER_BYTES, path -> path.equals(DATASET) || path.startsWith(DATASET + "/"), true));
    builder.registerOperation(
        Operation.Query, new ReadOnlyQueryService(new ServiceDescription(site), site.knowledge()));
  }
}
