package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The query guard under the one policy, through the runner that the API and the CLI use. */
class QueryGuardTest {
  private final DatasetKnowledge runner =
      new DatasetKnowledge(
          DatasetFactory.createTxnMem(),
          new QueryPolicy(Duration.ofSeconds(1), 100, ServicePolicy.none()));

  private boolean ask(String query) {
    return runner.ask(QueryFactory.create(query), BindingFactory.empty());
  }

  @Test
  @Timeout(120)
  void aBacktrackingRegexStopsAtTheTimeout() {
    String text = "a".repeat(40) + "!";
    String query = "ASK { BIND(\"" + text + "\" AS ?t) FILTER(REGEX(?t, \"(.*a){14}$\")) }";
    assertThrows(QueryCancelledException.class, () -> ask(query));
  }

  @Test
  @Timeout(60)
  void aBacktrackingRegexOverConstantsStopsAtTheTimeout() {
    String query = "ASK { FILTER(REGEX(\"" + "a".repeat(40) + "!\", \"(.*a){14}$\")) }";
    assertThrows(QueryCancelledException.class, () -> ask(query));
  }

  @Test
  void ordinaryRegexAndReplaceAnswerAsBefore() {
    assertTrue(ask("ASK { FILTER(REGEX(\"Khalilzad\", \"^kh\", \"i\")) }"));
    assertTrue(ask("ASK { FILTER(REPLACE(\"abc\", \"b\", \"x\") = \"axc\") }"));
    assertTrue(ask("ASK { FILTER(CONCAT(\"a\", \"b\") = \"ab\") }"));
  }

  @Test
  void aStringPastTheBoundIsRefused() {
    String replacing =
        "SELECT ?n { BIND(\""
            + "a".repeat(2000)
            + "\" AS ?t) BIND(STRLEN(REPLACE(?t, \"a\", \""
            + "b".repeat(1000)
            + "\")) AS ?n) }";
    QueryLimitException e =
        assertThrows(
            QueryLimitException.class,
            () -> runner.select(QueryFactory.create(replacing), BindingFactory.empty()));
    assertTrue(e.getMessage().contains("more than the 1000000 a query may build"), e.getMessage());
  }

  @Test
  void aStringPastTheBoundInsideAFilterIsRefusedNotTakenForAFalseRow() {
    String filtering =
        "SELECT ?t { BIND(\""
            + "a".repeat(2000)
            + "\" AS ?t) FILTER(STRLEN(REPLACE(?t, \"a\", \""
            + "b".repeat(1000)
            + "\")) > 0) }";
    QueryLimitException e =
        assertThrows(
            QueryLimitException.class,
            () -> runner.select(QueryFactory.create(filtering), BindingFactory.empty()));
    assertTrue(e.getMessage().contains("more than the 1000000 a query may build"), e.getMessage());
  }

  @Test
  void aDeepOffsetIsRefusedBeforeItRuns() {
    QueryLimitException e =
        assertThrows(
            QueryLimitException.class,
            () ->
                runner.select(
                    QueryFactory.create("SELECT * { ?s ?p ?o } OFFSET 1000000000000 LIMIT 1"),
                    BindingFactory.empty()));
    assertEquals(
        "OFFSET 1000000000000 is past the deepest this endpoint pages (100000); narrow the query instead",
        e.getMessage());
  }
}
