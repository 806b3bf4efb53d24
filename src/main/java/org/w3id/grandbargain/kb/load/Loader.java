package org.w3id.grandbargain.kb.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.StageTimer;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;
import org.w3id.grandbargain.kb.vocabulary.PROV;

/**
 * Turns the curated data into the knowledge base's quads: reads the ontology and the data folders,
 * resolves every reference, converts each entry (what its claims state into the claims' graphs,
 * what the editors add into the editorial graphs), adds the ontology graph and materialises the
 * alignments' entailments. Any bad input stops the load with a {@link LoadException} naming the
 * file, the entry and the problem; nothing is written anywhere.
 *
 * <pre>{@code
 * LoadedData data = Loader.load(ProjectLayout.fromRoot(Path.of(".")));
 * }</pre>
 */
public final class Loader {
  private Loader() {}

  /** Loads the project's data as laid out. */
  public static LoadedData load(ProjectLayout layout) {
    return load(layout, StageTimer.silent());
  }

  /** Loads the project's data as laid out, reporting each stage of the load to a timer. */
  public static LoadedData load(ProjectLayout layout, StageTimer timer) {
    OntologyIndex ontology = OntologyIndex.read(layout.ontology());
    return load(ontology, layout.dataRoots(), timer);
  }

  /** Loads data folders against an ontology already read. */
  public static LoadedData load(OntologyIndex ontology, List<java.nio.file.Path> dataRoots) {
    return load(ontology, dataRoots, StageTimer.silent());
  }

