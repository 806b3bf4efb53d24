package org.w3id.grandbargain.kb.publish.map;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/** The map of the places: the page ({@code /map}) and its data ({@code /map.json}). */
public record MapModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "map";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    MapServlet servlet = new MapServlet(site);
    builder.addServlet("/map", servlet);
    builder.addServlet("/map.json", servlet);
  }
}
