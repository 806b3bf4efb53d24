package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3id.grandbargain.kb.ConfigurationException;

/** The seam to the knowledge over a dataset: its answers, its bounds and its time limits. */
class DatasetKnowledgeTest {
  private static final String EX = "http://example.org/";
  private static final int ROWS = 40;
  private static Dataset dataset;

  @BeforeAll
  static void data() {
    dataset = DatasetFactory.createTxnMem();
    Txn.executeWrite(
        dataset,
        () -> {
          Model g = ModelFactory.createDefaultModel();
          for (int i = 0; i < ROWS; i++) {
            g.add(
                g.createResource(EX + "s" + i),
                g.createProperty(EX, "p"),
                g.createResource(EX + "o" + (i % 4)));
          }
          dataset.addNamedModel(EX + "g", g);
        });
  }

  private static DatasetKnowledge knowledge(int maxRows, Duration timeout) {
    return new DatasetKnowledge(dataset, new QueryPolicy(timeout, maxRows, ServicePolicy.none()));
  }

  private static Query query(String text) {
    return QueryFactory.create(text);
  }

  @Test
  void aSelectIsAnsweredWithItsBindingSubstituted() {
    var rows =
        knowledge(100, Duration.ofSeconds(10))
            .select(
                query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s"),
                BindingFactory.binding(Var.alloc("o"), NodeFactory.createURI(EX + "o1")));
    List<String> subjects = new ArrayList<>();
    rows.forEachRemaining(r -> subjects.add(r.getResource("s").getURI()));
    assertEquals(10, subjects.size());
    assertEquals(EX + "s1", subjects.get(0));
    assertEquals(EX + "s9", subjects.get(subjects.size() - 1));
  }

  @Test
  void anAnswerTakenWholeIsRefusedPastTheRowBoundNotCutShort() {
    DatasetKnowledge bounded = knowledge(ROWS - 1, Duration.ofSeconds(10));
    QueryLimitException rows =
        assertThrows(
            QueryLimitException.class,
            () -> bounded.select(query("SELECT * { GRAPH ?g { ?s ?p ?o } }"), null));
    assertTrue(rows.getMessage().contains("more than 39 rows"), rows.getMessage());
    QueryLimitException triples =
        assertThrows(
            QueryLimitException.class,
            () ->
                bounded.construct(
                    query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"), null));
    assertTrue(triples.getMessage().contains("more than 39 triples"), triples.getMessage());
    assertEquals(
        ROWS,
        knowledge(ROWS, Duration.ofSeconds(10))
            .construct(query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"), null)
            .size());
  }

  @Test
  void aStreamedSelectIsNotBoundedByRows() {
    List<String> seen = new ArrayList<>();
    knowledge(1, Duration.ofSeconds(10))
        .select(
            query("SELECT ?s { GRAPH ?g { ?s ?p ?o } }"),
            BindingFactory.empty(),
            r -> seen.add(r.getResource("s").getURI()));
    assertEquals(ROWS, seen.size());
  }

  @Test
  void eachKindOfQueryHasItsOwnCall() {
    DatasetKnowledge k = knowledge(100, Duration.ofSeconds(10));
    assertTrue(k.ask(query("ASK { GRAPH ?g { ?s ?p ?o } }"), null));
    assertThrows(ConfigurationException.class, () -> k.ask(query("SELECT * { ?s ?p ?o }"), null));
    assertThrows(ConfigurationException.class, () -> k.select(query("ASK { ?s ?p ?o }"), null));
    assertThrows(ConfigurationException.class, () -> k.construct(query("ASK { ?s ?p ?o }"), null));
    assertEquals(
        1, k.construct(query("DESCRIBE <" + EX + "s1>"), null).listStatements().toList().size());
    assertTrue(k.ready());
  }

  @Test
  void anotherPolicyIsTheSameKnowledgeUnderOtherBounds() {
    DatasetKnowledge k = knowledge(100, Duration.ofSeconds(10));
    QueryPolicy other = new QueryPolicy(Duration.ofSeconds(2), 5, ServicePolicy.none());
    Knowledge under = k.withPolicy(other);
    assertSame(other, under.policy());
    assertSame(k.served(), under.served());
    assertThrows(
        QueryLimitException.class,
        () -> under.select(query("SELECT * { GRAPH ?g { ?s ?p ?o } }"), null));
  }

  /** A cross join of the data with itself four times over: 2.5 million rows to count. */
  private static final String SLOW =
      "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a ?b ?c . ?d ?e ?f . ?h ?i ?j . ?k ?l ?m } }";

  @Test
  @Timeout(60)
  void anEndpointExecutionStopsAtTheTimeTheRequestAsksForWhenItIsLower() {
    assertCancelled(Duration.ofSeconds(60), Duration.ofMillis(1));
  }

  @Test
  @Timeout(60)
  void anEndpointExecutionCannotOutlastThePolicy() {
    assertCancelled(Duration.ofMillis(1), Duration.ofHours(1));
  }

  private static void assertCancelled(Duration policy, Duration requested) {
    DatasetKnowledge k = knowledge(100, policy);
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExec exec = k.execution(query(SLOW), k.served(), null, requested)) {
            assertThrows(QueryCancelledException.class, () -> exec.select().materialize());
          }
        });
  }

  @Test
  void anEndpointExecutionWithinItsTimeAnswers() {
    DatasetKnowledge k = knowledge(100, Duration.ofSeconds(30));
    long n =
        Txn.calculateRead(
            dataset,
            () -> {
              try (QueryExec exec =
                  k.execution(
                      query("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a ?b ?c . ?d ?e ?f } }"),
                      k.served(),
                      null,
                      null)) {
                return ((Number) exec.select().next().get(Var.alloc("n")).getLiteralValue())
                    .longValue();
              }
            });
    assertEquals((long) ROWS * ROWS, n);
    assertFalse(k.served().isEmpty());
  }
}
