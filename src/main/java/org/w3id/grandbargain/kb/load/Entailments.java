package org.w3id.grandbargain.kb.load;

import java.util.ArrayList;
import java.util.List;
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
 * axioms are used (no domain or range inference). Entailed triples that are not asserted anywhere
 * go into {@link Graphs#INFERRED}, so they stay distinguishable from what the data states.
 */
public final class Entailments {
  private Entailments() {}

  /**
   * Adds the entailed triples of every graph except the inferred and ontology graphs.
   *
   * @return the number of triples added to the inferred graph
   */
  public static long materialise(DatasetGraph dataset, OntologyIndex ontology) {
    Node type = RDF.type.asNode();
    List<Triple> entailed = new ArrayList<>();
    dataset
        .find()
        .forEachRemaining(
            (Quad q) -> {
              if (q.getGraph().equals(Graphs.INFERRED) || q.getGraph().equals(Graphs.ONTOLOGY)) {
                return;
              }
              Node s = q.getSubject();
              Node p = q.getPredicate();
              Node o = q.getObject();
              if (p.equals(type) && o.isURI()) {
                for (Node superClass : ontology.superClassesOf(o)) {
                  entailed.add(Triple.create(s, type, superClass));
                }
              }
              for (Node superProperty : ontology.superPropertiesOf(p)) {
                entailed.add(Triple.create(s, superProperty, o));
              }
            });
    long added = 0;
    for (Triple t : entailed) {
      boolean asserted =
          dataset.stream(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject())
              .anyMatch(
                  q ->
                      !q.getGraph().equals(Graphs.INFERRED)
                          && !q.getGraph().equals(Graphs.ONTOLOGY));
      if (!asserted
          && !dataset.contains(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject())) {
        dataset.add(Graphs.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
        added++;
      }
    }
    return added;
  }
}
