package org.w3id.grandbargain.kb.publish.linkeddata;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.rdf.model.Model;
import org.w3id.grandbargain.kb.publish.core.Site;

/**
 * Linked data: every IRI of the knowledge base dereferences ({@code /id/*}, {@code /graph/*}) to
 * its negotiated description ({@code /doc/*}), any form of an IRI resolves ({@code /resolve}), and
 * the ontology and shapes are served at their own IRIs.
 */
public record LinkedDataModule(Site site) implements FusekiModule {

  @Override
  public String name() {
    return "linked-data";
  }

  @Override
  public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
    Describer describer =
        new Describer(
            site.publication(), site.knowledge(), site.links(), site.settings().pageSize());
    ResourceServlet resources = new ResourceServlet(site, describer);
    builder.addServlet("/id/*", resources);
    builder.addServlet("/graph/*", resources);
    builder.addServlet("/doc/*", resources);
    builder.addServlet("/resolve", resources);
    VocabularyServlet vocabularies = new VocabularyServlet(site);
    builder.addServlet("/ontology", vocabularies);
    builder.addServlet("/ontology/*", vocabularies);
    builder.addServlet("/shapes", vocabularies);
  }
}
