package org.w3id.grandbargain.kb.publish.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.load.Graphs;
import org.w3id.grandbargain.kb.publish.core.Attribution;
import org.w3id.grandbargain.kb.publish.core.Attribution.Source;
import org.w3id.grandbargain.kb.publish.core.Attribution.Through;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Links;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.Publication.ClaimInfo;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.query.Knowledge;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * Describes one resource of the knowledge base in both voices: every statement about it and every
 * statement that links to it (a page at a time), each in the graph that holds it, with who states
 * it (the speaker of each claim, how and through what, or the editors, with their reason and
 * sources), the editors' readings of its dates, the claims by it, about it and, for an article, in
 * it, and what the ontology's alignments entail.
 *
 * <p>The description is a dataset: the resource's statements inside the graphs of the claims that
 * state them and of the editors, the claims' record and the labels of what it links to in their own
 * graphs, and the document's own description in the default graph. The RDF representations that
 * keep named graphs write it whole; the others write the union of its graphs. The HTML page is
 * rendered from the same statements.
 */
public final class Describer {
  /** The link relations, as a page names them. */
  private static final Map<Node, String> LINK_RELATIONS =
      Map.of(
          OWL.sameAs.asNode(), "same as",
          SKOS.exactMatch.asNode(), "exact match",
          SKOS.closeMatch.asNode(), "close match");

  private static final Query GRAPH_CONTENT = SparqlResources.query(Describer.class, "graph.rq");
  private static final Query OUTGOING = SparqlResources.query(Describer.class, "outgoing.rq");
  private static final Query INCOMING = SparqlResources.query(Describer.class, "incoming.rq");
  private static final Query CLAIMS = SparqlResources.query(Describer.class, "claims-about.rq");
  private static final Query FINDINGS = SparqlResources.query(Describer.class, "findings-about.rq");
  private static final Query GRAPH = SparqlResources.query(Describer.class, "graph-statements.rq");
  private static final Query RELATED =
      SparqlResources.query(Describer.class, "related-statements.rq");
  private static final Query TIMES = SparqlResources.query(Describer.class, "times.rq");
  private static final Query PROFILE = SparqlResources.query(Describer.class, "profile.rq");
  private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  private static final Node HAS_PROVENANCE = NodeFactory.createURI(PROV.NS + "has_provenance");

  /**
   * A description, ready to be written.
   *
   * @param rdf the statements, each in its graph; the default graph describes the document
   * @param page the model of the HTML page
   */
  record Description(DatasetGraph rdf, Map<String, Object> page) {
    /** The description as triples: the union of its graphs, the default one included. */
    Graph triples() {
      return SiteServlet.union(rdf);
    }
  }

  /** An editorial statement with a reason or evidence of its own, as the slice holds it. */
  private record Support(
      Node kind,
      String reason,
      String confidence,
      List<Source> sources,
      Node subject,
      Node graph) {}

  private final Publication publication;
  private final Knowledge knowledge;
  private final Links links;
  private final int pageSize;

