package org.w3id.grandbargain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stage's report: its name, seconds, triples and rate, one line per stage, in order. */
class StageTimerTest {
  @Test
  void aLineNamesTheStageItsSecondsTriplesAndRate() {
    assertEquals(
        "stage tdb2: 2.000 s, 10000 triples, 5000 triples/s", StageTimer.line("tdb2", 2, 10000));
    assertEquals("stage read: 0.000 s, 0 triples, 0 triples/s", StageTimer.line("read", 0, 0));
  }

  @Test
  void eachStageIsReportedOnceInOrder() {
    List<String> lines = new ArrayList<>();
    StageTimer timer = new StageTimer(lines::add);
    timer.done("one", 1);
    timer.restart();
    timer.done("two", 2);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).startsWith("stage one: "), lines::toString);
    assertTrue(
        lines.get(1).matches("stage two: \\d+\\.\\d{3} s, 2 triples, \\d+ triples/s"),
        lines::toString);
  }
}
