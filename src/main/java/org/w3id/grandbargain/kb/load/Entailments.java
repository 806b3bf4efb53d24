package org.w3id.grandbargain.kb.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * Materialises what the ontology's alignments entail, so that a query phrased in schema.org, FOAF,
 * ORG, PROV-O, Dublin Core or SKOS terms finds the data: for every asserted {@code s rdf:type C},
 * {@code s rdf:type D} for each superclass D of C; for every asserted {@code s p o}, {@code s q o}
 * for each superproperty q of p. Only the ontology's own subclass, subproperty and equivalence
 * axioms are used (no domain or range inference).
 *
 * <p>What a graph's statements entail is said in the same voice as they are: the entailments of
 * each claim's graph, and of each editorial graph, go into a graph derived from it ({@link
 * Graphs#derived(Node)}), leaving out what that graph asserts itself. So an entailed statement is
 * attributed as the statement it is entailed from is, and stays apart from what the data states.
 */
public final class Entailments {
  private Entailments() {}

  /**
   * Adds the entailed triples of every graph (but the ontology's and the derived ones) to the graph
   * derived from it.
   *
   * @return each derived graph that gained statements, with the graph it is derived from
   */
  public static Map<Node, Node> materialise(DatasetGraph dataset, OntologyIndex ontology) {
    return materialise(dataset, ontology, dataset.find());
  }

  /**
   * Adds the entailed triples of some graphs to the graphs derived from them, as {@link
   * #materialise(DatasetGraph, OntologyIndex)} does for all: for a graph that gained statements
   * since.
   */
  public static Map<Node, Node> materialise(
      DatasetGraph dataset, OntologyIndex ontology, Collection<Node> graphs) {
    List<Quad> quads = new ArrayList<>();
    for (Node g : graphs) {
      dataset.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(quads::add);
    }
    return materialise(dataset, ontology, quads.iterator());
  }

  private static Map<Node, Node> materialise(
      DatasetGraph dataset, OntologyIndex ontology, Iterator<Quad> quads) {
    Node type = RDF.type.asNode();
    Map<Node, List<Triple>> entailed = new LinkedHashMap<>();
    quads.forEachRemaining(
        (Quad q) -> {
          if (!isSource(q.getGraph())) {
            return;
          }
          List<Triple> into = entailed.computeIfAbsent(q.getGraph(), g -> new ArrayList<>());
          Node s = q.getSubject();
          Node p = q.getPredicate();
          Node o = q.getObject();
          if (p.equals(type) && o.isURI()) {
            for (Node superClass : ontology.superClassesOf(o)) {
              into.add(Triple.create(s, type, superClass));
            }
          }
          for (Node superProperty : ontology.superPropertiesOf(p)) {
            into.add(Triple.create(s, superProperty, o));
          }
        });
    Map<Node, Node> added = new LinkedHashMap<>();
    entailed.forEach(
        (source, triples) -> {
          Node derived = Graphs.derived(source);
          for (Triple t : triples) {
            if (!dataset.contains(source, t.getSubject(), t.getPredicate(), t.getObject())
                && !dataset.contains(derived, t.getSubject(), t.getPredicate(), t.getObject())) {
              dataset.add(derived, t.getSubject(), t.getPredicate(), t.getObject());
              added.put(derived, source);
            }
          }
        });
    return added;
  }

  private static boolean isSource(Node graph) {
    return !graph.equals(Graphs.ONTOLOGY) && !Graphs.isDerived(graph);
  }
}
