package org.w3id.grandbargain.kb.publish.dataset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.store.DumpFile;
import org.w3id.grandbargain.kb.store.Release;

/**
 * The dataset description in VoID and DCAT, at its stable IRI {@code /dataset} and at VoID's
 * well-known location {@code /.well-known/void}, negotiated between HTML and the RDF formats.
 */
public final class DatasetServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;
  private final transient DatasetDescription description;

  DatasetServlet(Site site) {
    super(site);
    this.description = new DatasetDescription(site.publication());
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND, "No document at " + request.getRequestURI() + ".");
    }
    boolean wellKnown = request.getServletPath().equals("/.well-known/void");
    Representation rep;
    if (wellKnown
        && request.getParameter("format") == null
        && request.getHeader("Accept") == null) {
      rep = Representation.TURTLE;
    } else {
      rep = choose(request);
    }
    response.addHeader("Vary", "Accept");
    String site = this.site.siteUrl(request);
    if (this.site.notModified(
        request, response, 3600, request.getServletPath() + "|" + rep + "|" + site)) {
      return;
    }
    Model model = description.describe(site);
    if (rep.isRdf()) {
      sendRdf(response, model.getGraph(), rep);
      return;
    }
    Release release = this.site.publication().release();
    List<Map<String, Object>> files = new ArrayList<>();
    for (DumpFile f : release.files()) {
      files.add(
          Pages.map(
              "href", "/download/" + release.id() + "/" + f.path(),
              "latest", "/download/latest/" + f.path(),
              "name", f.path(),
              "format", f.format(),
              "bytes", f.bytes(),
              "size", Pages.size(f.bytes()),
              "statements", f.statements(),
              "sha256", f.sha256()));
    }
    Model curated = this.site.publication().datasetDescription();
    HttpSupport.send(
        response,
        HttpServletResponse.SC_OK,
        "text/html",
        this.site
            .pages()
            .render(
                "dataset",
                Pages.map(
                    "title", DatasetDescription.text(curated, DCTerms.title),
                    "description", DatasetDescription.text(curated, DCTerms.description),
                    "formats", formats("/dataset", false),
                    "alternates", formats("/dataset", false),
                    "jsonld", embeddedJsonLd(model.getGraph()),
                    "release", release.id(),
                    "modified", release.builtAt().toString(),
                    "issued", DatasetDescription.text(curated, DCTerms.issued),
                    "license", DatasetDescription.text(curated, DCTerms.license),
                    "endpoint", site + "kb/sparql",
                    "triples", release.triples(),
                    "files", files)));
  }
}
