package org.w3id.grandbargain.kb.publish.linkeddata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * The ontology ({@code /ontology}, and its version IRI {@code /ontology/<version>}) and the shapes
 * ({@code /shapes}), as documentation in HTML or as RDF. Their terms are hash IRIs: {@code
 * .../ontology#Person} is documented at {@code /ontology} under the anchor {@code Person}.
 */
public final class VocabularyServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;

  private final transient Graph shapes;

  VocabularyServlet(Site site) {
    super(site);
    this.shapes =
        RDFDataMgr.loadGraph(
            site.publication().release().file("ontology/" + ProjectLayout.SHAPES_FILE).toString());
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String servletPath = request.getServletPath();
    String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
    boolean ontology = servletPath.equals("/ontology");
    if (ontology && !rest.isEmpty() && !rest.equals("/") && !rest.equals("/" + versionOf())) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND,
          "The ontology has no version " + rest.substring(1) + ".");
    }
    if (!ontology && !rest.isEmpty()) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND, "No document at " + servletPath + rest + ".");
    }
    Graph graph = ontology ? site.publication().ontology() : shapes;
    String namespace = ontology ? GB.NS : GB.SHAPES;
    String iri = ontology ? GB.ONTOLOGY : GB.SHAPES.substring(0, GB.SHAPES.length() - 1);
    Representation rep = choose(request);
    response.addHeader("Vary", "Accept");
    if (site.notModified(request, response, 3600, servletPath + rest + "|" + rep)) {
      return;
    }
    graph.getPrefixMapping().setNsPrefixes(Prefixes.standard());
    if (rep.isRdf()) {
      sendRdf(response, graph, rep);
      return;
    }
    Map<String, Object> model = new LinkedHashMap<>();
    Node self = org.apache.jena.graph.NodeFactory.createURI(iri);
    model.put("title", ontology ? "Grand Bargain KB ontology" : "Grand Bargain KB shapes");
    model.put("iri", iri);
    model.put("version", ontology ? versionOf() : null);
    model.put(
        "description",
        literal(graph, self, ontology ? DCTerms.description.asNode() : RDFS.comment.asNode()));
    model.put("formats", formats(servletPath, false));
    model.put("alternates", formats(servletPath, false));
    model.put("sections", sections(graph, namespace));
    model.put(
        "related",
        ontology
            ? Pages.map(
                "href", "/shapes", "label", "the SHACL shapes that the data must conform to")
            : Pages.map(
                "href", "/ontology", "label", "the ontology whose classes the shapes constrain"));
    HttpSupport.send(
        response, HttpServletResponse.SC_OK, "text/html", site.pages().render("vocabulary", model));
  }

  private String versionOf() {
    return literal(site.publication().ontology(), GB.ontology.asNode(), OWL.versionInfo.asNode());
  }

  private static String literal(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
  }

  private List<Map<String, Object>> sections(Graph graph, String namespace) {
    Map<String, List<Map<String, Object>>> bySection = new TreeMap<>();
    Map<Node, List<Triple>> bySubject = new TreeMap<>((a, b) -> a.getURI().compareTo(b.getURI()));
    graph
        .find()
        .forEachRemaining(
            t -> {
              if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(namespace)) {
                bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
              }
            });
    for (var e : bySubject.entrySet()) {
      String local = e.getKey().getURI().substring(namespace.length());
      String label = local;
      String comment = null;
      String kind = "Other terms";
      Map<String, List<Map<String, Object>>> facts = new TreeMap<>();
      for (Triple t : e.getValue()) {
        Node p = t.getPredicate();
        if (p.equals(RDFS.label.asNode())) {
          label = t.getObject().getLiteralLexicalForm();
        } else if (p.equals(RDFS.comment.asNode())) {
          comment = t.getObject().getLiteralLexicalForm();
        } else {
          if (p.equals(RDF.type.asNode())) {
            kind = sectionOf(t.getObject(), kind);
          }
          facts
              .computeIfAbsent(site.links().text(p.getURI()), k -> new ArrayList<>())
              .add(site.links().value(t.getObject()));
        }
      }
      List<Map<String, Object>> factList = new ArrayList<>();
      facts.forEach(
          (name, values) ->
              factList.add(Pages.map("name", name, "values", Pages.withLast(values))));
      bySection
          .computeIfAbsent(kind, k -> new ArrayList<>())
          .add(
              Pages.map(
                  "id", local,
                  "label", label,
                  "curie",
                      Prefixes.standard().qnameFor(e.getKey().getURI()) == null
                          ? (namespace.equals(GB.SHAPES) ? "gbsh:" + local : local)
                          : Prefixes.standard().qnameFor(e.getKey().getURI()),
                  "comment", comment,
                  "facts", factList));
    }
    List<Map<String, Object>> sections = new ArrayList<>();
    bySection.forEach(
        (kind, terms) ->
            sections.add(
                Pages.map(
                    "label",
                    kind,
                    "anchor",
                    "section-" + kind.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                    "terms",
                    terms)));
    return sections;
  }

  private static String sectionOf(Node type, String current) {
    if (!type.isURI()) {
      return current;
    }
    return switch (type.getURI()) {
      case "http://www.w3.org/2002/07/owl#Class" -> "Classes";
      case "http://www.w3.org/2002/07/owl#ObjectProperty" -> "Object properties";
      case "http://www.w3.org/2002/07/owl#DatatypeProperty" -> "Datatype properties";
      case "http://www.w3.org/2002/07/owl#NamedIndividual" ->
          current.equals("Other terms") ? "Controlled values" : current;
      case "http://www.w3.org/ns/shacl#NodeShape" -> "Node shapes";
      case "http://www.w3.org/ns/shacl#PropertyShape" -> "Property shapes";
      default -> current;
    };
  }
}
