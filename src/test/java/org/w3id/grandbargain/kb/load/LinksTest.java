package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * Every link of the data goes from an entity of the knowledge base to a well-formed Wikidata item
 * or English DBpedia resource, in the editors' voice, with a link statement that carries its
 * evidence (address, day, words read).
 */
class LinksTest {
  private static final LoadedData DATA = Loader.load(TestProject.layout());

  @Test
  void everyLinkIsWellFormedFromAnEntityInTheEditorsVoiceWithItsEvidence() {
    DatasetGraph d = DATA.dataset();
    List<String> problems = new ArrayList<>();
    int links = 0;
    for (Node relation :
        List.of(OWL.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode())) {
      for (Quad q : Iter.toList(d.find(Node.ANY, Node.ANY, relation, Node.ANY))) {
        if (Graphs.isDerived(q.getGraph()) || q.getGraph().equals(Graphs.ONTOLOGY)) {
          continue;
        }
        links++;
        Node s = q.getSubject();
        Node o = q.getObject();
        if (!s.isURI() || !s.getURI().startsWith(GB.ID)) {
          problems.add("not from an entity of the knowledge base: " + q);
          continue;
        }
        if (!d.contains(Node.ANY, s, RDF.type.asNode(), Node.ANY)) {
          problems.add("from an IRI the data does not describe: " + q);
        }
        if (!o.isURI() || !EntryConverter.EXTERNAL.matcher(o.getURI()).matches()) {
          problems.add("not a Wikidata item or an English DBpedia resource: " + q);
        }
        if (!d.contains(
            q.getGraph(), q.getGraph(), RDF.type.asNode(), GB.EditorialGraph.asNode())) {
          problems.add("not in an editorial graph: " + q);
        }
        boolean evidenced =
            Iter.toList(d.find(q.getGraph(), Node.ANY, RDF.subject.asNode(), s)).stream()
                .map(Quad::getSubject)
                .filter(st -> d.contains(q.getGraph(), st, RDF.predicate.asNode(), relation))
                .filter(st -> d.contains(q.getGraph(), st, RDF.object.asNode(), o))
                .filter(
                    st -> d.contains(q.getGraph(), st, RDF.type.asNode(), GB.ExternalLink.asNode()))
                .flatMap(
                    st ->
                        Iter.toList(d.find(q.getGraph(), st, GB.evidence.asNode(), Node.ANY))
                            .stream())
                .map(Quad::getObject)
                .anyMatch(
                    ev ->
                        d.contains(q.getGraph(), ev, GB.referenceUrl.asNode(), Node.ANY)
                            && d.contains(q.getGraph(), ev, GB.retrieved.asNode(), Node.ANY));
        if (!evidenced) {
          problems.add("without a link statement and its evidence: " + q);
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(links >= 60, "the data's links: " + links);
  }
}
