package org.w3id.grandbargain.kb.load;

import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The fixed copy of an article's text in which claim anchors count characters.
 *
 * @param iri the copy's IRI in the knowledge base
 * @param retrievedFrom the address the text was taken from; anchors are RFC 5147 fragments on it,
 *     and passage links text fragments on it
 * @param characterCount the number of code points in the text
 * @param paragraphStarts where each paragraph of the document's body begins, in increasing order
 */
public record TextCopy(
    Node iri, String retrievedFrom, long characterCount, List<Long> paragraphStarts) {
  public TextCopy {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(retrievedFrom, "retrievedFrom");
    paragraphStarts = List.copyOf(paragraphStarts);
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

  /**
   * The paragraph of the body in which a position lies, counted from 1; 0 when it lies before the
   * first paragraph.
   */
  public int paragraphOf(long position) {
    int n = 0;
    for (long start : paragraphStarts) {
      if (start > position) {
        break;
      }
      n++;
    }
    return n;
  }

  /** The link a browser follows to a passage of the page: a URL text fragment. */
  public Node passageLink(TextFragment fragment) {
    return NodeFactory.createURI(retrievedFrom + fragment.urlFragment());
  }
}
