package org.w3id.grandbargain.kb.load;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where the statements of one entry go. What the entry's claims state goes to the graph of each
 * claim it cites; what the editors add (a field of an editorial property, a reading, a derived
 * value) goes to the editorial graph of its scope. For the editors' own entries (shared entities,
 * and an article's record: the article, its claims, the documents it cites) both voices are the
 * editors'.
 *
 * @param dataset where the quads are written
 * @param claimGraphs the graphs of the claims the entry cites; empty when it cites none
 * @param editorialGraph the editorial graph of the entry's scope
 * @param editorsOwn whether the entry is the editors' own, so that what it states is theirs
 */
record Voices(
    DatasetGraph dataset, List<Node> claimGraphs, Node editorialGraph, boolean editorsOwn) {
  Voices {
    claimGraphs = List.copyOf(claimGraphs);
  }

  /** The editors' voice. */
  Emitter editors() {
    return new Emitter(dataset, List.of(editorialGraph));
  }

  /**
   * Whether anything can be stated in the claims' voice: the entry cites claims or is the editors'.
   */
  boolean canState() {
    return !claimGraphs.isEmpty() || editorsOwn;
  }

  /** The claims' voice (the editors' for their own entries); check {@link #canState()} first. */
  Emitter stated() {
    if (!claimGraphs.isEmpty()) {
      return new Emitter(dataset, claimGraphs);
    }
    if (!editorsOwn) {
      throw new IllegalStateException("no claim to state this in");
    }
    return editors();
  }
}
