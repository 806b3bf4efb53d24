package org.w3id.grandbargain.kb.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.load.TextFragment;

/**
 * Re-checks every claim anchor of an article against a given copy of its text: the copy's SHA-256
 * and length, each span's recorded SHA-256, each quotation, which must occur inside its span, each
 * passage link, which must find its span as a browser would, and the recorded paragraph starts.
 * When a span's words are found elsewhere in the copy the report says where they moved; when a
 * passage link misses, it proposes the fewest words that find the passage.
 *
 * <pre>{@code
 * AnchorReport report = new AnchorVerifier(dataset).verify(articleIri, Path.of("copy.txt"));
 * }</pre>
 */
public final class AnchorVerifier {
  private static final Query ANCHORS = SparqlResources.query(AnchorVerifier.class, "anchors.rq");
  private static final Query ARTICLES = SparqlResources.query(AnchorVerifier.class, "articles.rq");
  private static final Query PARAGRAPHS =
      SparqlResources.query(AnchorVerifier.class, "paragraphs.rq");

  private final Dataset union;

  /**
   * @param dataset the loaded knowledge base (its union graph is read)
   */
  public AnchorVerifier(DatasetGraph dataset) {
    this.union = DatasetFactory.wrap(ModelFactory.createModelForGraph(dataset.getUnionGraph()));
  }

  /** The IRIs of the articles whose claims are anchored in a text copy. */
  public List<String> anchoredArticles() {
    List<String> articles = new ArrayList<>();
    try (QueryExecution qe = QueryExecution.dataset(union).query(ARTICLES).build()) {
      qe.execSelect().forEachRemaining(s -> articles.add(s.getResource("article").getURI()));
    }
    return articles;
  }

  /** Checks the anchors of one article against the text in {@code copy}. */
  public AnchorReport verify(String article, Path copy) {
    ArticleText text = ArticleText.read(copy);
    return verify(article, text.sha256(), text.text());
  }

  private AnchorReport verify(String article, String actualSha, String whole) {
    int[] text = whole.codePoints().toArray();
    record Anchor(
        String claim,
        long start,
        long end,
        String spanSha,
        String passage,
        Set<String> quotations) {}
    Map<String, Anchor> anchors = new LinkedHashMap<>();
    String expectedSha = null;
    long expectedCount = -1;
    try (QueryExecution qe =
        QueryExecution.dataset(union)
            .query(ANCHORS)
            .substitution("article", ResourceFactory.createResource(article))
            .build()) {
      ResultSet rs = qe.execSelect();
      while (rs.hasNext()) {
        QuerySolution s = rs.next();
        expectedSha = s.getLiteral("copySha").getString();
        expectedCount = s.getLiteral("count").getLong();
        String claim = s.getResource("claim").getURI();
        long start = s.getLiteral("start").getLong();
        long end = s.getLiteral("end").getLong();
        String spanSha = s.contains("spanSha") ? s.getLiteral("spanSha").getString() : null;
        String passage = s.contains("passage") ? s.getResource("passage").getURI() : null;
        Anchor a =
            anchors.computeIfAbsent(
                claim + "#" + start + "," + end,
                k -> new Anchor(claim, start, end, spanSha, passage, new LinkedHashSet<>()));
        if (s.contains("quotation")) {
          a.quotations().add(s.getLiteral("quotation").getString());
        }
      }
    }
    if (expectedSha == null) {
      throw new ConfigurationException("no anchored claims found for the article " + article);
    }
    List<AnchorReport.Drift> drifts = new ArrayList<>(paragraphs(article, whole, text));
    PassageFinder finder = new PassageFinder(whole);
    for (Anchor a : anchors.values()) {
      if (a.end() > text.length) {
        drifts.add(
            new AnchorReport.Drift(
                a.claim(),
                a.start(),
                a.end(),
                "lies outside the text, which has " + text.length + " characters"));
        continue;
      }
      String span = new String(text, (int) a.start(), (int) (a.end() - a.start()));
      if (a.spanSha() != null && !a.spanSha().equals(Digests.sha256Hex(span))) {
        drifts.add(
            new AnchorReport.Drift(
                a.claim(),
                a.start(),
                a.end(),
                "the text at this range changed"
                    + moved(a.spanSha(), (int) (a.end() - a.start()), a.start(), text)));
        continue;
      }
      for (String quotation : a.quotations()) {
        if (!span.contains(quotation)) {
          int at = whole.indexOf(quotation);
          String where =
              at < 0
                  ? "; it is nowhere in the copy"
                  : "; it is at character " + whole.codePointCount(0, at);
          drifts.add(
              new AnchorReport.Drift(
                  a.claim(),
                  a.start(),
                  a.end(),
                  "the quotation \"" + quotation + "\" is not in the anchored text" + where));
        }
      }
      String passage = passage(a.passage(), a.start(), a.end(), finder);
      if (passage != null) {
        drifts.add(new AnchorReport.Drift(a.claim(), a.start(), a.end(), passage));
      }
    }
    return new AnchorReport(
        article, expectedSha, actualSha, expectedCount, text.length, anchors.size(), drifts);
  }

