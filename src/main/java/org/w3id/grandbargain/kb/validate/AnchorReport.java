package org.w3id.grandbargain.kb.validate;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AnchorVerifier} found when it compared an article's claim anchors with a copy of its
 * text.
 *
 * @param article the article's IRI
 * @param expectedSha256 the SHA-256 recorded for the copy the anchors were counted in
 * @param actualSha256 the SHA-256 of the copy given
 * @param expectedCharacters the character count recorded
 * @param actualCharacters the character count of the copy given
 * @param anchorsChecked how many claim anchors were checked
 * @param drifts one entry per problem found, in text order
 */
public record AnchorReport(
    String article,
    String expectedSha256,
    String actualSha256,
    long expectedCharacters,
    long actualCharacters,
    int anchorsChecked,
    List<Drift> drifts) {

  /**
   * One anchor that no longer holds.
   *
   * @param claim the claim's IRI
   * @param start the anchor's recorded start
   * @param end the anchor's recorded end
   * @param problem what is wrong, and where the text moved if it was found elsewhere
   */
  public record Drift(String claim, long start, long end, String problem) {
    public Drift {
      Objects.requireNonNull(claim, "claim");
      Objects.requireNonNull(problem, "problem");
    }
  }

  public AnchorReport {
    drifts = List.copyOf(drifts);
  }

  /** Whether the copy is the recorded one and every anchor holds. */
  public boolean clean() {
    return expectedSha256.equals(actualSha256) && drifts.isEmpty();
  }

  /** The report as lines of text, for the command line. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("article " + article);
    if (expectedSha256.equals(actualSha256)) {
      lines.add("  copy: SHA-256 matches (" + actualSha256 + ")");
    } else {
      lines.add("  copy: SHA-256 differs: recorded " + expectedSha256 + ", given " + actualSha256);
    }
    if (expectedCharacters != actualCharacters) {
      lines.add("  copy: " + actualCharacters + " characters, recorded " + expectedCharacters);
    }
    for (Drift d : drifts) {
      lines.add(
          "  DRIFT " + d.claim() + " #char=" + d.start() + "," + d.end() + ": " + d.problem());
    }
    lines.add(
        "  "
            + anchorsChecked
            + " anchors checked, "
            + drifts.size()
            + " drifted"
            + (clean() ? ": OK" : ""));
    return lines;
  }
}