  Describer(Publication publication, Knowledge knowledge, Links links, int pageSize) {
    this.knowledge = knowledge;
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
    DatasetGraph rdf = dataset();
    Node docNode = NodeFactory.createURI(doc + SiteServlet.pageQuery(page));
    rdf.getDefaultGraph().add(docNode, RDF.type.asNode(), FOAF.Document.asNode());
    rdf.getDefaultGraph().add(docNode, FOAF.primaryTopic.asNode(), s);
    rdf.getDefaultGraph()
        .add(
            docNode,
            HAS_PROVENANCE,
            NodeFactory.createURI(
                doc + "." + Representation.TRIG.suffix() + SiteServlet.pageQuery(page)));

    List<Quad> outgoing = new ArrayList<>();
    select(OUTGOING, "s", s, row -> outgoing.add(quad(row.get("g").asNode(), s, row, "p", "o")));
    outgoing.forEach(rdf::add);
    Set<Node> linked = new LinkedHashSet<>();
    select(TIMES, "s", s, row -> copy(row.get("time").asNode(), rdf, true));
    select(
        RELATED,
        "s",
        s,
        row -> {
          copy(row.get("statement").asNode(), rdf, false);
          if (row.contains("evidence")) {
            copy(row.get("evidence").asNode(), rdf, false);
          }
        });
    Map<List<Node>, Support> supports = supports(rdf);

    Map<String, Map<String, Object>> asserted = new LinkedHashMap<>();
    Map<String, Map<String, Object>> entailed = new LinkedHashMap<>();
    List<Map<String, Object>> types = new ArrayList<>();
    List<Map<String, Object>> external = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<List<Node>, List<Node>> graphsOf = new LinkedHashMap<>();
    for (Quad q : outgoing) {
      if (q.getGraph().equals(Graphs.ONTOLOGY)) {
        continue;
      }
      graphsOf
          .computeIfAbsent(List.of(q.getPredicate(), q.getObject()), k -> new ArrayList<>())
          .add(q.getGraph());
    }
    Set<Node> shownTypes = new LinkedHashSet<>();
    graphsOf.forEach(
        (po, graphs) -> {
          Node p = po.get(0);
          Node o = po.get(1);
          if (o.isURI()) {
            linked.add(o);
          }
          List<Node> assertedIn = graphs.stream().filter(g -> !derived(g)).toList();
          if (assertedIn.isEmpty()) {
            return;
          }
          List<Attribution> by = attributions(assertedIn, s, p, o, supports);
          if (p.equals(RDF.type.asNode()) && shownTypes.add(o)) {
            Map<String, Object> t = new LinkedHashMap<>(links.value(o));
            t.put("by", by);
            types.add(t);
          }
          if (p.equals(DCTerms.description.asNode()) && o.isLiteral()) {
            descriptions.add(o.getLiteralLexicalForm());
          }
          if (p.equals(SKOS.editorialNote.asNode()) && o.isLiteral()) {
            notes.add(o.getLiteralLexicalForm());
          }
          if (LINK_RELATIONS.containsKey(p) && o.isURI()) {
            external.add(
                Pages.map(
                    "href",
                    o.getURI(),
                    "label",
                    o.getURI(),
                    "relation",
                    LINK_RELATIONS.get(p),
                    "by",
                    by));
          }
          addValue(asserted, p, value(s, o, by, rdf, supports));
        });
    graphsOf.forEach(
        (po, graphs) -> {
          Node p = po.get(0);
          Node o = po.get(1);
          if (graphs.stream().allMatch(this::derived)) {
            List<Node> sources =
                graphs.stream()
                    .map(g -> NodeFactory.createURI(publication.derivedFrom(g.getURI())))
                    .toList();
            Map<String, Object> v = new LinkedHashMap<>(links.value(o));
            v.put("by", attributions(sources, s, p, o, supports));
            addValue(entailed, p, v);
          }
        });

    List<Map<String, Object>> incoming = new ArrayList<>();
    int[] paging = incoming(s, rdf, supports, page, incoming, linked);
    int current = paging[0];
    int pages = paging[1];
    int incomingTotal = paging[2];
    List<Map<String, Object>> posts = new ArrayList<>();
    List<Map<String, Object>> events = new ArrayList<>();
    profile(s, rdf, supports, posts, events, linked);

    List<ClaimInfo> by = new ArrayList<>();
    List<ClaimInfo> about = new ArrayList<>();
    List<ClaimInfo> inArticle = new ArrayList<>();
    for (ClaimInfo c : publication.claims().values()) {
      if (c.claimant().equals(iri)) {
        by.add(c);
      }
      if (c.article().equals(iri)) {
        inArticle.add(c);
      }
    }
    select(
        CLAIMS,
        "s",
        s,
        row -> {
          ClaimInfo c = publication.claim(row.getResource("claim").getURI());
          if (c != null && !by.contains(c) && !about.contains(c)) {
            about.add(c);
          }
        });
    Comparator<ClaimInfo> inOrder =
        Comparator.comparingLong(ClaimInfo::start).thenComparing(ClaimInfo::iri);
    by.sort(inOrder);
    about.sort(inOrder);
    inArticle.sort(inOrder);
    Set<Node> claimsShown = new LinkedHashSet<>();
    for (List<ClaimInfo> list : List.of(by, about, inArticle)) {
      list.forEach(c -> claimsShown.add(NodeFactory.createURI(c.iri())));
    }
    claimsShown.addAll(graphs(rdf, g -> publication.claim(g) != null));
    for (Node g : graphs(rdf, g -> publication.derivedFrom(g) != null)) {
      if (publication.claim(publication.derivedFrom(g.getURI())) != null) {
        claimsShown.add(NodeFactory.createURI(publication.derivedFrom(g.getURI())));
      }
    }
    for (Node claim : claimsShown) {
      record(claim, rdf, linked);
    }
    for (Node x : linked) {
      labels(x, rdf);
    }
    List<Map<String, Object>> stated = publication.isGraph(iri) ? statements(s) : List.of();

    if (current < pages) {
      rdf.getDefaultGraph()
          .add(
              docNode,
              NodeFactory.createURI(HYDRA + "next"),
              NodeFactory.createURI(doc + "?page=" + (current + 1)));
    }
    if (current > 1) {
      rdf.getDefaultGraph()
          .add(
              docNode,
              NodeFactory.createURI(HYDRA + "previous"),
              NodeFactory.createURI(current == 2 ? doc : doc + "?page=" + (current - 1)));
    }
    if (publication.isGraph(iri)) {
      // The graph's statements, as a download; said of the document, which the default graph
      // describes.
      rdf.getDefaultGraph()
          .add(
              docNode,
              RDFS.seeAlso.asNode(),
              NodeFactory.createURI(siteOf(doc) + "kb/data?graph=" + IriSpace.encodeQuery(iri)));
    }

    Map<String, Object> model = new LinkedHashMap<>();
    String label = publication.label(iri);
    model.put("title", label != null ? label : iri);
    model.put("iri", iri);
    model.put("types", Pages.withLast(types));
    model.put("descriptions", descriptions);
    model.put("notes", notes);
    model.put("hasNotes", !notes.isEmpty());
    model.put("properties", rows(asserted));
    model.put("hasProperties", !asserted.isEmpty());
    model.put("entailed", rows(entailed));
    model.put("hasEntailed", !entailed.isEmpty());
    model.put(
        "entailedCount",
        entailed.values().stream().mapToInt(r -> ((List<?>) r.get("values")).size()).sum());
    List<Map<String, Object>> findings = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    select(
        FINDINGS,
        "s",
        s,
        row -> {
          String annotation = row.getResource("annotation").getURI();
          if (!seen.add(annotation)) {
            return; // one line per finding, with the first page its fact was read on
          }
          // what the finding compares with, when it has a page here (an event of the article);
          // an external fact is shown by the page it was read on
          String compared =
              row.contains("comparedWith")
                      && row.get("comparedWith").isURIResource()
                      && links.hasPage(row.getResource("comparedWith").getURI())
                  ? row.getResource("comparedWith").getURI()
                  : null;
          findings.add(
              Pages.map(
                  "href", links.href(annotation),
                  "check", row.getLiteral("checkLabel").getLexicalForm(),
                  "checkHref", links.href(row.getResource("check").getURI()),
                  "text", row.getLiteral("text").getLexicalForm(),
                  "compared", compared == null ? null : links.text(compared),
                  "comparedHref", compared == null ? null : links.href(compared),
                  "reference",
                      row.contains("reference") ? row.getResource("reference").getURI() : null));
        });
    model.put("findings", findings);
    model.put("hasFindings", !findings.isEmpty());
    model.put("claimsBy", claimViews(by, rdf));
    model.put("hasClaimsBy", !by.isEmpty());
    model.put("claimsAbout", claimViews(about, rdf));
    model.put("hasClaimsAbout", !about.isEmpty());
    model.put("claimsInArticle", claimViews(inArticle, rdf));
    model.put("hasClaimsInArticle", !inArticle.isEmpty());
    model.put("stated", stated);
    model.put("hasStated", !stated.isEmpty());
    model.put("links", external);
    model.put("hasLinks", !external.isEmpty());
    model.put("posts", posts);
    model.put("hasPosts", !posts.isEmpty());
    model.put("events", events);
    model.put("hasEvents", !events.isEmpty());
    model.put("incoming", incoming);
    model.put("hasIncoming", !incoming.isEmpty());
    model.put("incomingTotal", incomingTotal);
    model.put("hasTechnical", !incoming.isEmpty() || !entailed.isEmpty());
    if (pages > 1) {
      model.put("paged", paging(doc, current, pages));
    }
    describeGraphs(rdf);
    return new Description(rdf, model);
  }

