package org.w3id.grandbargain.kb.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.Entry;

/**
 * Finds the editors' texts that repeat the article's own prose: every label, name, description,
 * alternative name, note and reason of the data that shares eight consecutive words with the
 * article outside its quotations, one of the eight allowed to differ. Quotations (the speakers'
 * words, which the data may quote with attribution), printed names, the words a passage link finds,
 * evidence excerpts and document titles are not the editors' words and are not checked.
 *
 * <pre>{@code
 * List<Finding> copied = WordingCheck.of(ArticleText.read(copy).text()).check(corpus, slug);
 * }</pre>
 */
public final class WordingCheck {
  /** How many consecutive words make a copied run. */
  public static final int RUN = 8;

  /** The keys whose text is the editors' own words. */
  private static final Set<String> OWN_WORDS =
      Set.of("label", "name", "description", "altLabel", "note", "reason");

  /** The keys whose text is someone else's words, never checked or descended into. */
  private static final Set<String> OTHERS_WORDS =
      Set.of(
          "title",
          "quotation",
          "nameInSource",
          "printedAs",
          "characterisedAs",
          "fragment",
          "evidence");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}']+");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{0,400}\"");

  /**
   * One text that repeats the article.
   *
   * @param file the data file
   * @param entry the entry, as messages name it
   * @param field the field
   * @param run the words it shares with the article, as the data writes them
   */
  public record Finding(String file, String entry, String field, String run) {
    public Finding {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(run, "run");
    }

    /** The finding as one line: where, and the words. */
    public String line() {
      return file + ": " + entry + ": field '" + field + "' repeats the article: \"" + run + "\"";
    }
  }

  private final Set<String> runs;

  private WordingCheck(Set<String> runs) {
    this.runs = runs;
  }

  /**
   * The text with typographic quotation marks and apostrophes as straight ones, one character for
   * one, so that quoted passages and words such as "Iran’s" are found whichever a text uses.
   */
  static String straightQuotes(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c ->
                sb.append(
                    switch (c) {
                      case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB' -> '"';
                      case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC' -> '\'';
                      default -> (char) c;
                    }));
    return sb.toString();
  }

  /** Indexes the article's prose: its text with the quoted passages taken out. */
  public static WordingCheck of(String articleText) {
    Set<String> runs = new HashSet<>();
    for (String part : QUOTED.split(straightQuotes(articleText))) {
      List<String> words = words(part);
      for (int i = 0; i + RUN <= words.size(); i++) {
        List<String> run = words.subList(i, i + RUN);
        for (int k = 0; k < RUN; k++) {
          runs.add(key(run, k));
        }
      }
    }
    return new WordingCheck(runs);
  }

  /** Checks the entries of one article and the shared ones. */
  public List<Finding> check(Corpus corpus, String article) {
    List<String> titles = new ArrayList<>();
    List<Entry> entries = new ArrayList<>(corpus.shared());
    entries.addAll(corpus.articles().getOrDefault(article, List.of()));
    for (Entry e : entries) {
      collectTitles(e.body(), titles);
    }
    List<Finding> findings = new ArrayList<>();
    for (Entry e : entries) {
      check(e.body(), new Scan(e, titles, findings), e.describe(), null);
    }
    return findings;
  }

  /**
   * What a check of one entry works with.
   *
   * @param entry the entry
   * @param titles the document titles, which are the documents' words
   * @param findings where findings go
   */
  private record Scan(Entry entry, List<String> titles, List<Finding> findings) {}

  private void check(JsonNode node, Scan scan, String where, String field) {
    Entry entry = scan.entry();
    if (node.isArray()) {
      node.forEach(v -> check(v, scan, where, field));
      return;
    }
    if (node.isObject()) {
      String here =
          node.hasNonNull(Entry.ID) && node != entry.body()
              ? "entry '" + node.get(Entry.ID).asText() + "' (line " + entry.line() + ")"
              : where;
      node.properties()
          .forEach(
              f -> {
                if (OTHERS_WORDS.contains(f.getKey())) {
                  return;
                }
                if (OWN_WORDS.contains(f.getKey()) || f.getKey().equals("value")) {
                  String name = f.getKey().equals("value") ? field : f.getKey();
                  if (name != null && OWN_WORDS.contains(name)) {
                    text(f.getValue(), scan, here, name);
                    return;
                  }
                }
                check(f.getValue(), scan, here, f.getKey());
              });
    }
  }

  private void text(JsonNode value, Scan scan, String where, String field) {
    if (value.isArray()) {
      value.forEach(v -> text(v, scan, where, field));
      return;
    }
    if (value.isObject()) {
      check(value, scan, where, field);
      return;
    }
    if (!value.isTextual()) {
      return;
    }
    String text = value.asText();
    for (String title : scan.titles()) {
      text = text.replace(title, " | ");
    }
    String run = firstRun(text);
    if (run != null) {
      scan.findings().add(new Finding(scan.entry().file(), where, field, run));
    }
  }

  /** The first run of the text's words that the article's prose has, or null. */
  String firstRun(String text) {
    for (String part : text.split("\\|")) {
      List<String> words = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      Matcher m = WORD.matcher(straightQuotes(part));
      while (m.find()) {
        words.add(m.group().toLowerCase(Locale.ROOT));
        spans.add(new int[] {m.start(), m.end()});
      }
      for (int i = 0; i + RUN <= words.size(); i++) {
        List<String> run = words.subList(i, i + RUN);
        for (int k = 0; k < RUN; k++) {
          if (runs.contains(key(run, k))) {
            return part.substring(spans.get(i)[0], spans.get(i + RUN - 1)[1]);
          }
        }
      }
    }
    return null;
  }

  private static void collectTitles(JsonNode node, List<String> titles) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              f -> {
                if (f.getKey().equals("title") && f.getValue().isTextual()) {
                  titles.add(f.getValue().asText());
                } else {
                  collectTitles(f.getValue(), titles);
                }
              });
    } else if (node.isArray()) {
      node.forEach(v -> collectTitles(v, titles));
    }
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** A run of words with the one at {@code wildcard} left open. */
  private static String key(List<String> run, int wildcard) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < run.size(); i++) {
      sb.append(i == wildcard ? "*" : run.get(i)).append(' ');
    }
    return sb.toString();
  }
}
