package org.w3id.grandbargain.kb.publish.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who states a value shown on a page, in one voice: a source (a speaker, with each claim through
 * which they state it, how and by what medium), or the editors (with their reason, the confidence
 * of an identification or reading, and the sources they consulted).
 *
 * @param voice {@code source} or {@code editors}
 * @param speaker who: the speaker's or the editors' name
 * @param speakerHref their page
 * @param through the claims through which a source states it, in article order
 * @param reason the editors' reason, where the statement has one of its own
 * @param kindReason the reason shared by every statement of its kind, where it has none of its own
 * @param confidence how firmly the editors make it (identified, probable), or null
 * @param sources what the editors consulted
 */
public record Attribution(
    String voice,
    String speaker,
    String speakerHref,
    List<Through> through,
    String reason,
    String kindReason,
    String confidence,
    List<Source> sources) {

  /**
   * One claim through which a source states a value.
   *
   * @param href the claim's page
   * @param statement what the claim says, in the editors' words
   * @param medium how it reached the article
   * @param modality how firmly it is made, or null
   */
  public record Through(String href, String statement, String medium, String modality) {}

  /**
   * A source the editors consulted.
   *
   * @param href its address
   * @param retrieved when they consulted it
   * @param excerpt what it says, or null
   */
  public record Source(String href, String retrieved, String excerpt) {}

  public Attribution {
    Objects.requireNonNull(voice, "voice");
    through = List.copyOf(through);
    sources = List.copyOf(sources);
  }

  public static Attribution source(String speaker, String speakerHref, Through through) {
    return new Attribution(
        "source", speaker, speakerHref, List.of(through), null, null, null, List.of());
  }

  /** For templates: a source's words. */
  public boolean isSource() {
    return voice.equals("source");
  }

  /** For templates: the editors' own. */
  public boolean isEditors() {
    return voice.equals("editors");
  }

  public boolean hasSources() {
    return !sources.isEmpty();
  }

  /** The same speaker stating it through one more claim. */
  public Attribution with(Through more) {
    List<Through> all = new ArrayList<>(through);
    if (!all.contains(more)) {
      all.add(more);
    }
    return new Attribution(
        voice, speaker, speakerHref, all, reason, kindReason, confidence, sources);
  }

  /**
   * Adds an attribution to a list, merging it with one of the same voice and speaker: a speaker who
   * states a value through two claims is named once, with both.
   */
  public static void merge(List<Attribution> into, Attribution a) {
    for (int i = 0; i < into.size(); i++) {
      Attribution b = into.get(i);
      if (b.voice.equals(a.voice) && Objects.equals(b.speakerHref, a.speakerHref)) {
        Attribution merged = b;
        for (Through t : a.through) {
          merged = merged.with(t);
        }
        if (merged.reason == null && a.reason != null) {
          merged =
              new Attribution(
                  merged.voice,
                  merged.speaker,
                  merged.speakerHref,
                  merged.through,
                  a.reason,
                  merged.kindReason,
                  a.confidence,
                  a.sources);
        }
        into.set(i, merged);
        return;
      }
    }
    into.add(a);
  }
}
