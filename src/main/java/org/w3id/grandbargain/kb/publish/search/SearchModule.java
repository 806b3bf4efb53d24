package org.w3id.grandbargain.kb.publish.search;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * Search over the release's names and descriptions: {@code /search?q=} lists the hits as a page,
 * {@code /api/search?q=} as JSON (an exact path, so it is answered before the named-query API's
 * {@code /api/*}).
 */
public record SearchModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "search";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    SearchServlet search = new SearchServlet(site);
    builder.addServlet(SearchServlet.PAGE, search);
    builder.addServlet(SearchServlet.API, search);
  }
}
