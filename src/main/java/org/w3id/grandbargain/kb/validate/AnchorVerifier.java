package org.w3id.grandbargain.kb.validate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * Re-checks every claim anchor of an article against a given copy of its text: the copy's SHA-256
 * and length, each span's recorded SHA-256, and each quotation, which must occur inside its span.
 * When a span's words are found elsewhere in the copy the report says where they moved.
 *
 * <pre>{@code
 * AnchorReport report = new AnchorVerifier(dataset).verify(articleIri, Path.of("copy.txt"));
 * }</pre>
 */
public final class AnchorVerifier {
  private static final Query ANCHORS = SparqlResources.query(AnchorVerifier.class, "anchors.rq");
  private static final Query ARTICLES = SparqlResources.query(AnchorVerifier.class, "articles.rq");

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
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(copy);
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot read the text copy " + copy + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigurationException("the text copy " + copy + " is not valid UTF-8", e);
    }
    int[] codePoints = text.codePoints().toArray();
    return verify(article, Digests.sha256Hex(bytes), codePoints);
  }

  private AnchorReport verify(String article, String actualSha, int[] text) {
    record Anchor(String claim, long start, long end, String spanSha, Set<String> quotations) {}
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
        Anchor a =
            anchors.computeIfAbsent(
                claim + "#" + start + "," + end,
                k -> new Anchor(claim, start, end, spanSha, new LinkedHashSet<>()));
        if (s.contains("quotation")) {
          a.quotations().add(s.getLiteral("quotation").getString());
        }
      }
    }
    if (expectedSha == null) {
      throw new ConfigurationException("no anchored claims found for the article " + article);
    }
    List<AnchorReport.Drift> drifts = new ArrayList<>();
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
          String whole = new String(text, 0, text.length);
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
    }
    return new AnchorReport(
        article, expectedSha, actualSha, expectedCount, text.length, anchors.size(), drifts);
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
