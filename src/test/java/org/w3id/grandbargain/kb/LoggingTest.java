package org.w3id.grandbargain.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logging configuration the jar ships: what a flood of warnings writes is bounded. */
class LoggingTest {
  @Test
  void aFloodOfLongWarningsWithStackTracesWritesABoundedAmount() {
    Logger log = LoggerFactory.getLogger("org.apache.jena.fuseki.Fuseki");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String message = "line one\nforged 00:00:00 ERROR line " + "x".repeat(100_000);
    Exception deep = deepException(2000);
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (int i = 0; i < 10_000; i++) {
        log.warn(message, deep);
      }
    } finally {
      System.setErr(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    String[] lines = out.split("\n");
    assertTrue(out.length() < 1_500_000, "10,000 warnings of 100 KB wrote " + out.length());
    assertTrue(out.length() > 0, "warnings are written");
    assertTrue(lines[0].contains("line one\\nforged 00:00:00 ERROR line xxx"), lines[0]);
    String first = lines[0].substring(lines[0].indexOf(" - ") + 3);
    assertEquals(1000 + "...".length(), first.length(), "cut at 1,000 characters");
    assertTrue(first.endsWith("x..."));
    assertFalse(lines[1].startsWith("forged"), "a line break in a message is escaped");
    assertTrue(lines[1].startsWith("java.lang.IllegalStateException: depth 2000"), lines[1]);
    assertTrue(lines[1].contains("\\n\tat "), "the trace's line breaks are escaped: " + lines[1]);
    assertTrue(lines[1].length() <= 2000 + "...".length(), "the trace is cut");
    assertTrue(lines[2].matches("\\d\\d:\\d\\d:\\d\\d WARN .*"), "one line of trace: " + lines[2]);
  }

  private static Exception deepException(int depth) {
    return depth == 0 ? new IllegalStateException("bottom") : recurse(depth);
  }

  private static Exception recurse(int depth) {
    if (depth == 0) {
      return new IllegalStateException("depth 2000");
    }
    return recurse(depth - 1);
  }
}
