package org.w3id.grandbargain.kb;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Times the stages of a long task, one after the other, and reports each as it ends: its name, its
 * seconds, the statements it handled and their rate, as in {@code stage load: 1.234 s, 10413
 * triples, 8438 triples/s}.
 *
 * <pre>{@code
 * StageTimer timer = new StageTimer(System.err::println);
 * LoadedData data = Loader.load(layout);
 * timer.done("load", data.dataset().stream().count());
 * }</pre>
 */
public final class StageTimer {
  private final Consumer<String> report;
  private long last = System.nanoTime();

  /** A timer that reports to {@code report}, its first stage starting now. */
  public StageTimer(Consumer<String> report) {
    this.report = report;
  }

  /** A timer that reports nothing. */
  public static StageTimer silent() {
    return new StageTimer(m -> {});
  }

  /**
   * Reports the stage that ends now, begun when the previous one ended (or the timer was made), and
   * starts the next.
   *
   * @param statements the statements (triples, each in its graph) the stage handled
   */
  public void done(String stage, long statements) {
    long now = System.nanoTime();
    double seconds = (now - last) / 1e9;
    last = now;
    report.accept(line(stage, seconds, statements));
  }

  /** Starts the next stage now, leaving the time since the last report unreported. */
  public void restart() {
    last = System.nanoTime();
  }

  static String line(String stage, double seconds, long statements) {
    long rate = seconds > 0 ? Math.round(statements / seconds) : 0;
    return String.format(
        Locale.ROOT,
        "stage %s: %.3f s, %d triples, %d triples/s",
        stage,
        seconds,
        statements,
        rate);
  }
}
