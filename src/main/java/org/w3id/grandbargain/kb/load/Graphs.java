package org.w3id.grandbargain.kb.load;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The named graphs of the knowledge base.
 *
 * <ul>
 *   <li>{@link #SHARED}: the curated descriptions of shared entities (people, organisations,
 *       places, posts) and their external links;
 *   <li>{@link #article(String)}: one per article: its bibliographic description, the documents it
 *       cites, its claims with their speaker, source and anchor;
 *   <li>one graph per claim, named by the claim's IRI: the facts the claim states;
 *   <li>{@link #derived(Node)}: one per claim's graph and per editorial graph: the triples its own
 *       entail by the ontology's subclass and subproperty axioms, and it does not assert;
 *   <li>{@link #ONTOLOGY}: the ontology itself.
 * </ul>
 */
public final class Graphs {
  public static final Node SHARED = NodeFactory.createURI(GB.GRAPH + "shared");

  /** The end of a derived graph's name, after the name of the graph it is derived from. */
  public static final String DERIVED_SUFFIX = "/inferred";

  public static final Node ONTOLOGY = NodeFactory.createURI(GB.GRAPH + "ontology");

  private Graphs() {}

  /** The graph of what a graph's statements entail: its name, followed by {@code /inferred}. */
  public static Node derived(Node graph) {
    return NodeFactory.createURI(graph.getURI() + DERIVED_SUFFIX);
  }

  /** Whether a graph holds what another's statements entail. */
  public static boolean isDerived(Node graph) {
    return graph.isURI() && graph.getURI().endsWith(DERIVED_SUFFIX);
  }

  /** The graph of one article's own description and claims. */
  public static Node article(String slug) {
    return NodeFactory.createURI(GB.GRAPH + slug);
  }
}