  /** Describes a named graph: its statements, all of them in RDF, a page of them in HTML. */
  Description graph(String iri, String doc, int page) {
    Node g = NodeFactory.createURI(iri);
    DatasetGraph rdf = dataset();
    select(
        GRAPH_CONTENT,
        "g",
        g,
        row -> rdf.add(g, row.get("s").asNode(), row.get("p").asNode(), row.get("o").asNode()));
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
    describeGraphs(rdf);
    return new Description(rdf, model);
  }

  private static DatasetGraph dataset() {
    DatasetGraph rdf = DatasetGraphFactory.create();
    rdf.prefixes().putAll(Prefixes.standard());
    return rdf;
  }

  private static Quad quad(Node g, Node s, QuerySolution row, String p, String o) {
    return Quad.create(g, s, row.get(p).asNode(), row.get(o).asNode());
  }

  /** Adds a node's statements (but for those entailed, unless asked) to the description. */
  private void copy(Node x, DatasetGraph rdf, boolean withEntailed) {
    select(
        OUTGOING,
        "s",
        x,
        row -> {
          Node g = row.get("g").asNode();
          if (withEntailed || !derived(g)) {
            rdf.add(quad(g, x, row, "p", "o"));
          }
        });
  }

  /** The claim's record, and its anchor's, from the editorial graph that holds them. */
  private void record(Node claim, DatasetGraph rdf, Set<Node> linked) {
    for (Quad q : publication.claimRecord(claim.getURI())) {
      rdf.add(q);
      if (q.getObject().isURI() && q.getSubject().equals(claim)) {
        linked.add(q.getObject());
      }
    }
    linked.add(claim);
  }

