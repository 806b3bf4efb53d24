package org.w3id.grandbargain.kb.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.load.Graphs;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * Describes one resource of the knowledge base: its statements (asserted apart from entailed), the
 * labels of what it links to, the claims about it with speaker, source and place in the text, what
 * it states if it is a claim, and the resources that link to it, a page at a time. The same
 * description gives the RDF representations (as a graph) and the HTML page (as a template model).
 */
final class Describer {
  private static final Query OUTGOING = SparqlResources.query(Describer.class, "outgoing.rq");
  private static final Query INCOMING = SparqlResources.query(Describer.class, "incoming.rq");
  private static final Query CLAIMS = SparqlResources.query(Describer.class, "claims-about.rq");
  private static final Query GRAPH = SparqlResources.query(Describer.class, "graph-statements.rq");
  private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

  /**
   * A description, ready to be written.
   *
   * @param rdf the statements for the RDF representations
   * @param page the model of the HTML page
   */
  record Description(Graph rdf, Map<String, Object> page) {}

  private final Publication publication;
  private final Links links;
  private final int pageSize;

  Describer(Publication publication, Links links, int pageSize) {
    this.publication = publication;
    this.links = links;
    this.pageSize = pageSize;
  }

  /**
   * Describes a resource.
   *
   * @param iri the resource
   * @param doc the absolute address of the description document (without page)
   * @param page the page of incoming links, from 1
   */
  Description resource(String iri, String doc, int page) {
    Node s = NodeFactory.createURI(iri);
    Graph rdf = GraphFactory.createDefaultGraph();
    rdf.getPrefixMapping().setNsPrefixes(Prefixes.standard());
    Node docNode = NodeFactory.createURI(page > 1 ? doc + "?page=" + page : doc);
    rdf.add(docNode, RDF.type.asNode(), FOAF.Document.asNode());
    rdf.add(docNode, FOAF.primaryTopic.asNode(), s);

    Map<String, Map<String, Object>> asserted = new LinkedHashMap<>();
    Map<String, Map<String, Object>> entailed = new LinkedHashMap<>();
    List<Map<String, Object>> types = new ArrayList<>();
    List<Map<String, Object>> external = new ArrayList<>();
    String[] description = {null};
    select(
        OUTGOING,
        "s",
        s,
        row -> {
          Node p = row.get("p").asNode();
          RDFNode o = row.get("o");
          String g = row.getResource("g").getURI();
          rdf.add(s, p, o.asNode());
          if (o.isURIResource() && row.contains("label")) {
            rdf.add(o.asNode(), RDFS.label.asNode(), row.getLiteral("label").asNode());
          }
          boolean inferred = g.equals(Graphs.INFERRED.getURI());
          if (!inferred && p.equals(RDF.type.asNode())) {
            Map<String, Object> t = links.value(o);
            if (!types.contains(t)) {
              types.add(t);
            }
            return;
          }
          if (!inferred && p.equals(DCTerms.description.asNode()) && o.isLiteral()) {
            description[0] = o.asLiteral().getLexicalForm();
          }
          if (!inferred && p.equals(OWL.sameAs.asNode()) && o.isURIResource()) {
            external.add(
                Pages.map("href", o.asResource().getURI(), "label", o.asResource().getURI()));
          }
          addValue(inferred ? entailed : asserted, p, o, g);
        });
    // An entailed statement that is also asserted is shown once, as asserted.
    asserted.keySet().forEach(entailed::remove);

    List<Map<String, Object>> claims = claims(s, rdf);
    List<Map<String, Object>> stated = publication.isGraph(iri) ? statements(s) : List.of();

    List<Map<String, Object>> incomingAll = new ArrayList<>();
    select(
        INCOMING,
        "s",
        s,
        row ->
            incomingAll.add(
                Pages.map(
                    "x", row.getResource("x").getURI(),
                    "p", row.getResource("p").getURI())));
    int pages = Math.max(1, (incomingAll.size() + pageSize - 1) / pageSize);
    int current = checkPage(page, pages);
    List<Map<String, Object>> incoming = new ArrayList<>();
    for (Map<String, Object> in :
        incomingAll.subList(
            (current - 1) * pageSize, Math.min(current * pageSize, incomingAll.size()))) {
      String x = (String) in.get("x");
      String p = (String) in.get("p");
      Node xn = NodeFactory.createURI(x);
      rdf.add(xn, NodeFactory.createURI(p), s);
      String label = publication.label(x);
      if (label != null) {
        rdf.add(xn, RDFS.label.asNode(), NodeFactory.createLiteralLang(label, "en"));
      }
      incoming.add(
          Pages.map(
              "href", links.href(x),
              "label", links.text(x),
              "propertyHref", links.href(p),
              "property", links.text(p)));
    }
    if (current < pages) {
      rdf.add(
          docNode,
          NodeFactory.createURI(HYDRA + "next"),
          NodeFactory.createURI(doc + "?page=" + (current + 1)));
    }
    if (current > 1) {
      rdf.add(
          docNode,
          NodeFactory.createURI(HYDRA + "previous"),
          NodeFactory.createURI(current == 2 ? doc : doc + "?page=" + (current - 1)));
    }
    if (publication.isGraph(iri)) {
      rdf.add(
          s,
          RDFS.seeAlso.asNode(),
          NodeFactory.createURI(siteOf(doc) + "kb/data?graph=" + IriSpace.encodeQuery(iri)));
    }

    Map<String, Object> model = new LinkedHashMap<>();
    String label = publication.label(iri);
    model.put("title", label != null ? label : iri);
    model.put("iri", iri);
    model.put("types", Pages.withLast(types));
    model.put("description", description[0]);
    model.put("properties", rows(asserted));
    model.put("hasProperties", !asserted.isEmpty());
    model.put("entailed", rows(entailed));
    model.put("hasEntailed", !entailed.isEmpty());
    model.put(
        "entailedCount",
        entailed.values().stream().mapToInt(r -> ((List<?>) r.get("values")).size()).sum());
    model.put("claims", claims);
    model.put("hasClaims", !claims.isEmpty());
    model.put("stated", stated);
    model.put("hasStated", !stated.isEmpty());
    model.put("links", external);
    model.put("hasLinks", !external.isEmpty());
    model.put("incoming", incoming);
    model.put("hasIncoming", !incoming.isEmpty());
    model.put("incomingTotal", incomingAll.size());
    if (pages > 1) {
      model.put("paged", paging(doc, current, pages));
    }
    return new Description(rdf, model);
  }

