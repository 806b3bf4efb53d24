package org.w3id.grandbargain.kb.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.TestProject;

/** The vocabulary class and the ontology agree both ways, and every term is documented. */
class GBTest {
  private static final List<Node> DECLARATIONS =
      List.of(
          OWL.Class.asNode(),
          OWL.ObjectProperty.asNode(),
          OWL.DatatypeProperty.asNode(),
          OWL.NamedIndividual.asNode());

  private static Graph ontology;

  @BeforeAll
  static void read() {
    ontology = RDFDataMgr.loadGraph(TestProject.layout().ontology().toString());
  }

  private static Set<String> declaredTerms() {
    Set<String> terms = new TreeSet<>();
    for (Node type : DECLARATIONS) {
      ontology
          .find(Node.ANY, RDF.type.asNode(), type)
          .forEachRemaining(
              t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(GB.NS)) {
                  terms.add(t.getSubject().getURI());
                }
              });
    }
    return terms;
  }

  private static Set<String> constants() throws IllegalAccessException {
    Set<String> terms = new TreeSet<>();
    for (Field f : GB.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Resource.class.isAssignableFrom(f.getType())) {
        String uri = ((Resource) f.get(null)).getURI();
        if (uri.startsWith(GB.NS)) {
          assertEquals(GB.NS + f.getName(), uri, "constant named after its local name");
          terms.add(uri);
        }
      }
    }
    return terms;
  }

  @Test
  void everyDeclaredTermHasAConstantAndEveryConstantIsDeclared() throws IllegalAccessException {
    assertEquals(declaredTerms(), constants());
  }

  @Test
  void everyTermHasALabelAndAComment() {
    for (String term : declaredTerms()) {
      Node t = org.apache.jena.graph.NodeFactory.createURI(term);
      assertTrue(ontology.contains(t, RDFS.label.asNode(), Node.ANY), term + " has no label");
      assertTrue(ontology.contains(t, RDFS.comment.asNode(), Node.ANY), term + " has no comment");
    }
  }

  @Test
  void everyPropertyHasADomainAndARange() {
    for (Node type : List.of(OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode())) {
      ontology
          .find(Node.ANY, RDF.type.asNode(), type)
          .forEachRemaining(
              p -> {
                assertTrue(
                    ontology.contains(p.getSubject(), RDFS.domain.asNode(), Node.ANY),
                    p.getSubject() + " has no domain");
                assertTrue(
                    ontology.contains(p.getSubject(), RDFS.range.asNode(), Node.ANY),
                    p.getSubject() + " has no range");
              });
    }
  }

  @Test
  void theOntologyCarriesItsOwnMetadata() {
    Node o = GB.ontology.asNode();
    for (Node p :
        List.of(
            OWL.versionIRI.asNode(),
            OWL.versionInfo.asNode(),
            DCTerms.license.asNode(),
            DCTerms.creator.asNode(),
            DCTerms.created.asNode(),
            DCTerms.modified.asNode(),
            DCTerms.title.asNode())) {
      assertTrue(ontology.contains(o, p, Node.ANY), "ontology lacks " + p);
    }
  }

  @Test
  void theOntologyHasNoBlankNodes() {
    ontology
        .find()
        .forEachRemaining(
            t ->
                assertTrue(
                    !t.getSubject().isBlank() && !t.getObject().isBlank(), "blank node in " + t));
  }

  @Test
  void theRequiredClassesExist() {
    for (Resource c :
        List.of(GB.Person, GB.Organisation, GB.Proposal, GB.Channel, GB.Claim, GB.Event, GB.Role)) {
      assertTrue(ontology.contains(c.asNode(), RDF.type.asNode(), OWL.Class.asNode()), c + "");
    }
  }
}