  /**
   * Adds to a description what its named graphs are: each derived graph's description, then each
   * editorial graph's (a derived graph's description is in an editorial graph).
   */
  private void describeGraphs(DatasetGraph rdf) {
    for (Node g : graphs(rdf, g -> publication.derivedFrom(g) != null)) {
      publication.derivedGraphDescription(g.getURI()).forEach(rdf::add);
    }
    describeEditorialGraphs(rdf);
  }

  /** Each editorial graph the description uses, described as it describes itself. */
  private void describeEditorialGraphs(DatasetGraph rdf) {
    for (Node g : graphs(rdf, g -> publication.editorsOf(g) != null)) {
      publication.editorialGraphDescription(g.getURI()).forEach(rdf::add);
      labels(NodeFactory.createURI(publication.editorsOf(g.getURI())), rdf);
    }
  }

  /** Whether a graph holds what another's statements entail. */
  private boolean derived(Node graph) {
    return publication.derivedFrom(graph.getURI()) != null;
  }

  /** The named graphs of a description whose IRI passes a test. */
  private static List<Node> graphs(DatasetGraph rdf, java.util.function.Predicate<String> test) {
    List<Node> graphs = new ArrayList<>();
    rdf.listGraphNodes()
        .forEachRemaining(
            g -> {
              if (test.test(g.getURI())) {
                graphs.add(g);
              }
            });
    return graphs;
  }

  /** The statements that label a node, in the graphs that hold them. */
  private void labels(Node x, DatasetGraph rdf) {
    if (x.isURI()) {
      publication.labelStatements(x.getURI()).forEach(rdf::add);
    }
  }

  /** The editorial statements of the description that carry a reason or evidence of their own. */
  private Map<List<Node>, Support> supports(DatasetGraph rdf) {
    Map<List<Node>, Support> supports = new LinkedHashMap<>();
    rdf.find(Node.ANY, Node.ANY, RDF.subject.asNode(), Node.ANY)
        .forEachRemaining(
            q -> {
              Node st = q.getSubject();
              Node g = q.getGraph();
              Node p = one(rdf, g, st, RDF.predicate.asNode());
              Node o = one(rdf, g, st, RDF.object.asNode());
              Node kind = GB.EditorialStatement.asNode();
              for (Node k :
                  List.of(
                      GB.Identification.asNode(), GB.Reading.asNode(), GB.ExternalLink.asNode())) {
                if (rdf.contains(g, st, RDF.type.asNode(), k)) {
                  kind = k;
                }
              }
              Node reason = one(rdf, g, st, GB.reason.asNode());
              Node confidence = one(rdf, g, st, GB.confidence.asNode());
              List<Source> sources = new ArrayList<>();
              rdf.find(g, st, GB.evidence.asNode(), Node.ANY)
                  .forEachRemaining(
                      e -> {
                        Node ev = e.getObject();
                        Node url = one(rdf, g, ev, GB.referenceUrl.asNode());
                        Node retrieved = one(rdf, g, ev, GB.retrieved.asNode());
                        Node excerpt = one(rdf, g, ev, GB.excerpt.asNode());
                        if (url != null) {
                          sources.add(
                              new Source(
                                  url.getURI(),
                                  retrieved == null ? null : retrieved.getLiteralLexicalForm(),
                                  excerpt == null ? null : excerpt.getLiteralLexicalForm()));
                        }
                      });
              sources.sort(Comparator.comparing(Source::href));
              supports.put(
                  List.of(q.getObject(), p, o),
                  new Support(
                      kind,
                      reason == null ? null : reason.getLiteralLexicalForm(),
                      confidence == null ? null : links.text(confidence.getURI()),
                      sources,
                      q.getObject(),
                      g));
            });
    return supports;
  }