  /**
   * Loads data folders against an ontology already read, reporting each stage to a timer: reading
   * the YAML, resolving the ids, converting the entries, adding the snapshots and the ontology,
   * materialising the entailments.
   */
  public static LoadedData load(
      OntologyIndex ontology, List<java.nio.file.Path> dataRoots, StageTimer timer) {
    Corpus corpus = new CorpusReader().read(dataRoots);
    timer.done("load: read", 0);
    SymbolTable symbols = SymbolTable.build(corpus, ontology);
    requireEditors(symbols, ontology, dataRoots);
    timer.done("load: resolve ids", 0);
    DatasetGraph dataset = DatasetGraphFactory.create();
    EntryConverter converter = new EntryConverter(ontology, symbols, dataset);
    corpus.shared().forEach(converter::convert);
    corpus.articles().values().forEach(entries -> entries.forEach(converter::convert));
    describeEditorialGraphs(dataset, corpus, symbols);
    timer.done("load: convert", size(dataset));
    ExternalSnapshots.load(dataRoots, dataset);
    ontology
        .graph()
        .find()
        .forEachRemaining(
            t -> dataset.add(Graphs.ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
    timer.done("load: snapshots and ontology", size(dataset));
    describeUntilStable(dataset, ontology, symbols, Entailments.materialise(dataset, ontology));
    timer.done("load: entail", size(dataset));
    return new LoadedData(dataset, ontology, corpus, symbols);
  }

  /** The number of quads of a dataset. */
  public static long size(DatasetGraph dataset) {
    long n = dataset.getDefaultGraph().size();
    for (var graphs = dataset.listGraphNodes(); graphs.hasNext(); ) {
      n += dataset.getGraph(graphs.next()).size();
    }
    return n;
  }

  /**
   * Materialises the entailments of graphs added to loaded data since (the findings of the checks),
   * each into its derived graph, described as the loader describes every derived graph.
   */
  public static void entail(LoadedData data, java.util.Collection<Node> graphs) {
    describeUntilStable(
        data.dataset(),
        data.ontology(),
        data.symbols(),
        Entailments.materialise(data.dataset(), data.ontology(), graphs));
  }

  // The derived graphs are described in the editorial graphs, whose own entailments the
  // descriptions add to: materialise those again until no new derived graph appears. Which graphs
  // are described already is read once and then kept up to date, rather than looked up in every
  // graph for each derived graph (one graph per claim makes that quadratic in the corpus).
  private static void describeUntilStable(
      DatasetGraph dataset, OntologyIndex ontology, SymbolTable symbols, Map<Node, Node> derived) {
    Set<Node> described = new java.util.HashSet<>();
    if (!derived.isEmpty()) {
      dataset
          .find(Node.ANY, Node.ANY, RDF.type.asNode(), GB.DerivedGraph.asNode())
          .forEachRemaining(q -> described.add(q.getSubject()));
    }
    while (!derived.isEmpty()) {
      Set<Node> describedIn = new LinkedHashSet<>();
      derived.forEach(
          (graph, source) -> {
            describedIn.add(describeDerived(dataset, graph, source, symbols));
            described.add(graph);
          });
      derived = Entailments.materialise(dataset, ontology, describedIn);
      derived.keySet().removeIf(described::contains);
    }
  }

  /** The editors, to whom every editorial statement is attributed, must be a shared agent. */
  private static void requireEditors(
      SymbolTable symbols, OntologyIndex ontology, List<java.nio.file.Path> dataRoots) {
    Symbol editors = symbols.shared().get(EditorialStatements.EDITORS_ID);
    if (editors == null) {
      throw new LoadException(
          CorpusReader.shown(dataRoots.get(0).resolve("shared")),
          null,
          "no shared entry 'editors': the editors, to whom the editorial graphs and statements"
              + " are attributed, must be described as an agent");
    }
    if (editors.types().stream().noneMatch(t -> ontology.isSubClassOf(t, GB.Agent.asNode()))) {
      throw new LoadException(
          editors.entry().file(), editors.entry().describe(), "the editors must be an Agent");
    }
  }

  /**
   * Describes each editorial graph in itself: what it holds, and that it is the editors'. The
   * claims' graphs are described by their claims, in the article's editorial graph.
   */
  private static void describeEditorialGraphs(
      DatasetGraph dataset, Corpus corpus, SymbolTable symbols) {
    describe(
        dataset,
        Graphs.SHARED,
        "Editorial graph of the shared entities",
        "The editors' description of the people, organisations, places and posts any article may"
            + " refer to, with their identifications and external links.");
    for (String slug : corpus.articles().keySet()) {
      Symbol article = symbols.article(slug).get(slug);
      String name = article == null ? slug : symbols.displayName(article);
      describe(
          dataset,
          Graphs.article(slug),
          "Editorial graph of " + name,
          "The editors' record of the article (its bibliographic description, the documents it"
              + " cites, who makes each claim, how and where) and what they add to its claims:"
              + " labels and descriptions in their own words, notes, identifications, readings"
              + " of what it prints, derived values and links.");
      if (article != null) {
        dataset.add(
            Graphs.article(slug), Graphs.article(slug), DCTerms.subject.asNode(), article.iri());
      }
    }
  }

  /**
   * Describes a derived graph beside the graph it is derived from: a claim's in the editorial graph
   * of its article (where the claim is described), an editorial graph's in itself.
   *
   * @return the graph that holds the description
   */
  private static Node describeDerived(
      DatasetGraph dataset, Node graph, Node source, SymbolTable symbols) {
    Node in = source;
    String name = source.getURI();
    var claim = symbols.byIri(source);
    if (claim.isPresent()) {
      in = Graphs.article(claim.get().entry().scope().article());
      name = "the claim: " + symbols.displayName(claim.get());
    } else {
      var label = dataset.find(source, source, GB.label.asNode(), Node.ANY);
      if (label.hasNext()) {
        String l = label.next().getObject().getLiteralLexicalForm();
        name = "the " + Character.toLowerCase(l.charAt(0)) + l.substring(1);
      }
    }
    dataset.add(in, graph, RDF.type.asNode(), GB.DerivedGraph.asNode());
    dataset.add(
        in, graph, GB.label.asNode(), NodeFactory.createLiteralLang("Entailed from " + name, "en"));
    dataset.add(in, graph, PROV.wasDerivedFrom.asNode(), source);
    return in;
  }

  private static void describe(DatasetGraph dataset, Node graph, String label, String description) {
    dataset.add(graph, graph, RDF.type.asNode(), GB.EditorialGraph.asNode());
    dataset.add(graph, graph, GB.label.asNode(), NodeFactory.createLiteralLang(label, "en"));
    dataset.add(
        graph,
        graph,
        DCTerms.description.asNode(),
        NodeFactory.createLiteralLang(description, "en"));
    dataset.add(graph, graph, PROV.wasAttributedTo.asNode(), EditorialStatements.EDITORS);
  }
}
