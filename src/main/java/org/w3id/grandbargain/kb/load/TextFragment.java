package org.w3id.grandbargain.kb.load;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A URL text fragment ({@code #:~:text=start,end}, WICG Scroll to Text Fragment) that a current
 * browser scrolls to and highlights: the passage that begins with {@code start} and, when {@code
 * end} is given, ends with {@code end}; with only {@code start}, that text itself. Both are matched
 * whole words, case-insensitively, at their first occurrence in the page.
 *
 * <pre>{@code
 * new TextFragment("The Iranian negotiating offer", "Middle East Affairs").urlFragment()
 * // #:~:text=The%20Iranian%20negotiating%20offer,Middle%20East%20Affairs
 * }</pre>
 *
 * @param start the words the passage begins with
 * @param end the words it ends with, or null
 */
public record TextFragment(String start, String end) {
  private static final String DIRECTIVE = "#:~:text=";

  public TextFragment {
    Objects.requireNonNull(start, "start");
    if (start.isBlank() || (end != null && end.isBlank())) {
      throw new IllegalArgumentException("a text fragment needs words to find");
    }
  }

  /** The fragment, percent-encoded so that it is a valid IRI fragment. */
  public String urlFragment() {
    return DIRECTIVE + encode(start) + (end == null ? "" : "," + encode(end));
  }

  /** The text fragment of a link built by {@link #urlFragment()}, if it has one. */
  public static Optional<TextFragment> of(String link) {
    int at = link.indexOf(DIRECTIVE);
    if (at < 0) {
      return Optional.empty();
    }
    String[] parts = link.substring(at + DIRECTIVE.length()).split(",", -1);
    if (parts.length > 2) {
      return Optional.empty();
    }
    return Optional.of(
        new TextFragment(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : null));
  }

  /**
   * Keeps letters, digits and {@code . _ ~}; percent-encodes every other byte of the UTF-8 text,
   * the hyphen and comma that the directive reserves included.
   */
  static String encode(String text) {
    StringBuilder sb = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  static String decode(String encoded) {
    return java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
