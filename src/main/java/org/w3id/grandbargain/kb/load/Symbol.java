package org.w3id.grandbargain.kb.load;

import java.util.List;
import org.apache.jena.graph.Node;

/**
 * A defined entry, with the IRI minted for it and its declared classes.
 *
 * @param iri the entry's IRI
 * @param entry the definition
 * @param types the classes named in its {@code type} field
 */
public record Symbol(Node iri, Entry entry, List<Node> types) {
  public Symbol {
    types = List.copyOf(types);
  }
}
