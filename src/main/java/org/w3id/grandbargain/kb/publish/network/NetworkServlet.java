package org.w3id.grandbargain.kb.publish.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3id.grandbargain.kb.publish.core.Assets;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;

/**
 * The network page ({@code /network}) and its data ({@code /network.json}). Both take the filters
 * as parameters, {@code relation} and {@code speaker} (each may repeat; none keeps everything): the
 * page hides the rows of the other edges, so that the filters work without a script, and the data
 * leaves them out. The page embeds the whole network as a JSON block for its script, which draws it
 * with Cytoscape.js and applies the filters as they change.
 */
final class NetworkServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The kinds of node, in the order of the legend (that of {@code network-edges.rq}). */
  private static final List<String> KINDS =
      List.of(
          "person",
          "organisation",
          "grouping",
          "proposal",
          "channel",
          "policy",
          "event",
          "document");

  /** Read on first use: the release does not change while it is served. */
  private transient volatile Network network;

  NetworkServlet(Site site) {
    super(site);
  }

  private Network network() {
    Network n = network;
    if (n == null) {
      n = Network.read(site.knowledge(), site.links());
      network = n;
    }
    return n;
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getServletPath();
    boolean json = path.equals("/network.json");
    Network whole = network();
    Set<String> relations = values(request, "relation");
    Set<String> speakers = values(request, "speaker");
    for (String r : relations) {
      if (!Network.RELATIONS.contains(r)) {
        throw new HttpError(
            HttpServletResponse.SC_BAD_REQUEST,
            "unknown relation '" + r + "'; use one of " + Network.RELATIONS);
      }
    }
    Set<String> known =
        whole.speakers().stream()
            .map(Network.Count::id)
            .collect(java.util.stream.Collectors.toSet());
    for (String speaker : speakers) {
      if (!known.contains(speaker)) {
        throw new HttpError(
            HttpServletResponse.SC_BAD_REQUEST,
            "no edge is said by '"
                + speaker
                + "'; use the IRI of one of the speakers the page lists");
      }
    }
    if (site.notModified(request, response, 600, path + "|" + relations + "|" + speakers)) {
      return;
    }
    Network shown = whole.only(relations, speakers);
    if (json) {
      HttpSupport.send(response, HttpServletResponse.SC_OK, "application/json", write(shown));
      return;
    }
    HttpSupport.send(
        response, HttpServletResponse.SC_OK, "text/html", page(whole, shown, relations, speakers));
  }

  private static Set<String> values(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    Set<String> out = new LinkedHashSet<>();
    if (values != null) {
      for (String v : values) {
        if (!v.isBlank()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private String page(Network whole, Network shown, Set<String> relations, Set<String> speakers) {
    Set<String> visible = new java.util.HashSet<>();
    shown.edges().forEach(e -> visible.add(e.id()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Network.Edge e : whole.edges()) {
      rows.add(
          Pages.map(
              "edge", e,
              "hidden", !visible.contains(e.id()),
              "conjecture", !e.style().equals("asserted")));
    }
    List<Map<String, Object>> relationFilters = new ArrayList<>();
    for (Network.Count c : whole.relations()) {
      relationFilters.add(
          Pages.map(
              "name",
              c.id(),
              "count",
              c.count(),
              "checked",
              relations.isEmpty() || relations.contains(c.id()),
              "anchor",
              "relation-" + c.id().replace(' ', '-')));
    }
    List<Map<String, Object>> speakerFilters = new ArrayList<>();
    for (Network.Count c : whole.speakers()) {
      speakerFilters.add(
          Pages.map(
              "id", c.id(),
              "label", c.label(),
              "count", c.count(),
              "selected", speakers.contains(c.id())));
    }
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (String kind : KINDS) {
      long n = whole.nodes().stream().filter(x -> x.kind().equals(kind)).count();
      if (n > 0) {
        kinds.add(Pages.map("kind", kind, "count", n));
      }
    }
    return site.pages()
        .render(
            "network",
            Pages.map(
                "title", "Network",
                "nodeCount", whole.nodes().size(),
                "edgeCount", whole.edges().size(),
                "shownCount", shown.edges().size(),
                "filtered", shown.edges().size() != whole.edges().size(),
                "kinds", kinds,
                "relations", relationFilters,
                "speakers", speakerFilters,
                "noSpeaker", speakers.isEmpty(),
                "rows", rows,
                "data", Pages.scriptSafe(write(whole)),
                "cytoscape", Assets.library("cytoscape", "dist/cytoscape.min.js"),
                "script", Assets.site("network.js"),
                "stylesheet", Assets.site("network.css")));
  }

  private static String write(Network network) {
    try {
      return JSON.writeValueAsString(network);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
