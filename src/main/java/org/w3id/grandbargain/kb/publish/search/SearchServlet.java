package org.w3id.grandbargain.kb.publish.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.query.SearchHit;

/**
 * The search: {@code GET /search?q=} answers a page of hits, {@code GET /api/search?q=} the same
 * hits as JSON; {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) bounds
 * them. A missing or blank {@code q} gives the page its form and a prompt, and the API a 400; a
 * search past 200 characters, or a bad {@code limit}, a 400 that says why. Answers depend on the
 * release alone, and are cached as such.
 */
final class SearchServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;

  /** The path of the page. */
  static final String PAGE = "/search";

  /** The path of the JSON. */
  static final String API = "/api/search";

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  SearchServlet(Site site) {
    super(site);
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean api = request.getServletPath().equals(API);
    String q = request.getParameter("q");
    String text = q == null ? "" : q.strip();
    int limit = limit(request.getParameter("limit"));
    if (api && text.isEmpty()) {
      throw new HttpError(
          HttpServletResponse.SC_BAD_REQUEST,
          "the parameter q is required: what to search for, for example /api/search?q=Wilkerson");
    }
    String variant = (api ? API : PAGE) + "|" + limit + "|" + text;
    if (site.notModified(request, response, 600, variant)) {
      return;
    }
    List<SearchHit> hits = text.isEmpty() ? List.of() : site.knowledge().search(text, limit);
    if (api) {
      HttpSupport.send(
          response, HttpServletResponse.SC_OK, "application/json", json(text, hits, request));
    } else {
      HttpSupport.send(response, HttpServletResponse.SC_OK, "text/html", page(text, hits));
    }
  }

  private static int limit(String value) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new HttpError(
        HttpServletResponse.SC_BAD_REQUEST,
        "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + value + "'");
  }

  private String json(String text, List<SearchHit> hits, HttpServletRequest request)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("query", text);
    ArrayNode list = root.putArray("hits");
    for (SearchHit h : hits) {
      ObjectNode o = list.addObject();
      o.put("iri", h.iri());
      o.put("label", h.label());
      o.put("type", h.type());
      o.put("description", h.description());
      o.put("page", site.links().href(h.iri()));
      o.put("match", h.match());
      o.put("matched", h.matched());
      o.put("matchedKind", h.matchedKind());
    }
    return JSON.writeValueAsString(root) + "\n";
  }

  private String page(String text, List<SearchHit> hits) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (SearchHit h : hits) {
      boolean other = !h.matchedKind().equals("label") && !h.matchedKind().equals("description");
      items.add(
          Pages.map(
              "href", site.links().href(h.iri()),
              "label", h.label(),
              "type", h.type(),
              "description", h.description().isEmpty() ? null : h.description(),
              "matched", other ? h.matched() : null,
              "printed", h.matchedKind().equals("printed")));
    }
    String message =
        text.isEmpty()
            ? "Type a name (a person, an organisation, a proposal, an event, a place) or a few"
                + " words of a description."
            : hits.isEmpty() ? "Nothing matches \u201c" + text + "\u201d." : null;
    return site.pages()
        .render(
            "search",
            Pages.map(
                "title",
                text.isEmpty() ? "Search" : "Search: " + text,
                "searchQuery",
                text,
                "one",
                hits.size() == 1,
                "apiHref",
                API + "?q=" + IriSpace.encodeQuery(text.isEmpty() ? "Wilkerson" : text),
                "message",
                message,
                "count",
                hits.size(),
                "hasHits",
                !hits.isEmpty(),
                "hits",
                items));
  }
}
