package org.w3id.grandbargain.kb.publish.dataset;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * The dataset as a whole: its description in VoID and DCAT ({@code /dataset}, {@code
 * /.well-known/void}) and the downloads of each release ({@code /download/<release>/<file>}, {@code
 * /download/latest/<file>}).
 */
public record DatasetModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "dataset";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    DatasetServlet dataset = new DatasetServlet(site);
    builder.addServlet("/dataset", dataset);
    builder.addServlet("/dataset/*", dataset);
    builder.addServlet("/.well-known/void", dataset);
    builder.addServlet("/download/*", new DownloadServlet(site));
  }
}