  /** What is wrong with a claim's passage link, or null when a browser finds the passage. */
  private static String passage(String link, long start, long end, PassageFinder finder) {
    String fewest = "; the fewest words that find it: " + words(finder.fewestWords(start, end));
    if (link == null) {
      return "has no passage link" + fewest;
    }
    var fragment = TextFragment.of(link);
    if (fragment.isEmpty()) {
      return "the passage link " + link + " has no text fragment" + fewest;
    }
    var found = finder.find(fragment.get());
    if (found.isEmpty()) {
      return "the passage link finds nothing in the copy" + fewest;
    }
    if (found.get()[0] < start || found.get()[1] > end) {
      return "the passage link highlights characters "
          + found.get()[0]
          + " to "
          + found.get()[1]
          + ", outside the anchor"
          + fewest;
    }
    return null;
  }

  /** A fragment as the data files write it. */
  static String words(TextFragment f) {
    return f.end() == null
        ? "fragment: [\"" + f.start() + "\"]"
        : "fragment: [\"" + f.start() + "\", \"" + f.end() + "\"]";
  }

  /**
   * Checks the recorded paragraph starts: each begins a block of text after a blank line, and no
   * block between the first and the last is left out.
   */
  private List<AnchorReport.Drift> paragraphs(String article, String whole, int[] text) {
    List<Long> starts = new ArrayList<>();
    String copy = null;
    try (QueryExecution qe =
        QueryExecution.dataset(union)
            .query(PARAGRAPHS)
            .substitution("article", ResourceFactory.createResource(article))
            .build()) {
      for (ResultSet rs = qe.execSelect(); rs.hasNext(); ) {
        QuerySolution s = rs.next();
        copy = s.getResource("copy").getURI();
        starts.add(s.getLiteral("start").getLong());
      }
    }
    List<AnchorReport.Drift> drifts = new ArrayList<>();
    if (starts.isEmpty()) {
      return drifts;
    }
    List<Long> blocks = new ArrayList<>();
    for (int i = 0; i < text.length; i++) {
      boolean afterBlankLine = i == 0 || (i >= 2 && text[i - 1] == '\n' && text[i - 2] == '\n');
      if (afterBlankLine && !Character.isWhitespace(text[i])) {
        blocks.add((long) i);
      }
    }
    for (long p : starts) {
      if (!blocks.contains(p)) {
        drifts.add(
            new AnchorReport.Drift(
                copy, p, p, "a paragraph is recorded to begin here, but no paragraph begins here"));
      }
    }
    long first = starts.get(0);
    long last = starts.get(starts.size() - 1);
    for (long b : blocks) {
      if (b > first && b < last && !starts.contains(b)) {
        drifts.add(
            new AnchorReport.Drift(copy, b, b, "a paragraph begins here that is not recorded"));
      }
    }
    return drifts;
  }

  /** Where a span with the same digest now lies, if anywhere: "; found at 950-1329 (+4)". */
  private static String moved(String digest, int length, long oldStart, int[] text) {
    for (int i = 0; i + length <= text.length; i++) {
      if (digest.equals(Digests.sha256Hex(new String(text, i, length)))) {
        long shift = i - oldStart;
        return "; the same words are now at "
            + i
            + "-"
            + (i + length)
            + " ("
            + (shift >= 0 ? "+" : "")
            + shift
            + ")";
      }
    }
    return "; the same words are not found elsewhere in the copy";
  }
}