  /** Describes a named graph: its statements, all of them in RDF, a page of them in HTML. */
  Description graph(String iri, String doc, int page) {
    Node g = NodeFactory.createURI(iri);
    Graph rdf = GraphFactory.createDefaultGraph();
    rdf.getPrefixMapping().setNsPrefixes(Prefixes.standard());
    Txn.executeRead(
        publication.kb().dataset(),
        () ->
            publication
                .kb()
                .dataset()
                .asDatasetGraph()
                .getGraph(g)
                .find()
                .forEachRemaining(rdf::add));
    int size = 200;
    List<Map<String, Object>> all = statements(g);
    int pages = Math.max(1, (all.size() + size - 1) / size);
    int current = checkPage(page, pages);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "Graph " + links.text(iri));
    model.put("iri", iri);
    model.put("count", all.size());
    model.put("explanation", explanation(iri));
    model.put("stated", all.subList((current - 1) * size, Math.min(current * size, all.size())));
    if (pages > 1) {
      model.put("paged", paging(doc, current, pages));
    }
    return new Description(rdf, model);
  }

  private static int checkPage(int page, int pages) {
    if (page > pages) {
      throw new HttpSupport.HttpError(
          404,
          "There is no page "
              + page
              + "; the description has "
              + pages
              + " page"
              + (pages == 1 ? "" : "s")
              + ".");
    }
    return page;
  }

  /** The model of the links between pages: {@code ?page=n} on the document's path. */
  private static Map<String, Object> paging(String doc, int current, int pages) {
    String path = IriSpace.pathOfUrl(doc);
    return Pages.map(
        "page",
        current,
        "pages",
        pages,
        "previous",
        current > 1 ? (current == 2 ? path : path + "?page=" + (current - 1)) : null,
        "next",
        current < pages ? path + "?page=" + (current + 1) : null);
  }

  private static String explanation(String iri) {
    if (iri.equals(Graphs.INFERRED.getURI())) {
      return "Statements entailed by the ontology's subclass and subproperty axioms, and not asserted anywhere.";
    }
    if (iri.equals(Graphs.ONTOLOGY.getURI())) {
      return "The ontology the knowledge base was built with.";
    }
    if (iri.equals(Graphs.SHARED.getURI())) {
      return "The curated descriptions of the entities shared by all articles, with their external links.";
    }
    return "The description of an article: its bibliographic record, the documents it cites and its claims.";
  }

  private List<Map<String, Object>> statements(Node graph) {
    List<Map<String, Object>> rows = new ArrayList<>();
    select(
        GRAPH,
        "graph",
        graph,
        row -> {
          Map<String, Object> value = links.value(row.get("o"));
          Map<String, Object> r = new LinkedHashMap<>(value);
          String subject = row.get("s").isURIResource() ? row.getResource("s").getURI() : null;
          r.put("subject", subject == null ? "(an anonymous node)" : links.text(subject));
          if (subject != null) {
            r.put("subjectHref", links.href(subject));
          }
          String p = row.getResource("p").getURI();
          r.put("property", links.text(p));
          r.put("propertyHref", links.href(p));
          rows.add(r);
        });
    return rows;
  }

  private List<Map<String, Object>> claims(Node s, Graph rdf) {
    Map<String, Map<String, Object>> byClaim = new LinkedHashMap<>();
    select(
        CLAIMS,
        "s",
        s,
        row -> {
          String claim = row.getResource("claim").getURI();
          Node c = NodeFactory.createURI(claim);
          rdf.add(c, RDF.type.asNode(), GB.Claim.asNode());
          rdf.add(c, RDFS.label.asNode(), row.getLiteral("statement").asNode());
          rdf.add(c, GB.claimant.asNode(), row.get("claimant").asNode());
          rdf.add(
              row.get("claimant").asNode(),
              RDFS.label.asNode(),
              row.getLiteral("claimantLabel").asNode());
          rdf.add(c, GB.source.asNode(), row.get("source").asNode());
          rdf.add(
              row.get("source").asNode(),
              RDFS.label.asNode(),
              row.getLiteral("sourceLabel").asNode());
          rdf.add(c, GB.anchor.asNode(), row.get("anchor").asNode());
          rdf.add(
              row.get("anchor").asNode(), GB.startChar.asNode(), row.getLiteral("start").asNode());
          rdf.add(row.get("anchor").asNode(), GB.endChar.asNode(), row.getLiteral("end").asNode());
          Map<String, Object> m =
              byClaim.computeIfAbsent(
                  claim,
                  k ->
                      Pages.map(
                          "href", links.href(claim),
                          "statement", row.getLiteral("statement").getString(),
                          "claimant", row.getLiteral("claimantLabel").getString(),
                          "claimantHref", links.href(row.getResource("claimant").getURI()),
                          "medium", row.getLiteral("medium").getString(),
                          "modality",
                              row.contains("modality")
                                  ? row.getLiteral("modality").getString()
                                  : null,
                          "source", row.getLiteral("sourceLabel").getString(),
                          "sourceHref", links.href(row.getResource("source").getURI()),
                          "anchor", row.getResource("anchor").getURI(),
                          "start", row.getLiteral("start").getLong(),
                          "end", row.getLiteral("end").getLong(),
                          "quotations", new ArrayList<String>()));
          if (row.contains("quotation")) {
            rdf.add(c, GB.quotation.asNode(), row.getLiteral("quotation").asNode());
            @SuppressWarnings("unchecked")
            List<String> q = (List<String>) m.get("quotations");
            String text = row.getLiteral("quotation").getString();
            if (!q.contains(text)) {
              q.add(text);
            }
          }
        });
    return new ArrayList<>(byClaim.values());
  }

  private void addValue(Map<String, Map<String, Object>> rows, Node p, RDFNode o, String graph) {
    Map<String, Object> row =
        rows.computeIfAbsent(
            p.getURI(),
            k ->
                Pages.map(
                    "propertyHref", links.href(p.getURI()),
                    "propertyLabel", links.text(p.getURI()),
                    "values", new ArrayList<Map<String, Object>>()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> values = (List<Map<String, Object>>) row.get("values");
    Map<String, Object> plain = links.value(o);
    Map<String, Object> v =
        values.stream()
            .filter(
                x ->
                    x.get("text").equals(plain.get("text"))
                        && java.util.Objects.equals(x.get("href"), plain.get("href")))
            .findFirst()
            .orElse(null);
    if (v == null) {
      v = new LinkedHashMap<>(plain);
      v.put("claims", new ArrayList<Map<String, Object>>());
      values.add(v);
    }
    String claimant = publication.claimantOf(graph);
    if (claimant != null) {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> claims = (List<Map<String, Object>>) v.get("claims");
      claims.add(Pages.map("href", links.href(graph), "claimant", links.text(claimant)));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows.values()) {
      Map<String, Object> copy = new LinkedHashMap<>(r);
      copy.put("values", Pages.withLast((List<Map<String, Object>>) r.get("values")));
      out.add(copy);
    }
    return out;
  }

  private void select(Query query, String var, Node value, Consumer<QuerySolution> row) {
    Dataset ds = publication.kb().dataset();
    Txn.executeRead(
        ds,
        () -> {
          try (QueryExecution qe =
              QueryExecution.dataset(ds)
                  .query(query)
                  .substitution(var, ResourceFactory.createResource(value.getURI()))
                  .build()) {
            qe.execSelect().forEachRemaining(row);
          }
        });
  }

  private static String siteOf(String doc) {
    int slash = doc.indexOf('/', doc.indexOf("//") + 2);
    return doc.substring(0, slash + 1);
  }
}
