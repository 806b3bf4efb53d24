package org.w3id.grandbargain.kb.publish.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.publish.core.Attribution.Source;
import org.w3id.grandbargain.kb.publish.core.Attribution.Through;

/** How a page names who states a value: each speaker once, with every claim they state it in. */
class AttributionTest {
  private static final Through GUESS =
      new Through("/doc/id/a/guess", "A guesses", "remarks", "conjecture");
  private static final Through REMARK = new Through("/doc/id/a/remark", "A says", "remarks", null);

  private static Attribution editors(String reason) {
    return new Attribution(
        "editors",
        "Editors",
        "/doc/id/editors",
        List.of(),
        reason,
        "kind",
        reason == null ? null : "probable",
        reason == null
            ? List.of()
            : List.of(new Source("http://example.org", "1 December 2026", null)));
  }

  @Test
  void aSpeakerWhoStatesAValueThroughTwoClaimsIsNamedOnceWithBoth() {
    List<Attribution> into = new ArrayList<>();
    Attribution.merge(into, Attribution.source("A", "/doc/id/a", GUESS));
    Attribution.merge(into, Attribution.source("A", "/doc/id/a", REMARK));
    Attribution.merge(into, Attribution.source("A", "/doc/id/a", GUESS));
    assertEquals(List.of(Attribution.source("A", "/doc/id/a", GUESS).with(REMARK)), into);
  }

  @Test
  void twoSpeakersWithOneNameStayApart() {
    List<Attribution> into = new ArrayList<>();
    Attribution one = Attribution.source("An unidentified source", "/doc/id/a/source-1", GUESS);
    Attribution two = Attribution.source("An unidentified source", "/doc/id/a/source-2", REMARK);
    Attribution.merge(into, one);
    Attribution.merge(into, two);
    assertEquals(List.of(one, two), into);
  }

  @Test
  void theEditorsAreNamedOnceWithTheReasonOneOfTheirStatementsGives() {
    List<Attribution> into = new ArrayList<>();
    Attribution.merge(into, editors(null));
    Attribution.merge(into, Attribution.source("A", "/doc/id/a", GUESS));
    Attribution.merge(into, editors("Because."));
    assertEquals(List.of(editors("Because."), Attribution.source("A", "/doc/id/a", GUESS)), into);
  }
}
