package org.w3id.grandbargain.kb.publish.timeline;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/** The timeline for readers ({@code /timeline}). */
public record TimelineModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "timeline";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    builder.addServlet("/timeline", new TimelineServlet(site));
  }
}
