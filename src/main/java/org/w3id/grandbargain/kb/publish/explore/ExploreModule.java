package org.w3id.grandbargain.kb.publish.explore;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * The pages people start from: the home page ({@code /}) and the index of everything ({@code
 * /index}).
 */
public record ExploreModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "explore";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    PagesServlet pages = new PagesServlet(site);
    builder.addServlet("", pages);
    builder.addServlet("/index", pages);
  }
}
