package org.w3id.grandbargain.kb.publish.network;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * The network of who did what to whom: the page ({@code /network}) and its data ({@code .json}).
 */
public record NetworkModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "network";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    NetworkServlet servlet = new NetworkServlet(site);
    builder.addServlet("/network", servlet);
    builder.addServlet("/network.json", servlet);
  }
}
