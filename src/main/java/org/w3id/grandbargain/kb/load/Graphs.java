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
 *   <li>{@link #INFERRED}: triples entailed by the ontology's subclass and subproperty axioms and
 *       not asserted anywhere;
 *   <li>{@link #ONTOLOGY}: the ontology itself.
 * </ul>
 */
public final class Graphs {
  public static final Node SHARED = NodeFactory.createURI(GB.GRAPH + "shared");
  public static final Node INFERRED = NodeFactory.createURI(GB.GRAPH + "inferred");
  public static final Node ONTOLOGY = NodeFactory.createURI(GB.GRAPH + "ontology");

  private Graphs() {}

  /** The graph of one article's own description and claims. */
  public static Node article(String slug) {
    return NodeFactory.createURI(GB.GRAPH + slug);
  }
}
