package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.w3id.grandbargain.kb.query.Knowledge;

/**
 * What the servlets of the site share, built once per server: the publication, the IRI mapping,
 * link rendering and the page templates.
 */
public final class Site {
  private final Publication publication;
  private final ServerSettings settings;
  private final Knowledge knowledge;
  private final IriSpace space;
  private final Links links;
  private final Pages pages;

  public Site(Publication publication, ServerSettings settings) {
    this.publication = publication;
    this.settings = settings;
    this.knowledge = publication.knowledge().withPolicy(settings.queryPolicy());
    this.space = new IriSpace(settings.base());
    this.links = new Links(publication, space);
    this.pages = new Pages(publication.release().id());
  }

  /** The release being served and what was read from it. */
  public Publication publication() {
    return publication;
  }

  /** How the server was configured. */
  public ServerSettings settings() {
    return settings;
  }

  /** The knowledge of the release under the server's query policy: every path's one seam. */
  public Knowledge knowledge() {
    return knowledge;
  }

  /** The mapping between the knowledge base's IRIs and the server's paths. */
  public IriSpace space() {
    return space;
  }

  /** How links to resources are rendered. */
  public Links links() {
    return links;
  }

  /** The page templates. */
  public Pages pages() {
    return pages;
  }

  /** The site's own address: the configured one, or the one the request used. */
  public String siteUrl(HttpServletRequest request) {
    return settings.siteUrl() != null ? settings.siteUrl() : HttpSupport.requestSite(request);
  }

  public String releaseId() {
    return publication.release().id();
  }

  /**
   * Marks a response that depends only on the release and the variant: Cache-Control, an ETag and a
   * Last-Modified tied to the release; answers a matching conditional request with 304.
   *
   * @return true when a 304 was sent and nothing more must be written
   */
  public boolean notModified(
      HttpServletRequest request, HttpServletResponse response, int maxAgeSeconds, String variant) {
    HttpSupport.cacheable(response, maxAgeSeconds);
    return HttpSupport.notModified(
        request, response, releaseId(), publication.release().builtAt(), variant);
  }

  /**
   * The page for a path that leads nowhere, with the search's hits for its last part (its hyphens
   * and underscores read as spaces, as in the knowledge base's identifiers).
   */
  public String notFoundPage(HttpServletRequest request, String message) {
    String path = request.getRequestURI();
    String last = lastPart(path);
    List<Map<String, Object>> suggestions =
        last.length() < 3 || last.length() > 200
            ? List.of()
            : knowledge.search(last, 10).stream()
                .map(
                    h ->
                        Pages.map(
                            "href", links.href(h.iri()), "label", h.label(), "type", h.type()))
                .toList();
    String query = request.getQueryString();
    return pages.render(
        "notfound",
        Pages.map(
            "title",
            "Not found",
            "path",
            query == null ? path : path + "?" + query,
            "why",
            message,
            "hasSuggestions",
            !suggestions.isEmpty(),
            "suggestions",
            suggestions));
  }

  /** The last part of a path, decoded when it decodes, its hyphens and underscores spaces. */
  private static String lastPart(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    try {
      last =
          java.net.URLDecoder.decode(
              last.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // not percent-encoded as it should be: searched as it is
    }
    return last.replaceAll("[-_]+", " ").strip();
  }
}
