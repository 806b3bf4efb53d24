package org.w3id.grandbargain.kb.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The search index of a release: a jena-text Lucene index, written when the release is built
 * (folder {@code search/} of the release) and opened read-only when it is served, so that the
 * SPARQL endpoint's {@code text:query} and the site's ranked search read the same index.
 *
 * <p>The index holds the resources a reader looks for (agents, places, posts, proposals and their
 * terms, channels, policies, documents, claims, events; never dates, graphs or the editors'
 * records), one Lucene document per name or description of a resource, as jena-text keeps one per
 * literal:
 *
 * <ul>
 *   <li>{@value #NAME}: the words of a name (labels, alternative names, names as a source prints
 *       them), lower-cased and folded to ASCII; jena-text's primary field, which {@code
 *       rdfs:label}, {@code skos:prefLabel}, {@code skos:altLabel}, {@code gb:nameInSource} and
 *       {@code skos:hiddenLabel} map to;
 *   <li>{@value #DESCRIPTION}: the words of a description ({@code dcterms:description});
 *   <li>{@value #KEY}: the whole name as one term ({@link #key(String)}), for exact and prefix
 *       matches;
 *   <li>stored only, for showing a hit: {@value #LABEL} (the resource's label), {@value #TYPE} (its
 *       classes' labels), {@value #SUMMARY} (the first sentence of its description) and {@value
 *       #KIND} (which of {@code label}, {@code alternative}, {@code printed} or {@code description}
 *       the document holds).
 * </ul>
 *
 * <pre>{@code
 * SearchIndex.write(dataset, release.folder().resolve("search"));
 * try (SearchIndex index = SearchIndex.open(release.folder().resolve("search"))) {
 *   IndexSearcher searcher = new IndexSearcher(index.reader());
 * }
 * }</pre>
 */
public final class SearchIndex implements AutoCloseable {
  /** The field of the resource's IRI (jena-text's entity field). */
  public static final String URI = "uri";

  /** The words of a name. */
  public static final String NAME = "name";

  /** The words of a description. */
  public static final String DESCRIPTION = "description";

  /** A whole name as one term, by {@link #key(String)}. */
  public static final String KEY = "key";

  /** The language of the literal (jena-text's language field). */
  public static final String LANG = "lang";

  /** Stored: the resource's label. */
  public static final String LABEL = "label";

  /** Stored: the labels of the resource's most specific classes. */
  public static final String TYPE = "type";

  /** Stored: the first sentence of the resource's description, or nothing. */
  public static final String SUMMARY = "summary";

  /** Stored: what the document holds: label, alternative, printed or description. */
  public static final String KIND = "kind";

  private static final Query ENTRIES =
      SparqlResources.query(SearchIndex.class, "search-entries.rq");
  private static final Query NAMES = SparqlResources.query(SearchIndex.class, "search-names.rq");

  private final TextIndexLucene text;
  private final DirectoryReader reader;

  private SearchIndex(TextIndexLucene text) {
    this.text = text;
    try {
      this.reader = DirectoryReader.open(text.getDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jena-text index, for {@code text:query}. */
  public TextIndexLucene text() {
    return text;
  }

  /** A reader of the index, open as long as the index is; the index never changes. */
  public DirectoryReader reader() {
    return reader;
  }

  /** The analyzer of the words of names and descriptions: also the one to read a search with. */
  public static Analyzer words() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, result);
      }
    };
  }

  /**
   * A whole name as one term: lower-cased, accents removed, every run of other characters than
   * letters and digits one space, trimmed. {@code "Mujahideen e Kalq (MEK)"} is {@code "mujahideen
   * e kalq mek"}.
   */
  public static String key(String name) {
    String folded =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT);
    return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  private static TextIndexConfig config() {
    EntityDefinition def = new EntityDefinition(URI, NAME);
    for (org.apache.jena.rdf.model.Property p :
        List.of(RDFS.label, SKOS.prefLabel, SKOS.altLabel, GB.nameInSource, SKOS.hiddenLabel)) {
      def.set(NAME, p.asNode());
    }
    def.set(DESCRIPTION, DCTerms.description.asNode());
    def.setLangField(LANG);
    Analyzer words = words();
    def.setAnalyzer(NAME, words);
    def.setAnalyzer(DESCRIPTION, words);
    for (String stored : List.of(LABEL, TYPE, SUMMARY, KIND)) {
      def.setNoIndex(stored, true);
    }
    TextIndexConfig config = new TextIndexConfig(def);
    // jena-text gives its own analyzers to the fields that predicates map to only: the whole names
    // are one term each by the default analyzer's choice
    config.setAnalyzer(
        new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(
            words, java.util.Map.of(KEY, new KeywordAnalyzer())));
    config.setValueStored(true);
    return config;
  }

  /**
   * Writes the search index of a dataset (whose default graph is the union of its graphs, or which
   * holds them all as named graphs) into a new folder.
   */
  public static void write(DatasetGraph dataset, Path folder) {
    try {
      Files.createDirectories(folder);
      try (Directory directory = FSDirectory.open(folder)) {
        fill(dataset, directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens the search index in a release's folder: its files are copied into memory (where jena-text
   * may commit) and never written, so any number of processes may open it. A folder without a
   * committed index, or one Lucene cannot read, is a damaged release.
   */
  public static SearchIndex open(Path folder) {
    ByteBuffersDirectory memory = new ByteBuffersDirectory();
    try (Directory files = FSDirectory.open(folder)) {
      for (String file : files.listAll()) {
        if (!file.equals("write.lock")) {
          memory.copyFrom(files, file, file, IOContext.DEFAULT);
        }
      }
      if (!DirectoryReader.indexExists(memory)) {
        throw new StoreDamagedException(
            "the search index in " + folder + " holds no committed index");
      }
      return new SearchIndex(new TextIndexLucene(memory, config()));
    } catch (IOException | RuntimeException e) {
      if (e instanceof StoreDamagedException damaged) {
        throw damaged;
      }
      throw new StoreDamagedException(
          "the search index in " + folder + " cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The search index of a dataset, built in memory: for a dataset in memory, and for a release
   * built before releases had one.
   */
  public static SearchIndex of(DatasetGraph dataset) {
    ByteBuffersDirectory memory = new ByteBuffersDirectory();
    fill(dataset, memory);
    return new SearchIndex(new TextIndexLucene(memory, config()));
  }

  /** Adds the documents of every resource a reader looks for to a new index in a directory. */
  private static void fill(DatasetGraph dataset, Directory directory) {
    Map<String, Resource> resources =
        dataset.supportsTransactions() && !dataset.isInTransaction()
            ? Txn.calculateRead(dataset, () -> read(dataset))
            : read(dataset);
    TextIndexLucene index = new TextIndexLucene(directory, config());
    try {
      for (Resource r : resources.values()) {
        for (Name name : r.names()) {
          Entity doc = r.document(name.lang());
          doc.put(name.kind().equals("description") ? DESCRIPTION : NAME, name.text());
          if (!name.kind().equals("description")) {
            doc.put(KEY, key(name.text()));
          }
          doc.put(KIND, name.kind());
          index.addEntity(doc);
        }
      }
      index.commit();
    } finally {
      index.close();
    }
  }

  /** A name or description of a resource, and which of them it is. */
  private record Name(String text, String lang, String kind) {}

  /** A resource of the index with what a hit shows of it. */
  private record Resource(
      String iri, Set<String> types, List<String> descriptions, List<Name> names) {
    String label() {
      return names.isEmpty() ? iri : names.get(0).text();
    }

    String summary() {
      return descriptions.isEmpty() ? "" : firstSentence(descriptions.get(0));
    }

    Entity document(String lang) {
      Entity e = new Entity(iri, null, lang, null);
      e.put(LABEL, label());
      e.put(TYPE, String.join(", ", types));
      e.put(SUMMARY, summary());
      return e;
    }
  }

  private static Map<String, Resource> read(DatasetGraph graphs) {
    Dataset dataset = DatasetFactory.wrap(graphs);
    Map<String, Resource> resources = new LinkedHashMap<>();
    select(
        dataset,
        ENTRIES,
        s -> {
          Resource r =
              resources.computeIfAbsent(
                  s.getResource("s").getURI(),
                  iri -> new Resource(iri, new TreeSet<>(), new ArrayList<>(), new ArrayList<>()));
          r.types()
              .add(
                  s.contains("classLabel")
                      ? s.getLiteral("classLabel").getString()
                      : s.getResource("class").getLocalName());
          if (s.contains("description")) {
            String d = s.getLiteral("description").getString();
            if (!r.descriptions().contains(d)) {
              r.descriptions().add(d);
            }
          }
        });
    Map<String, Set<String>> seen = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    select(
        dataset,
        NAMES,
        s -> {
          Literal name = s.getLiteral("name");
          rows.add(
              new String[] {
                s.getResource("s").getURI(),
                s.getResource("p").getURI(),
                name.getString(),
                name.getLanguage()
              });
        });
    // labels first (the first is the one a hit shows), then alternative names, then printed ones
    for (String p :
        List.of(
            RDFS.label.getURI(),
            SKOS.prefLabel.getURI(),
            SKOS.altLabel.getURI(),
            GB.nameInSource.getURI(),
            SKOS.hiddenLabel.getURI())) {
      for (String[] row : rows) {
        Resource r = resources.get(row[0]);
        if (r == null
            || !row[1].equals(p)
            || !seen.computeIfAbsent(row[0], k -> new LinkedHashSet<>()).add(row[2])) {
          continue;
        }
        String kind =
            p.equals(GB.nameInSource.getURI()) || p.equals(SKOS.hiddenLabel.getURI())
                ? "printed"
                : p.equals(SKOS.altLabel.getURI()) ? "alternative" : "label";
        r.names().add(new Name(row[2], row[3], kind));
      }
    }
    for (Resource r : resources.values()) {
      for (String d : r.descriptions()) {
        r.names().add(new Name(d, "en", "description"));
      }
    }
    return resources;
  }

  private static void select(
      Dataset dataset, Query query, java.util.function.Consumer<QuerySolution> row) {
    try (QueryExecution qe =
        QueryExecution.dataset(dataset)
            .query(query)
            .substitution(
                "prefix", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(GB.ID))
            .build()) {
      qe.execSelect().forEachRemaining(row);
    }
  }

  /** The first sentence of a text, or the whole text when it has one sentence. */
  static String firstSentence(String text) {
    String one = text.strip().replaceAll("\\s+", " ");
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("[.!?](\\s)(?=[A-Z\"“])").matcher(one);
    return m.find() ? one.substring(0, m.start() + 1) : one;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      text.close();
    }
  }
}
