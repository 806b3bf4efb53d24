package org.w3id.grandbargain.kb.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.store.SearchIndex;

/**
 * The ranked search over a release's {@link SearchIndex}: a query built with Lucene's own query
 * classes (never parsed from the text, so no character of a search is syntax), in tiers that each
 * add a constant score, so that a resource that matches a higher tier always ranks above one that
 * matches only lower ones:
 *
 * <ol>
 *   <li>{@code exact}: a whole name, as {@link SearchIndex#key(String)} normalises it;
 *   <li>{@code words}: every word of the search is a word of one name;
 *   <li>{@code prefix}: a name starts with the search, or every word is a word of one name but the
 *       last, which starts one;
 *   <li>{@code fuzzy}: every word is within Lucene's edit distance of a word of one name: one edit
 *       for words of three to five letters, two for longer ones (shorter words must match whole);
 *   <li>{@code some words}: some word of the search is a word of a name;
 *   <li>{@code description}: every word of the search is in a description.
 * </ol>
 *
 * Within a tier, Lucene's score of the words (each within its edit distance) over the names decides
 * (BM25: shorter names first), then the shorter label, the label and the IRI. Names are the labels,
 * the alternative names and the names as the sources print them, so an article's misnaming finds
 * what it names.
 */
final class NameSearch {
  /** The longest search, in characters. */
  static final int MAX_LENGTH = 200;

  /** The most words of a search that count. */
  private static final int MAX_WORDS = 12;

  private static final float EXACT = 100_000f;
  private static final float WORDS = 10_000f;
  private static final float PREFIX = 1_000f;
  private static final float FUZZY = 100f;
  private static final float SOME_WORDS = 10f;
  private static final float DESCRIPTION = 1f;
  private static final float SCORE = 0.01f;

  private static final Analyzer WORDS_ANALYZER = SearchIndex.words();

  private NameSearch() {}

  /**
   * The resources that match a search, best first, at most {@code limit}.
   *
   * @throws ConfigurationException if the search is longer than {@link #MAX_LENGTH}
   */
  static List<SearchHit> search(SearchIndex index, String text, int limit) {
    if (text == null) {
      return List.of();
    }
    if (text.length() > MAX_LENGTH) {
      throw new ConfigurationException(
          "the search is "
              + text.length()
              + " characters long; at most "
              + MAX_LENGTH
              + " are allowed");
    }
    if (limit < 1) {
      throw new ConfigurationException("the number of hits must be at least 1, not " + limit);
    }
    List<String> words = words(text);
    String key = SearchIndex.key(text);
    if (words.isEmpty() || key.isEmpty()) {
      return List.of();
    }
    Query query = query(key, words);
    IndexSearcher searcher = new IndexSearcher(index.reader());
    try {
      ScoreDoc[] docs = searcher.search(query, Math.max(200, limit * 20)).scoreDocs;
      StoredFields stored = searcher.storedFields();
      Map<String, Scored> best = new LinkedHashMap<>();
      for (ScoreDoc d : docs) {
        Document doc = stored.document(d.doc);
        String iri = doc.get(SearchIndex.URI);
        Scored previous = best.get(iri);
        if (previous == null || d.score > previous.score()) {
          best.put(iri, new Scored(d.score, hit(doc, d.score)));
        }
      }
      return best.values().stream()
          .sorted(
              Comparator.comparingDouble(Scored::score)
                  .reversed()
                  .thenComparingInt(s -> s.hit().label().length())
                  .thenComparing(s -> s.hit().label())
                  .thenComparing(s -> s.hit().iri()))
          .limit(limit)
          .map(Scored::hit)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Scored(float score, SearchHit hit) {}

  private static SearchHit hit(Document doc, float score) {
    String kind = doc.get(SearchIndex.KIND);
    String matched =
        kind.equals("description") ? doc.get(SearchIndex.DESCRIPTION) : doc.get(SearchIndex.NAME);
    return new SearchHit(
        doc.get(SearchIndex.URI),
        doc.get(SearchIndex.LABEL),
        doc.get(SearchIndex.TYPE),
        doc.get(SearchIndex.SUMMARY),
        match(score),
        matched,
        kind);
  }

  private static String match(float score) {
    if (score >= EXACT) {
      return "exact";
    }
    if (score >= WORDS) {
      return "words";
    }
    if (score >= PREFIX) {
      return "prefix";
    }
    if (score >= FUZZY) {
      return "fuzzy";
    }
    return score >= SOME_WORDS ? "some words" : "description";
  }

  private static Query query(String key, List<String> words) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    BooleanQuery.Builder prefix = new BooleanQuery.Builder();
    BooleanQuery.Builder fuzzy = new BooleanQuery.Builder();
    BooleanQuery.Builder some = new BooleanQuery.Builder();
    BooleanQuery.Builder near = new BooleanQuery.Builder();
    BooleanQuery.Builder description = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      Term name = new Term(SearchIndex.NAME, w);
      all.add(new TermQuery(name), Occur.MUST);
      prefix.add(i == words.size() - 1 ? new PrefixQuery(name) : new TermQuery(name), Occur.MUST);
      int edits = w.length() < 3 ? 0 : w.length() < 6 ? 1 : 2;
      Query close = edits == 0 ? new TermQuery(name) : new FuzzyQuery(name, edits);
      fuzzy.add(close, Occur.MUST);
      near.add(close, Occur.SHOULD);
      some.add(new TermQuery(name), Occur.SHOULD);
      description.add(new TermQuery(new Term(SearchIndex.DESCRIPTION, w)), Occur.MUST);
    }
    BooleanQuery.Builder startsWith = new BooleanQuery.Builder();
    startsWith.add(new PrefixQuery(new Term(SearchIndex.KEY, key)), Occur.SHOULD);
    startsWith.add(prefix.build(), Occur.SHOULD);
    return new BooleanQuery.Builder()
        .add(tier(new TermQuery(new Term(SearchIndex.KEY, key)), EXACT), Occur.SHOULD)
        .add(tier(all.build(), WORDS), Occur.SHOULD)
        .add(tier(startsWith.build(), PREFIX), Occur.SHOULD)
        .add(tier(fuzzy.build(), FUZZY), Occur.SHOULD)
        .add(tier(some.build(), SOME_WORDS), Occur.SHOULD)
        .add(tier(description.build(), DESCRIPTION), Occur.SHOULD)
        .add(new BoostQuery(near.build(), SCORE), Occur.SHOULD)
        .build();
  }

  private static Query tier(Query query, float score) {
    return new BoostQuery(new ConstantScoreQuery(query), score);
  }

  /** The words of a search, as the index holds the words of names. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = WORDS_ANALYZER.tokenStream(SearchIndex.NAME, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && words.size() < MAX_WORDS) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
