package org.w3id.grandbargain.kb.publish.explore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The home page ({@code /}) and the index of every resource ({@code /index}). A client that asks
 * the home page for RDF is sent to the dataset description.
 */
public final class PagesServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;

  /** The classes the home page offers as entry points, in order. */
  private static final List<String> ENTRY_POINTS =
      List.of("Person", "Organisation", "Grouping", "Proposal", "Channel", "Claim", "Event");

  PagesServlet(Site site) {
    super(site);
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean home = path.isEmpty() || path.equals("/");
    if (!home && !path.equals("/index")) {
      throw new HttpError(HttpServletResponse.SC_NOT_FOUND, "No page at " + path + ".");
    }
    Representation rep = choose(request);
    if (rep.isRdf()) {
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", "/dataset");
      response.addHeader("Vary", "Accept");
      return;
    }
    response.addHeader("Vary", "Accept");
    if (site.notModified(request, response, 600, path + "|html")) {
      return;
    }
    String html = home ? home() : index();
    HttpSupport.send(response, HttpServletResponse.SC_OK, "text/html", html);
  }

  private String home() {
    Map<String, Long> counts = site.publication().classCounts();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (String local : ENTRY_POINTS) {
      String cls = GB.NS + local;
      String label = site.links().text(cls);
      entries.add(
          Pages.map(
              "href", local.equals("Event") ? "/api/timeline" : "/index#" + anchor(label),
              "label", plural(label),
              "count", counts.getOrDefault(cls, 0L)));
    }
    List<Map<String, Object>> classes = new ArrayList<>();
    counts.forEach(
        (cls, n) -> {
          if (cls.startsWith(GB.NS)) {
            classes.add(
                Pages.map(
                    "href", site.links().href(cls), "label", site.links().text(cls), "count", n));
          }
        });
    List<Map<String, Object>> queries = new ArrayList<>();
    for (NamedQuery q : site.publication().queries().all().values()) {
      String href =
          q.parameters().stream().anyMatch(p -> p.required())
              ? "/api#q-" + q.name()
              : "/api/" + q.name();
      queries.add(Pages.map("href", href, "name", q.name(), "summary", q.summary()));
    }
    var description = site.publication().datasetDescription();
    String text =
        description
            .listObjectsOfProperty(org.apache.jena.vocabulary.DCTerms.description)
            .next()
            .asLiteral()
            .getString();
    String article = GB.ID + "ips-2006-03-28-cabal";
    var source =
        description.listObjectsOfProperty(org.apache.jena.vocabulary.DCTerms.source).toList();
    if (!source.isEmpty()) {
      article = source.get(0).asResource().getURI();
    }
    return site.pages()
        .render(
            "home",
            Pages.map(
                "title", "Home",
                "description", text,
                "articleHref", site.links().href(article),
                "articleLabel", site.links().text(article),
                "entryPoints", entries,
                "classes", classes,
                "queries", queries));
  }

  private String index() {
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Publication.Entry e : site.publication().resources()) {
      groups
          .computeIfAbsent(e.classLabel(), k -> new ArrayList<>())
          .add(Pages.map("href", site.links().href(e.iri()), "label", e.label()));
    }
    List<Map<String, Object>> list = new ArrayList<>();
    groups.forEach(
        (label, entries) ->
            list.add(
                Pages.map(
                    "label", capitalise(label),
                    "anchor", anchor(label),
                    "count", entries.size(),
                    "entries", entries)));
    List<Map<String, Object>> graphs = new ArrayList<>();
    for (String g : site.publication().graphs()) {
      graphs.add(Pages.map("href", site.links().href(g), "label", site.links().text(g)));
    }
    return site.pages()
        .render(
            "index",
            Pages.map(
                "title",
                "All resources",
                "groups",
                list,
                "graphs",
                graphs,
                "graphCount",
                graphs.size()));
  }

  static String anchor(String label) {
    return label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String plural(String label) {
    String cap = capitalise(label);
    if (cap.endsWith("y")) {
      return cap.substring(0, cap.length() - 1) + "ies";
    }
    return cap.endsWith("s") ? cap : cap + "s";
  }
}
