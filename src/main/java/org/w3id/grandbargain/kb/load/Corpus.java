package org.w3id.grandbargain.kb.load;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All curated entries, as read from the data folders: the shared ones, and each article's own.
 *
 * @param shared entries of the shared scope, in file and line order
 * @param articles each article's entries, by folder name, in file and line order
 */
public record Corpus(List<Entry> shared, Map<String, List<Entry>> articles) {
  public Corpus {
    shared = List.copyOf(shared);
    Map<String, List<Entry>> copy = new TreeMap<>();
    articles.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    articles = Collections.unmodifiableMap(copy);
  }
}