  private static Node one(DatasetGraph rdf, Node g, Node s, Node p) {
    var it = rdf.find(g, s, p, Node.ANY);
    return it.hasNext() ? it.next().getObject() : null;
  }

  /** Who states {@code (s, p, o)}, from the graphs that hold it, one entry per speaker. */
  private List<Attribution> attributions(
      List<Node> graphs, Node s, Node p, Node o, Map<List<Node>, Support> supports) {
    List<Attribution> by = new ArrayList<>();
    List<ClaimInfo> claims = new ArrayList<>();
    for (Node g : graphs) {
      ClaimInfo claim = publication.claim(g.getURI());
      if (claim != null) {
        claims.add(claim);
      } else if (publication.editorsOf(g.getURI()) != null) {
        Attribution.merge(by, editors(g, p, supports.get(List.of(s, p, o))));
      }
    }
    claims.sort(Comparator.comparingLong(ClaimInfo::start).thenComparing(ClaimInfo::iri));
    List<Attribution> sources = new ArrayList<>();
    for (ClaimInfo c : claims) {
      Attribution.merge(
          sources,
          Attribution.source(
              c.claimantLabel(),
              links.href(c.claimant()),
              new Through(links.href(c.iri()), c.label(), c.medium(), c.modality())));
    }
    sources.addAll(by);
    return sources;
  }

  private Attribution editors(Node graph, Node p, Support support) {
    return editors(
        graph,
        support,
        publication
            .ontologyIndex()
            .editorialReason(p)
            .orElseGet(() -> publication.editorialGraphPurpose(graph.getURI())));
  }

  /** The editors of a graph, with the reason, confidence and sources of their statement. */
  private Attribution editors(Node graph, Support support, String kindReason) {
    String agent = publication.editorsOf(graph.getURI());
    return new Attribution(
        "editors",
        links.text(agent),
        links.href(agent),
        List.of(),
        support == null ? null : support.reason(),
        kindReason,
        support == null ? null : support.confidence(),
        support == null ? List.of() : support.sources());
  }

  /**
   * A value cell with who states it. A date the editors read otherwise than the article prints it
   * shows their reading in their voice and the printed form in the claim's.
   */
  private Map<String, Object> value(
      Node s, Node o, List<Attribution> by, DatasetGraph rdf, Map<List<Node>, Support> supports) {
    Map<String, Object> v = new LinkedHashMap<>(links.value(o));
    identified(o, v, s, rdf);
    List<Attribution> shown = by;
    if (o.isURI()) {
      Support reading =
          supports.values().stream()
              .filter(r -> r.kind().equals(GB.Reading.asNode()) && r.subject().equals(o))
              .findFirst()
              .orElse(null);
      if (reading != null) {
        Node printed = null;
        for (var it = rdf.find(Node.ANY, o, GB.printedAs.asNode(), Node.ANY); it.hasNext(); ) {
          printed = it.next().getObject();
        }
        Attribution read = editors(reading.graph(), reading, null);
        if (printed != null) {
          v.put("printedAs", printed.getLiteralLexicalForm());
          v.put("printed", Map.of("by", by));
        }
        shown = List.of(read);
        v.put("reading", true);
      }
    }
    v.put("by", shown);
    return v;
  }

