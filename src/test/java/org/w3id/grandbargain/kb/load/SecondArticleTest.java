package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.validate.ShapesValidator;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * A second article is added as data: the fixture under {@code second-article/} loads beside the
 * real one without code changes, conforms, and collides with none of its IRIs although it reuses
 * some of the same ids.
 */
class SecondArticleTest {
  private static final String REAL = "ips-2006-03-28-cabal";
  private static final String SECOND = "test-2024-06-bulletin";
  private static LoadedData realOnly;
  private static LoadedData both;
  private static ProjectLayout layout;

  @BeforeAll
  static void load() {
    layout =
        TestProject.layout().withExtraData(List.of(TestProject.resource("second-article/data")));
    realOnly = Loader.load(TestProject.layout());
    both = Loader.load(layout);
  }

  @Test
  void bothArticlesLoadAndConform() {
    ShapesValidator.read(layout.shapes(), both.ontology().graph())
        .requireConforms(both.dataset().getUnionGraph());
    assertEquals(Set.of(REAL, SECOND), both.corpus().articles().keySet());
  }

  @Test
  void theSameIdInTwoArticlesNamesTwoResources() {
    Node inReal = both.symbols().article(REAL).get("grand-bargain").iri();
    Node inSecond = both.symbols().article(SECOND).get("grand-bargain").iri();
    assertNotEquals(inReal, inSecond);
    assertEquals(GB.ID + SECOND + "/grand-bargain", inSecond.getURI());
    var union = both.dataset().getUnionGraph();
    assertTrue(union.contains(inReal, RDF.type.asNode(), GB.Proposal.asNode()));
    assertTrue(union.contains(inSecond, RDF.type.asNode(), GB.Meeting.asNode()));
    assertTrue(!union.contains(inSecond, RDF.type.asNode(), GB.Proposal.asNode()));
  }

  @Test
  void sharedEntitiesAreTheSameResourceInBothArticles() {
    Node geneva = NodeFactory.createURI(GB.ID + "geneva");
    Node realChannel = both.symbols().article(REAL).get("geneva-channel").iri();
    Node secondMeeting = both.symbols().article(SECOND).get("grand-bargain").iri();
    var union = both.dataset().getUnionGraph();
    assertTrue(union.contains(realChannel, GB.place.asNode(), geneva));
    assertTrue(union.contains(secondMeeting, GB.place.asNode(), geneva));
  }

  @Test
  void theRealArticlesQuadsAreAllKeptAndNoneOfItsResourcesGainsStatements() {
    Set<Quad> real = new HashSet<>();
    Set<Node> realSubjects = new HashSet<>();
    realOnly
        .dataset()
        .find()
        .forEachRemaining(
            q -> {
              real.add(q);
              realSubjects.add(q.getSubject());
            });
    Set<Quad> combined = new HashSet<>();
    both.dataset().find().forEachRemaining(combined::add);
    assertTrue(combined.containsAll(real), "the second article removed quads of the first");
    for (Quad added : combined) {
      if (!real.contains(added)) {
        assertTrue(
            !realSubjects.contains(added.getSubject()),
            "the second article states something about a resource of the first: " + added);
      }
    }
    assertTrue(combined.size() > real.size());
  }

  @Test
  void eachArticleHasItsOwnGraph() {
    assertTrue(both.dataset().containsGraph(Graphs.article(REAL)));
    assertTrue(both.dataset().containsGraph(Graphs.article(SECOND)));
    Node secondClaim = both.symbols().article(SECOND).get("porter-geneva-closed").iri();
    Node realClaim = both.symbols().article(REAL).get("porter-geneva-closed").iri();
    assertNotEquals(secondClaim, realClaim);
    assertTrue(both.dataset().containsGraph(secondClaim));
    assertTrue(both.dataset().containsGraph(realClaim));
  }
}
