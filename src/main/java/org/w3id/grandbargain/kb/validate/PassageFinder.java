package org.w3id.grandbargain.kb.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.grandbargain.kb.load.TextFragment;

/**
 * Finds passages of a text as a browser finds a URL text fragment: {@code start} at its first
 * occurrence, then {@code end} at its first occurrence after it, each matched case-insensitively,
 * with runs of white space as one space, and only where it begins and ends on a word boundary. It
 * also proposes, for a span, the fewest words that find it.
 *
 * <p>Positions are code points from zero, as the anchors count them.
 *
 * <pre>{@code
 * PassageFinder finder = new PassageFinder(text);
 * Optional<int[]> where = finder.find(new TextFragment("The Iranian negotiating offer", "Affairs"));
 * TextFragment fewest = finder.fewestWords(946, 1325);
 * }</pre>
 */
public final class PassageFinder {
  /**
   * The fewest words a proposed start or end has: more than one, so that a passage link still lands
   * where it should when the live page adds text around the copy's.
   */
  static final int MIN_START_WORDS = 3;

  static final int MIN_END_WORDS = 2;

  private static final Pattern WORD =
      Pattern.compile("[\\p{L}\\p{Nd}]+(?:['’.\\-][\\p{L}\\p{Nd}]+)*");

  private final String text;
  private final StringBuilder normal = new StringBuilder();
  private final List<Integer> toText = new ArrayList<>();

  public PassageFinder(String text) {
    this.text = text;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (!space) {
          normal.append(' ');
          toText.add(i);
        }
        space = true;
      } else {
        normal.append(Character.toLowerCase(c));
        toText.add(i);
        space = false;
      }
    }
    toText.add(text.length());
  }

  /**
   * Where the browser highlights a fragment, as code points {@code [from, to)}; empty when it finds
   * nothing.
   */
  public Optional<int[]> find(TextFragment fragment) {
    Optional<int[]> start = first(fragment.start(), 0);
    if (start.isEmpty() || fragment.end() == null) {
      return start.map(this::codePoints);
    }
    return first(fragment.end(), start.get()[1])
        .map(end -> codePoints(new int[] {start.get()[0], end[1]}));
  }

  /**
   * The fewest words that find the span {@code [start, end)} (code points): its first words, and,
   * when they do not cover it, its last words.
   */
  public TextFragment fewestWords(long start, long end) {
    int from = text.offsetByCodePoints(0, (int) start);
    int to = text.offsetByCodePoints(0, (int) end);
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(text).region(from, to);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no words in the span " + start + "-" + end);
    }
    int first = words.get(0)[0];
    int last = words.get(words.size() - 1)[1];
    for (int k = Math.min(MIN_START_WORDS, words.size()); k <= words.size(); k++) {
      String head = text.substring(first, words.get(k - 1)[1]);
      Optional<int[]> at = first(head, 0);
      if (at.isEmpty() || at.get()[0] != first) {
        continue;
      }
      if (k == words.size()) {
        return new TextFragment(head, null);
      }
      for (int j = Math.min(MIN_END_WORDS, words.size() - k); j <= words.size() - k; j++) {
        String tail = text.substring(words.get(words.size() - j)[0], last);
        Optional<int[]> endAt = first(tail, at.get()[1]);
        if (endAt.isPresent() && endAt.get()[1] == last) {
          return new TextFragment(head, tail);
        }
      }
    }
    return new TextFragment(text.substring(first, last), null);
  }

  /** The first word-bounded occurrence of a string at or after a position (UTF-16). */
  private Optional<int[]> first(String needle, int fromText) {
    String n = needle.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    int from = normalIndex(fromText);
    for (int at = normal.indexOf(n, from); at >= 0; at = normal.indexOf(n, at + 1)) {
      int s = toText.get(at);
      int e = toText.get(at + n.length() - 1) + 1;
      if (boundary(s - 1) && boundary(e)) {
        return Optional.of(new int[] {s, e});
      }
    }
    return Optional.empty();
  }

  private int normalIndex(int textIndex) {
    int i = 0;
    while (i < toText.size() - 1 && toText.get(i) < textIndex) {
      i++;
    }
    return i;
  }

  private boolean boundary(int i) {
    return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
  }

  private int[] codePoints(int[] utf16) {
    return new int[] {text.codePointCount(0, utf16[0]), text.codePointCount(0, utf16[1])};
  }
}