  /**
   * Whom the editors identify a value as, for the page to show beside it in their voice, but for
   * the page's own resource; adds to the description the identification, in the editorial graph
   * that makes it, with the statement that gives its confidence and reason, and the label of whom
   * it names.
   */
  private void identified(Node o, Map<String, Object> into, Node page, DatasetGraph rdf) {
    if (!o.isURI()) {
      return;
    }
    List<Map<String, Object>> identified = new ArrayList<>();
    for (Publication.Identified i : publication.identifications(o.getURI())) {
      if (i.iri().equals(page.getURI())) {
        continue; // the page's own resource: the row already says so
      }
      Node target = NodeFactory.createURI(i.iri());
      Node graph = NodeFactory.createURI(i.graph());
      Node statement = NodeFactory.createURI(i.statement());
      if (!rdf.contains(graph, statement, RDF.type.asNode(), GB.Identification.asNode())) {
        // once per identification, however many rows show it
        rdf.add(graph, o, GB.identifiedAs.asNode(), target);
        copy(statement, rdf, false);
        labels(target, rdf);
      }
      identified.add(
          Pages.map(
              "href", links.href(i.iri()),
              "text", links.text(i.iri()),
              "confidence", i.confidence()));
    }
    if (!identified.isEmpty()) {
      into.put("identified", identified);
    }
  }

  /**
   * The page of statements that link to the resource, with who states each; adds them to the
   * description.
   *
   * @return the page shown, the number of pages, and the number of distinct links
   */
  private int[] incoming(
      Node s,
      DatasetGraph rdf,
      Map<List<Node>, Support> supports,
      int page,
      List<Map<String, Object>> rows,
      Set<Node> linked) {
    List<Link> all = linksTo(INCOMING, s);
    int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
    int current = checkPage(page, pages);
    for (Link link :
        all.subList((current - 1) * pageSize, Math.min(current * pageSize, all.size()))) {
      Node x = link.from();
      Node p = link.property();
      link.graphs().forEach(g -> rdf.add(g, x, p, s));
      linked.add(x);
      Map<String, Object> row =
          Pages.map(
              "href", links.href(x.getURI()),
              "label", links.text(x.getURI()),
              "propertyHref", links.href(p.getURI()),
              "property", links.text(p.getURI()),
              "by", attributions(link.graphs(), x, p, s, supports));
      identified(x, row, s, rdf);
      rows.add(row);
    }
    return new int[] {current, pages, all.size()};
  }

  /**
   * The posts {@code s} holds and the events it takes part in, each with who says so; their
   * statements join the description, the events' times are labelled in it.
   */
  private void profile(
      Node s,
      DatasetGraph rdf,
      Map<List<Node>, Support> supports,
      List<Map<String, Object>> posts,
      List<Map<String, Object>> events,
      Set<Node> linked) {
    for (Link link : linksTo(PROFILE, s)) {
      Node x = link.from();
      Node p = link.property();
      QuerySolution row = link.row();
      link.graphs().forEach(g -> rdf.add(g, x, p, s));
      linked.add(x);
      String when = null;
      if (row.contains("when")) {
        linked.add(row.get("when").asNode());
        when = links.text(row.getResource("when").getURI());
      }
      Map<String, Object> view =
          Pages.map(
              "href", links.href(x.getURI()),
              "label", links.text(x.getURI()),
              "relation", links.text(p.getURI()),
              "relationHref", links.href(p.getURI()),
              "when", when,
              "by", attributions(link.graphs(), x, p, s, supports));
      (row.getLiteral("kind").getString().equals("post") ? posts : events).add(view);
    }
  }

  /**
   * A statement {@code ?x ?p ?s} that links to the described resource, with every graph that states
   * it and the first row of the query that found it.
   */
  private record Link(Node from, Node property, List<Node> graphs, QuerySolution row) {}

  /** The rows of a query over {@code ?s} (binding ?x, ?p, ?g) as links, in the query's order. */
  private List<Link> linksTo(Query query, Node s) {
    Map<List<Node>, List<Node>> graphsOf = new LinkedHashMap<>();
    Map<List<Node>, QuerySolution> first = new LinkedHashMap<>();
    select(
        query,
        "s",
        s,
        row -> {
          List<Node> key = List.of(row.get("x").asNode(), row.get("p").asNode());
          graphsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(row.get("g").asNode());
          first.putIfAbsent(key, row);
        });
    List<Link> all = new ArrayList<>();
    graphsOf.forEach(
        (xp, graphs) ->
            all.add(new Link(xp.get(0), xp.get(1), List.copyOf(graphs), first.get(xp))));
    return all;
  }

