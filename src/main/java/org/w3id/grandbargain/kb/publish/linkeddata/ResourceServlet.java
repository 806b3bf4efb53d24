package org.w3id.grandbargain.kb.publish.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.publish.linkeddata.Describer.Description;

/**
 * Dereferencing, after the W3C Cool URIs recipe with 303 redirects. A thing's IRI ({@code /id/...},
 * {@code /graph/...}) answers {@code 303 See Other} to its description at {@code /doc/id/...}; the
 * description is negotiated (HTML, Turtle, JSON-LD, N-Triples, RDF/XML; {@code Vary: Accept},
 * {@code Content-Location} naming the chosen variant), or fixed by a suffix ({@code /doc/id/x.ttl})
 * or {@code ?format=ttl}. TriG, N-Quads and JSON-LD keep each statement in the graph of the claim
 * or of the editors that states it; the triple formats point to them with {@code Link} headers.
 * {@code /resolve?iri=} takes an IRI in any form (http or https, with a fragment) and redirects to
 * its page.
 */
public final class ResourceServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;
  private static final String PROV_HAS_PROVENANCE = "http://www.w3.org/ns/prov#has_provenance";

  private final transient Describer describer;

  ResourceServlet(Site site, Describer describer) {
    super(site);
    this.describer = describer;
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String servletPath = request.getServletPath();
    String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
    switch (servletPath) {
      case "/resolve" -> resolve(request, response);
      case "/doc" -> document(request, response, rest);
      default -> redirect(request, response, servletPath + rest);
    }
  }

  private boolean known(String iri) {
    return site.publication().isResource(iri) || site.publication().isGraph(iri);
  }

  private void redirect(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    String iri = site.space().iriOf(path);
    if (!known(iri)) {
      throw new HttpError(HttpServletResponse.SC_NOT_FOUND, "No resource has the IRI " + iri + ".");
    }
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader(
        "Location", IriSpace.encode("/doc" + path) + (query == null ? "" : "?" + query));
    HttpSupport.cacheable(response, 3600);
  }

  private void resolve(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String given = request.getParameter("iri");
    if (given == null || given.isBlank()) {
      throw new HttpError(
          HttpServletResponse.SC_BAD_REQUEST, "resolve needs ?iri=<an IRI of the knowledge base>");
    }
    String canonical = site.space().canonical(given);
    String fragment = IriSpace.fragment(given);
    if (!site.links().hasPage(canonical)) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND, "No resource has the IRI " + given + ".");
    }
    String href = site.links().href(canonical);
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", fragment == null ? href : href + "#" + fragment);
  }

  private void document(HttpServletRequest request, HttpServletResponse response, String rest)
      throws IOException {
    Representation fixed = null;
    String path = rest;
    int slash = rest.lastIndexOf('/');
    int dot = rest.lastIndexOf('.');
    if (dot > slash) {
      String suffix = rest.substring(dot + 1);
      fixed =
          Representation.bySuffix(suffix)
              .orElseThrow(
                  () ->
                      new HttpError(
                          HttpServletResponse.SC_NOT_FOUND,
                          "No description in a format with suffix '."
                              + suffix
                              + "'; use one of "
                              + Representation.suffixes()
                              + "."));
      path = rest.substring(0, dot);
    }
    if (!(path.startsWith("/id/") || path.startsWith("/graph/"))) {
      throw new HttpError(HttpServletResponse.SC_NOT_FOUND, "No document at /doc" + rest + ".");
    }
    String iri = site.space().iriOf(path);
    if (!known(iri)) {
      throw new HttpError(HttpServletResponse.SC_NOT_FOUND, "No resource has the IRI " + iri + ".");
    }
    int page = page(request);
    String pageQuery = SiteServlet.pageQuery(page);
    Representation rep;
    if (fixed != null) {
      rep = fixed;
    } else {
      rep = choose(request);
      response.addHeader("Vary", "Accept");
      response.setHeader(
          "Content-Location", IriSpace.encode("/doc" + path + "." + rep.suffix()) + pageQuery);
    }
    String docUrl = site.siteUrl(request) + IriSpace.encode("/doc" + path).substring(1);
    if (site.notModified(
        request, response, 3600, "/doc" + path + "|" + rep + "|" + page + "|" + docUrl)) {
      return;
    }
    boolean graphOnly = site.publication().isGraph(iri) && !site.publication().isResource(iri);
    Description d =
        graphOnly ? describer.graph(iri, docUrl, page) : describer.resource(iri, docUrl, page);
    String docPath = IriSpace.encode("/doc" + path);
    if (!rep.quads()) {
      // Who states each statement is in the variants that keep named graphs (PROV-AQ's
      // has_provenance, and an alternate of each such type).
      String trig = docPath + "." + Representation.TRIG.suffix() + pageQuery;
      response.addHeader("Link", "<" + trig + ">; rel=\"" + PROV_HAS_PROVENANCE + "\"");
      for (Representation r : Representation.values()) {
        if (r.quads()) {
          response.addHeader(
              "Link",
              "<"
                  + docPath
                  + "."
                  + r.suffix()
                  + pageQuery
                  + ">; rel=\"alternate\"; type=\""
                  + r.mediaType()
                  + "\"");
        }
      }
    }
    if (rep.isRdf()) {
      sendRdf(response, d.rdf(), rep);
      return;
    }
    Map<String, Object> model = new java.util.HashMap<>(d.page());
    model.put("formats", formats(docPath, true, pageQuery));
    model.put("alternates", formats(docPath, true, pageQuery));
    model.put("jsonld", embeddedJsonLd(d.triples()));
    HttpSupport.send(
        response,
        HttpServletResponse.SC_OK,
        "text/html",
        site.pages().render(graphOnly ? "graph" : "entity", model));
  }
}
