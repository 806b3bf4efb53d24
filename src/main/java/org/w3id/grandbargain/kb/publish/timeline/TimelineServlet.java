package org.w3id.grandbargain.kb.publish.timeline;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;

/**
 * The timeline page ({@code /timeline}), in HTML; the same entries as data are the named query
 * {@code timeline} ({@code /api/timeline}), which the page names as its alternates. A release never
 * changes while it is served, so the page is rendered once.
 */
public final class TimelineServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;

  private transient volatile String html;

  TimelineServlet(Site site) {
    super(site);
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rest = request.getPathInfo();
    if (rest != null && !rest.equals("/")) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND, "No page at " + request.getRequestURI() + ".");
    }
    if (site.notModified(request, response, 600, "/timeline|html")) {
      return;
    }
    HttpSupport.send(response, HttpServletResponse.SC_OK, "text/html", page());
  }

  private String page() {
    String page = html;
    if (page == null) {
      Timeline timeline = Timeline.of(site);
      page =
          site.pages()
              .render(
                  "timeline",
                  Pages.map(
                      "title",
                      "Timeline",
                      "timeline",
                      timeline,
                      "alternates",
                      List.of(
                          Pages.map(
                              "type",
                              "application/sparql-results+json",
                              "href",
                              "/api/timeline?format=json"),
                          Pages.map("type", "text/csv", "href", "/api/timeline?format=csv"))));
      html = page;
    }
    return page;
  }
}