  /** The claims as the page lists them, in the article's order, each with its record. */
  private List<Map<String, Object>> claimViews(List<ClaimInfo> claims, DatasetGraph rdf) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (ClaimInfo c : claims) {
      Node claim = NodeFactory.createURI(c.iri());
      List<String> quotations = new ArrayList<>();
      rdf.find(Node.ANY, claim, GB.quotation.asNode(), Node.ANY)
          .forEachRemaining(q -> quotations.add(q.getObject().getLiteralLexicalForm()));
      quotations.sort(null);
      Node source = one(rdf, Node.ANY, claim, GB.source.asNode());
      Node anchor = one(rdf, Node.ANY, claim, GB.anchor.asNode());
      Node start = anchor == null ? null : one(rdf, Node.ANY, anchor, GB.startChar.asNode());
      Node end = anchor == null ? null : one(rdf, Node.ANY, anchor, GB.endChar.asNode());
      views.add(
          Pages.map(
              "href",
              links.href(c.iri()),
              "statement",
              c.label(),
              "claimant",
              c.claimantLabel(),
              "claimantHref",
              links.href(c.claimant()),
              "medium",
              c.medium(),
              "modality",
              c.modality(),
              "source",
              source == null ? null : links.text(source.getURI()),
              "sourceHref",
              source == null ? null : links.href(source.getURI()),
              "anchor",
              anchor == null ? null : anchor.getURI(),
              "start",
              start == null ? null : start.getLiteralLexicalForm(),
              "end",
              end == null ? null : end.getLiteralLexicalForm(),
              "paragraph",
              c.paragraph() == 0 ? null : c.paragraph(),
              "passage",
              c.passage(),
              "quotations",
              quotations));
    }
    return views;
  }

  private static int checkPage(int page, int pages) {
    if (page > pages) {
      throw new HttpError(
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

  private String explanation(String iri) {
    String source = publication.derivedFrom(iri);
    if (source != null) {
      return "Statements that the ontology's subclass and subproperty axioms entail from those of "
          + links.text(source)
          + ", and that graph does not assert: said, by entailment, in its voice.";
    }
    if (iri.equals(Graphs.ONTOLOGY.getURI())) {
      return "The ontology the knowledge base was built with.";
    }
    if (publication.editorsOf(iri) != null) {
      return "An editorial graph: what the editors state, in their own voice, each statement with"
          + " its reason.";
    }
    return "The statements of one claim: what its speaker says.";
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
          if (row.contains("oPrinted")) {
            r.put(
                "text",
                printed(row.getLiteral("oPrinted").getString(), (String) value.get("text")));
          }
          String subject = row.get("s").isURIResource() ? row.getResource("s").getURI() : null;
          r.put("subject", subject == null ? "(an anonymous node)" : links.text(subject));
          if (subject != null && row.contains("sPrinted")) {
            r.put("subject", printed(row.getLiteral("sPrinted").getString(), links.text(subject)));
          }
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

  /**
   * A node a graph prints in its own words: the printed form first, in the graph's voice, then the
   * editors' reading of it.
   */
  private static String printed(String printed, String reading) {
    return "“" + printed + "” as printed (the editors' reading: " + reading + ")";
  }

  private void addValue(Map<String, Map<String, Object>> rows, Node p, Map<String, Object> v) {
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
    values.add(v);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> r : rows.values()) {
      List<Map<String, Object>> values = (List<Map<String, Object>>) r.get("values");
      for (int i = 0; i < values.size(); i++) {
        Map<String, Object> line = new LinkedHashMap<>(values.get(i));
        line.put("first", i == 0);
        line.put("span", values.size());
        line.put("propertyHref", r.get("propertyHref"));
        line.put("propertyLabel", r.get("propertyLabel"));
        out.add(line);
      }
    }
    return out;
  }

  private void select(Query query, String var, Node value, Consumer<QuerySolution> row) {
    knowledge.select(query, BindingFactory.binding(Var.alloc(var), value), row);
  }

  private static String siteOf(String doc) {
    int slash = doc.indexOf('/', doc.indexOf("//") + 2);
    return doc.substring(0, slash + 1);
  }
}
