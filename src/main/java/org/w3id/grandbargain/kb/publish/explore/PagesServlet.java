package org.w3id.grandbargain.kb.publish.explore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
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

  /**
   * The classes whose members readers look for, in the index's order: it lists each resource under
   * the first of them it belongs to (with its own class if narrower), and puts the rest (the
   * editors' statements and evidence, times, text spans, checks) under its technical section.
   */
  private static final List<String> READER_CLASSES =
      List.of(
          "Person",
          "Organisation",
          "Grouping",
          "Agent",
          "Place",
          "Event",
          "Proposal",
          "ProposalTerm",
          "Channel",
          "Claim",
          "Policy",
          "Document",
          "Post",
          "Role",
          "Status");

  private static final Query MAIN_ACTORS =
      SparqlResources.query(PagesServlet.class, "main-actors.rq");
  private static final Query ARTICLE_SUMMARY =
      SparqlResources.query(PagesServlet.class, "article-summary.rq");
  private static final Query MEMBERS = SparqlResources.query(PagesServlet.class, "members.rq");

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
    String cls = home ? null : request.getParameter("class");
    if (cls != null && !site.publication().classCounts().containsKey(cls)) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND,
          "No resource of the knowledge base has the class " + cls + ".");
    }
    if (site.notModified(request, response, 600, path + "|" + cls + "|html")) {
      return;
    }
    String html = home ? home() : index(request);
    HttpSupport.send(response, HttpServletResponse.SC_OK, "text/html", html);
  }

  private String home() {
    Map<String, Long> counts = site.publication().classCounts();
    List<Map<String, Object>> entries = new ArrayList<>();
    for (String local : ENTRY_POINTS) {
      String cls = GB.NS + local;
      entries.add(
          Pages.map(
              "href", classHref(cls),
              "label", plural(site.links().text(cls)),
              "count", counts.getOrDefault(cls, 0L)));
    }
    List<Map<String, Object>> classes = new ArrayList<>();
    counts.forEach(
        (cls, n) ->
            classes.add(
                Pages.map(
                    "href", classHref(cls),
                    "label", site.links().text(cls),
                    "classHref", site.links().href(cls),
                    "count", n)));
    List<Map<String, Object>> actors = new ArrayList<>();
    site.knowledge()
        .select(
            MAIN_ACTORS,
            BindingFactory.empty(),
            row -> {
              String iri = row.getResource("actor").getURI();
              actors.add(
                  Pages.map(
                      "href", site.links().href(iri),
                      "label", site.links().text(iri),
                      "claims", row.getLiteral("claims").getLong(),
                      "actorDescription",
                          row.contains("description")
                              ? row.getLiteral("description").getString()
                              : null));
            });
    List<Map<String, Object>> queries = new ArrayList<>();
    for (NamedQuery q : site.publication().queries().all().values()) {
      String href =
          q.parameters().stream().anyMatch(p -> p.required())
              ? "/api#q-" + q.name()
              : "/api/" + q.name();
      queries.add(
          Pages.map(
              "href",
              href,
              "name",
              q.name(),
              "summary",
              q.summary(),
              "calls",
              q.isFederated() ? String.join(" and ", q.endpoints()) : null));
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
    String summary = articleSummary(article);
    return site.pages()
        .render(
            "home",
            Pages.map(
                "title", "Home",
                "description", text,
                "articleHref", site.links().href(article),
                "articleLabel", site.links().text(article),
                "summary", summary,
                "actors", actors,
                "entryPoints", entries,
                "classes", classes,
                "queries", queries));
  }

  /** The editors' description of the article, if it has one. */
  private String articleSummary(String article) {
    String[] found = {null};
    site.knowledge()
        .select(
            ARTICLE_SUMMARY,
            BindingFactory.binding(Var.alloc("article"), NodeFactory.createURI(article)),
            row -> found[0] = row.getLiteral("description").getString());
    return found[0];
  }

  /** The list of a class's members: {@code /index?class=IRI}. */
  private static String classHref(String cls) {
    return "/index?class=" + IriSpace.encodeQuery(cls);
  }

  private String index(HttpServletRequest request) {
    String cls = request.getParameter("class");
    if (cls != null) {
      return members(cls);
    }
    var ontology = site.publication().ontologyIndex();
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    Map<String, List<Map<String, Object>>> technical = new LinkedHashMap<>();
    for (String c : READER_CLASSES) {
      groups.put(plural(site.links().text(GB.NS + c)), new ArrayList<>());
    }
    for (Publication.Entry e : site.publication().resources()) {
      Node type = NodeFactory.createURI(e.classIri());
      String group =
          READER_CLASSES.stream()
              .filter(
                  c ->
                      e.classIri().equals(GB.NS + c)
                          || ontology.isSubClassOf(type, NodeFactory.createURI(GB.NS + c)))
              .findFirst()
              .orElse(null);
      if (group == null) {
        technical
            .computeIfAbsent(e.classLabel(), k -> new ArrayList<>())
            .add(Pages.map("href", site.links().href(e.iri()), "label", e.label()));
        continue;
      }
      String groupLabel = plural(site.links().text(GB.NS + group));
      groups
          .computeIfAbsent(groupLabel, k -> new ArrayList<>())
          .add(
              Pages.map(
                  "href", site.links().href(e.iri()),
                  "label", e.label(),
                  "type", e.classIri().equals(GB.NS + group) ? null : e.classLabel()));
    }
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
                sections(groups),
                "technical",
                sections(technical),
                "graphs",
                graphs,
                "graphCount",
                graphs.size()));
  }

  private static List<Map<String, Object>> sections(Map<String, List<Map<String, Object>>> groups) {
    List<Map<String, Object>> list = new ArrayList<>();
    groups.forEach(
        (label, entries) -> {
          if (!entries.isEmpty()) {
            list.add(
                Pages.map(
                    "label", capitalise(label),
                    "anchor", anchor(label),
                    "count", entries.size(),
                    "entries", entries));
          }
        });
    return list;
  }

  /**
   * Every resource of a class (its subclasses' included), from the class counts' links; the caller
   * has checked that the class has members.
   */
  private String members(String cls) {
    List<Map<String, Object>> entries = new ArrayList<>();
    site.knowledge()
        .select(
            MEMBERS,
            BindingFactory.binding(Var.alloc("class"), NodeFactory.createURI(cls)),
            row -> {
              String iri = row.getResource("member").getURI();
              entries.add(
                  Pages.map(
                      "href",
                      site.links().href(iri),
                      "label",
                      site.links().text(iri),
                      "type",
                      row.contains("type")
                          ? site.links().text(row.getResource("type").getURI())
                          : null));
            });
    String label = site.links().text(cls);
    return site.pages()
        .render(
            "members",
            Pages.map(
                "title", plural(label),
                "classLabel", label,
                "classHref", site.links().href(cls),
                "count", entries.size(),
                "entries", entries));
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
