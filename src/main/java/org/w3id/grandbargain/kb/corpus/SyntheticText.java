package org.w3id.grandbargain.kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A made-up text copy of an article: words of random lowercase letters, a blank line before each
 * paragraph the template records, and every anchored passage beginning and ending on a word, so
 * that the anchors' digests, fragments and quotations can be taken from it as from a real copy.
 */
final class SyntheticText {
  private static final Pattern WORD = Pattern.compile("[a-z]+");

  private final String text;

  private SyntheticText(String text) {
    this.text = text;
  }

  /**
   * A text of {@code length} characters (all ASCII, so characters are code points) for the given
   * paragraph starts and passages ({@code [start, end)}).
   */
  static SyntheticText of(
      int length, List<Integer> paragraphStarts, List<int[]> spans, SplittableRandom random) {
    boolean[] wordStart = new boolean[length];
    boolean[] wordEnd = new boolean[length];
    boolean[] breakBefore = new boolean[length];
    boolean[] breakAfter = new boolean[length];
    boolean[] newline = new boolean[length];
    for (int[] span : spans) {
      mark(wordStart, span[0]);
      mark(breakBefore, span[0] - 1);
      mark(wordEnd, span[1] - 1);
      mark(breakAfter, span[1]);
    }
    for (int start : paragraphStarts) {
      mark(wordStart, start);
      mark(newline, start - 1);
      mark(newline, start - 2);
    }
    StringBuilder sb = new StringBuilder(length);
    int wordLength = 0;
    int target = 2 + random.nextInt(8);
    for (int i = 0; i < length; i++) {
      char c;
      if (newline[i]) {
        c = '\n';
      } else if (wordStart[i] || (wordEnd[i] && !breakAfter[i] && !breakBefore[i])) {
        c = letter(random);
      } else if (breakAfter[i] || breakBefore[i]) {
        // a passage's last character that also ends a passage within it, or a passage's end
        // just before the next one: a full stop bounds the word without a space
        c = wordEnd[i] || (i > 0 && sb.charAt(i - 1) == ' ') ? '.' : ' ';
      } else if (wordLength >= target
          && i > 0
          && sb.charAt(i - 1) != ' '
          && i + 1 < length
          && !breakAfter[i + 1]
          && !breakBefore[i + 1]
          && !newline[i + 1]) {
        c = ' ';
      } else {
        c = letter(random);
      }
      if (Character.isLetter(c)) {
        wordLength++;
      } else {
        wordLength = 0;
        target = 2 + random.nextInt(8);
      }
      sb.append(c);
    }
    return new SyntheticText(sb.toString());
  }

  private static char letter(SplittableRandom random) {
    return (char) ('a' + random.nextInt(26));
  }

  private static void mark(boolean[] marks, int at) {
    if (at >= 0 && at < marks.length) {
      marks[at] = true;
    }
  }

  String text() {
    return text;
  }

  String span(int start, int end) {
    return text.substring(start, end);
  }

  /** The words of a passage, each as {@code [start, end)} in the text. */
  List<int[]> words(int start, int end) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(text).region(start, end);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    return words;
  }

  /** The text from the first to the last of some words. */
  String between(List<int[]> words, int first, int last) {
    return text.substring(words.get(first)[0], words.get(last)[1]);
  }
}
