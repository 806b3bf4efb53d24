package org.w3id.grandbargain.kb.publish;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the servlets of the site share, built once per server: the publication, the IRI mapping,
 * link rendering, the describer and the page templates.
 */
final class Site {
  final Publication publication;
  final ServerSettings settings;

  /** The knowledge of the release under the server's query policy: every path's one seam. */
  final org.w3id.grandbargain.kb.query.Knowledge knowledge;

  final IriSpace space;
  final Links links;
  final Describer describer;
  final Pages pages;

  Site(Publication publication, ServerSettings settings) {
    this.publication = publication;
    this.settings = settings;
    this.knowledge = publication.knowledge().withPolicy(settings.queryPolicy());
    this.space = new IriSpace(settings.base());
    this.links = new Links(publication, space);
    this.describer = new Describer(publication, knowledge, links, settings.pageSize());
    this.pages = new Pages(publication.release().id());
  }

  /** The site's own address: the configured one, or the one the request used. */
  String siteUrl(HttpServletRequest request) {
    return settings.siteUrl() != null ? settings.siteUrl() : HttpSupport.requestSite(request);
  }

  String releaseId() {
    return publication.release().id();
  }

  /**
   * Marks a response that depends only on the release and the variant: Cache-Control, an ETag and a
   * Last-Modified tied to the release; answers a matching conditional request with 304.
   *
   * @return true when a 304 was sent and nothing more must be written
   */
  boolean notModified(
      HttpServletRequest request, HttpServletResponse response, int maxAgeSeconds, String variant) {
    HttpSupport.cacheable(response, maxAgeSeconds);
    return HttpSupport.notModified(
        request, response, releaseId(), publication.release().builtAt(), variant);
  }

  /** The page for a path that leads nowhere, with resources whose name resembles its last part. */
  String notFoundPage(HttpServletRequest request, String message) {
    String path = request.getRequestURI();
    String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    List<Map<String, Object>> suggestions =
        last.length() < 3
            ? List.of()
            : publication.resources().stream()
                .filter(
                    e ->
                        e.iri().toLowerCase(Locale.ROOT).contains(last)
                            || e.label().toLowerCase(Locale.ROOT).contains(last))
                .limit(10)
                .map(e -> Pages.map("href", links.href(e.iri()), "label", e.label()))
                .toList();
    String iri = path.startsWith("/id/") || path.startsWith("/doc/") ? message : null;
    return pages.render(
        "notfound",
        Pages.map(
            "title", "Not found",
            "path", path,
            "iri", iri,
            "hasSuggestions", !suggestions.isEmpty(),
            "suggestions", suggestions));
  }
}
