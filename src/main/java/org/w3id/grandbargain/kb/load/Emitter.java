package org.w3id.grandbargain.kb.load;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/** Writes the triples of one entry into each of the named graphs where the entry belongs. */
record Emitter(DatasetGraph dataset, List<Node> graphs) {
  Emitter {
    graphs = List.copyOf(graphs);
  }

  void add(Node subject, Node predicate, Node object) {
    for (Node g : graphs) {
      dataset.add(g, subject, predicate, object);
    }
  }
}
