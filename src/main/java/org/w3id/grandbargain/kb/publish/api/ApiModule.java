package org.w3id.grandbargain.kb.publish.api;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * The named queries of the release as a web API: {@code /api} lists them, {@code /api/<name>} runs
 * one.
 */
public record ApiModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "api";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    ApiServlet api = new ApiServlet(site);
    builder.addServlet("/api", api);
    builder.addServlet("/api/*", api);
  }
}
