package org.w3id.grandbargain.kb.load;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Resource;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * A qualifier on a date as a source gives it, written by its notation in the data. The qualifiers
 * early, mid and late place the event within the period without narrowing its bounds; {@code by}
 * keeps only the upper bound and {@code after} only the lower one.
 */
public enum DateQualifier {
  EARLY("early", GB.qualifierEarly, true, true),
  MID("mid", GB.qualifierMid, true, true),
  LATE("late", GB.qualifierLate, true, true),
  BY("by", GB.qualifierNoLaterThan, false, true),
  AFTER("after", GB.qualifierNoEarlierThan, true, false);

  private final String notation;
  private final Resource concept;
  private final boolean lowerBound;
  private final boolean upperBound;

  DateQualifier(String notation, Resource concept, boolean lowerBound, boolean upperBound) {
    this.notation = notation;
    this.concept = concept;
    this.lowerBound = lowerBound;
    this.upperBound = upperBound;
  }

  /** The qualifier written as {@code notation}, or an error listing the known ones. */
  public static DateQualifier of(String notation) {
    for (DateQualifier q : values()) {
      if (q.notation.equals(notation)) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "unknown date qualifier '"
            + notation
            + "': use one of "
            + Arrays.stream(values()).map(q -> q.notation).collect(Collectors.joining(", ")));
  }

  public String notation() {
    return notation;
  }

  /** The SKOS concept of the ontology for this qualifier. */
  public Resource concept() {
    return concept;
  }

  /** Whether the date keeps its lower bound under this qualifier. */
  public boolean keepsLowerBound() {
    return lowerBound;
  }

  /** Whether the date keeps its upper bound under this qualifier. */
  public boolean keepsUpperBound() {
    return upperBound;
  }

  /** The date in English with this qualifier: {@code early May 2003}, {@code by February 2003}. */
  public String english(PartialDate date) {
    return switch (this) {
      case MID -> "mid-" + date.english();
      default -> notation + " " + date.english();
    };
  }
}
