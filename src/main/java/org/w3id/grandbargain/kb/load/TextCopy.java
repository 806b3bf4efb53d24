package org.w3id.grandbargain.kb.load;

import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The fixed copy of an article's text in which claim anchors count characters.
 *
 * @param iri the copy's IRI in the knowledge base
 * @param retrievedFrom the address the text was taken from; anchors are RFC 5147 fragments on it
 * @param characterCount the number of code points in the text
 */
public record TextCopy(Node iri, String retrievedFrom, long characterCount) {
  public TextCopy {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(retrievedFrom, "retrievedFrom");
    if (retrievedFrom.contains("#")) {
      throw new IllegalArgumentException(
          "retrievedFrom must not have a fragment: " + retrievedFrom);
    }
    if (characterCount < 0) {
      throw new IllegalArgumentException("negative character count: " + characterCount);
    }
  }

  /** The RFC 5147 IRI of the characters {@code [start, end)}. */
  public Node span(long start, long end) {
    return NodeFactory.createURI(retrievedFrom + "#char=" + start + "," + end);
  }
}
