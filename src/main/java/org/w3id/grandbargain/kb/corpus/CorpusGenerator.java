package org.w3id.grandbargain.kb.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.load.Entry;

/**
 * Writes a synthetic project folder: the real project's ontology, queries and shared data, and any
 * number of synthetic articles under {@code data/articles/synthetic-article-<n>/}, each in the real
 * data format and as large as the real article it is made from (the template: the first article of
 * the real data).
 *
 * <p>Each synthetic article has the template's entries, field for field, with made-up words in
 * place of every text (labels, names, descriptions, notes, quotations, excerpts), addresses under
 * {@code https://example.org/synthetic/} in place of every web address, and anchors into a made-up
 * text copy, written beside the data under {@code texts/<article>.txt}, whose digests and fragments
 * are those of that copy. Of the shared people and organisations the template refers to, about one
 * in three stays shared, so that articles share some agents as real ones do; the others become the
 * article's own ({@code synthetic-person-<k>}, {@code synthetic-organisation-<k>}). Everything that
 * is written says that it is synthetic: the articles' titles ("Synthetic article 17"), descriptions
 * and notes, a comment at the head of every file, and a README.
 *
 * <p>The output depends only on the template, the number of articles and the seed: the same seed
 * gives the same bytes, and article {@code n} is the same in every corpus of at least {@code n}
 * articles.
 *
 * <pre>{@code
 * new CorpusGenerator(Path.of(".")).generate(100, 1, Path.of("/tmp/corpus-100"));
 * // then: java -jar target/grand-bargain-kb.jar build --root /tmp/corpus-100
 * }</pre>
 */
public final class CorpusGenerator {
  /** The folder name of synthetic article {@code n} is this, followed by {@code n}. */
  public static final String PREFIX = "synthetic-article-";

  /** The share of the template's shared agents that an article keeps referring to as shared. */
  static final double KEEP_SHARED = 0.3;

  /** Fields holding text in an author's or the editors' words: replaced by made-up words. */
  private static final Set<String> TEXT =
      Set.of(
          "label",
          "title",
          "description",
          "name",
          "note",
          "quotation",
          "reason",
          "excerpt",
          "altLabel",
          "characterisedAs",
          "printedAs",
          "nameInSource");

  /** Fields holding a web address: replaced by an address under example.org. */
  private static final Set<String> ADDRESSES =
      Set.of("url", "onlineAt", "archivedAt", "retrievedFrom");

  /** The shared files whose entries an article may make its own. */
  private static final Set<String> AGENT_FILES = Set.of("people.yaml", "organisations.yaml");

  private static final String[] WORDS = {
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "enim",
    "ad",
    "minim",
    "veniam",
    "quis",
    "nostrud",
    "exercitation",
    "ullamco",
    "laboris",
    "nisi",
    "aliquip",
    "ex",
    "ea",
    "commodo",
    "consequat",
    "duis",
    "aute",
    "irure",
    "in",
    "reprehenderit",
    "voluptate",
    "velit",
    "esse",
    "cillum",
    "fugiat",
    "nulla",
    "pariatur",
    "excepteur",
    "sint",
    "occaecat",
    "cupidatat",
    "non",
    "proident",
    "sunt",
    "culpa",
    "qui",
    "officia",
    "deserunt",
    "mollit",
    "anim",
    "id",
    "est",
    "laborum"
  };

  private final Path sourceRoot;
  private final String template;
  private final Map<String, List<ObjectNode>> templateFiles = new TreeMap<>();
  private final Map<String, JsonNode> sharedAgentTypes = new LinkedHashMap<>();
  private final YAMLMapper yaml;

  /**
   * A generator that copies the project under {@code sourceRoot} (its {@code ontology/}, {@code
   * queries/} and {@code data/}) and takes the first article of its data as the template.
   */
  public CorpusGenerator(Path sourceRoot) {
    this.sourceRoot = sourceRoot;
    Path data = sourceRoot.resolve("data");
    Corpus corpus = new CorpusReader().read(List.of(data));
    if (corpus.articles().isEmpty()) {
      throw new ConfigurationException("no article in " + data + " to make synthetic ones from");
    }
    template = corpus.articles().keySet().iterator().next();
    for (Entry e : corpus.articles().get(template)) {
      templateFiles.computeIfAbsent(fileName(e.file()), f -> new ArrayList<>()).add(e.body());
    }
    for (Entry e : corpus.shared()) {
      if (AGENT_FILES.contains(fileName(e.file())) && !e.isAddition()) {
        sharedAgentTypes.put(e.id(), e.body().get("type"));
      }
    }
    yaml =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .build();
  }

  /** What a generation wrote. */
  public record Summary(int articles, long claims, long entries, Path root) {}

  /**
   * Writes a project folder with {@code articles} synthetic articles into {@code out}, which must
   * not exist or be empty.
   */
  public Summary generate(int articles, long seed, Path out) {
    if (articles < 1) {
      throw new ConfigurationException("--articles must be at least 1, not " + articles);
    }
    try {
      if (Files.isDirectory(out)) {
        try (Stream<Path> s = Files.list(out)) {
          if (s.findAny().isPresent()) {
            throw new ConfigurationException("output folder is not empty: " + out);
          }
        }
      }
      Files.createDirectories(out);
      copyTree(sourceRoot.resolve("ontology"), out.resolve("ontology"));
      copyTree(sourceRoot.resolve("queries"), out.resolve("queries"));
      copyTree(sourceRoot.resolve("data/shared"), out.resolve("data/shared"));
      copyTree(sourceRoot.resolve("data/external"), out.resolve("data/external"));
      Path description = sourceRoot.resolve("data/dataset.ttl");
      if (Files.isRegularFile(description)) {
        Files.copy(description, out.resolve("data/dataset.ttl"));
      }
      Files.writeString(out.resolve("README.md"), readme(articles, seed), StandardCharsets.UTF_8);
      Files.createDirectories(out.resolve("texts"));
      long claims = 0;
      long entries = 0;
      for (int n = 1; n <= articles; n++) {
        Article a = new Article(n, seed);
        Path folder = Files.createDirectories(out.resolve("data/articles").resolve(a.slug));
        for (var file : a.files.entrySet()) {
          Files.writeString(folder.resolve(file.getKey()), a.yaml(file.getKey(), file.getValue()));
          entries += file.getValue().size();
        }
        claims += a.claims;
        Files.writeString(out.resolve("texts").resolve(a.slug + ".txt"), a.text.text());
      }
      return new Summary(articles, claims, entries, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String readme(int articles, long seed) {
    return "# Synthetic corpus\n\n"
        + "Made up, for measuring the build: "
        + articles
        + " synthetic articles (seed "
        + seed
        + ") in the format of the real data, under `data/articles/"
        + PREFIX
        + "<n>/`, with made-up words and made-up text copies under `texts/`. They report"
        + " nothing real. The ontology, the queries and the shared data are copies of the real"
        + " project's.\n\n"
        + "Regenerate with `generate-corpus --articles "
        + articles
        + " --seed "
        + seed
        + " --out DIR`.\n";
  }

  /** One synthetic article: its files' entries, its text copy, its number of claims. */
  private final class Article {
    final int number;
    final long seed;
    final String slug;
    final SplittableRandom random;
    final Map<String, String> localised = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> files = new TreeMap<>();
    SyntheticText text;
    int claims;

    Article(int number, long seed) {
      this.number = number;
      this.seed = seed;
      this.slug = PREFIX + number;
      this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
      chooseLocalAgents();
      templateFiles.forEach(
          (file, bodies) -> {
            List<ObjectNode> out = new ArrayList<>();
            for (ObjectNode body : bodies) {
              out.add((ObjectNode) convert(body, null, null));
            }
            files.put(file, out);
          });
      defineLocalAgents();
      anchorInMadeUpCopy();
    }

    /** Decides, in the order the template first refers to them, which shared agents stay shared. */
    private void chooseLocalAgents() {
      Set<String> referred = new LinkedHashSet<>();
      templateFiles.values().forEach(bodies -> bodies.forEach(b -> references(b, null, referred)));
      int people = 0;
      int organisations = 0;
      for (String id : referred) {
        if (random.nextDouble() < KEEP_SHARED) {
          continue;
        }
        boolean person = types(sharedAgentTypes.get(id)).contains("Person");
        localised.put(
            id,
            person
                ? "synthetic-person-" + (++people)
                : "synthetic-organisation-" + (++organisations));
      }
    }

    private void references(JsonNode node, String key, Set<String> into) {
      if (node.isObject()) {
        node.properties().forEach(f -> references(f.getValue(), f.getKey(), into));
      } else if (node.isArray()) {
        node.forEach(v -> references(v, key, into));
      } else if (node.isTextual()
          && !TEXT.contains(key)
          && sharedAgentTypes.containsKey(node.asText())) {
        into.add(node.asText());
      }
    }

    private JsonNode convert(JsonNode node, String key, String parentKey) {
      if (node.isObject()) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        node.properties()
            .forEach(
                f -> {
                  if (!f.getKey().equals("sameAs")) {
                    out.set(f.getKey(), convert(f.getValue(), f.getKey(), key));
                  }
                });
        if (template.equals(text(node.get(Entry.ID)))) {
          String name = "Synthetic article " + number;
          out.put("label", name);
          out.put("title", name);
          out.put(
              "description",
              name
                  + ", generated (seed "
                  + seed
                  + ") to measure the build. It reports nothing real: its people, events,"
                  + " claims and words are made up.");
        }
        return out;
      }
      if (node.isArray()) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        node.forEach(v -> out.add(convert(v, key, parentKey)));
        return out;
      }
      if (!node.isTextual()) {
        return node.deepCopy();
      }
      String value = node.asText();
      if (TEXT.contains(key) || ("value".equals(key) && TEXT.contains(parentKey))) {
        return TextNode.valueOf(phrase(value));
      }
      if (ADDRESSES.contains(key)) {
        return TextNode.valueOf(
            "https://example.org/synthetic/" + slug + "/" + key + "-" + random.nextInt(1_000_000));
      }
      if (value.equals(template)) {
        return TextNode.valueOf(slug);
      }
      String local = localised.get(value);
      return TextNode.valueOf(local != null ? local : value);
    }

    /** Made-up words, about as many as the text they replace, starting with "Synthetic". */
    private String phrase(String replaced) {
      int words = Math.max(1, replaced.strip().split("\\s+").length - 1);
      StringBuilder sb = new StringBuilder("Synthetic");
      for (int i = 0; i < words; i++) {
        sb.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      }
      return sb.toString();
    }

    /**
     * Describes the agents made the article's own, in the agents' file, by the claims naming them.
     */
    private void defineLocalAgents() {
      List<ObjectNode> claimEntries = new ArrayList<>();
      files
          .values()
          .forEach(bodies -> bodies.stream().filter(this::isClaim).forEach(claimEntries::add));
      if (claimEntries.isEmpty()) {
        return;
      }
      List<ObjectNode> agents = files.computeIfAbsent("agents.yaml", f -> new ArrayList<>());
      localised.forEach(
          (sharedId, localId) -> {
            String claim = accordingTo(localId, claimEntries.get(0).get(Entry.ID).asText());
            ObjectNode agent = JsonNodeFactory.instance.objectNode();
            agent.put(Entry.ID, localId);
            agent.set("type", sharedAgentTypes.get(sharedId).deepCopy());
            agent.put("accordingTo", claim);
            String kind = localId.startsWith("synthetic-person-") ? "person" : "organisation";
            agent.put(
                "name",
                "Synthetic "
                    + kind
                    + " "
                    + localId.substring(localId.lastIndexOf('-') + 1)
                    + " of synthetic article "
                    + number);
            agents.add(agent);
          });
    }

    /**
     * The claim by which an agent made local is described: the first claim that refers to it, or
     * else what the first entry that refers to it is according to.
     */
    private String accordingTo(String id, String fallback) {
      String cited = null;
      for (List<ObjectNode> bodies : files.values()) {
        for (ObjectNode body : bodies) {
          if (!mentions(body, id)) {
            continue;
          }
          if (isClaim(body)) {
            return body.get(Entry.ID).asText();
          }
          JsonNode according = body.get("accordingTo");
          if (cited == null && according != null) {
            cited = according.isArray() ? according.path(0).asText() : according.asText();
          }
        }
      }
      return cited != null ? cited : fallback;
    }

    private boolean isClaim(ObjectNode body) {
      return body.has(Entry.ID) && types(body.get("type")).contains("Claim");
    }

    private boolean mentions(JsonNode node, String id) {
      if (node.isTextual()) {
        return node.asText().equals(id);
      }
      for (JsonNode child : node) {
        if (mentions(child, id)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Makes up the article's text copy, and takes each claim's anchor digest, fragment and
     * quotation from it.
     */
    private void anchorInMadeUpCopy() {
      ObjectNode copy = null;
      List<ObjectNode> anchored = new ArrayList<>();
      for (List<ObjectNode> bodies : files.values()) {
        for (ObjectNode body : bodies) {
          if (body.get("hasCopy") instanceof ObjectNode c) {
            copy = c;
          }
          if (isClaim(body)) {
            claims++;
            if (body.get("anchor") instanceof ObjectNode) {
              anchored.add(body);
            }
          }
        }
      }
      if (copy == null) {
        text = SyntheticText.of(0, List.of(), List.of(), random);
        return;
      }
      List<Integer> paragraphs = new ArrayList<>();
      copy.path("paragraphStart").forEach(p -> paragraphs.add(p.asInt()));
      List<int[]> spans = new ArrayList<>();
      for (ObjectNode claim : anchored) {
        JsonNode anchor = claim.get("anchor");
        spans.add(new int[] {anchor.get("start").asInt(), anchor.get("end").asInt()});
      }
      text = SyntheticText.of(copy.get("characterCount").asInt(), paragraphs, spans, random);
      if (copy.has("sha256")) {
        copy.put("sha256", Digests.sha256Hex(text.text()));
      }
      for (ObjectNode claim : anchored) {
        ObjectNode anchor = (ObjectNode) claim.get("anchor");
        int start = anchor.get("start").asInt();
        int end = anchor.get("end").asInt();
        List<int[]> words = text.words(start, end);
        if (anchor.has("sha256")) {
          anchor.put("sha256", Digests.sha256Hex(text.span(start, end)));
        }
        int n = words.size();
        if (n == 0) {
          continue;
        }
        JsonNode fragment = anchor.get("fragment");
        if (fragment != null) {
          String first = text.between(words, 0, Math.min(3, n) - 1);
          if (fragment.isArray() && fragment.size() == 2 && n > 5) {
            ArrayNode both = anchor.putArray("fragment");
            both.add(first);
            both.add(text.between(words, n - 2, n - 1));
          } else {
            anchor.putArray("fragment").add(first);
          }
        }
        JsonNode quotation = claim.get("quotation");
        if (quotation != null) {
          int wanted = Math.max(1, (n + 1) / 2);
          int from = (n - wanted) / 2;
          String quoted = text.between(words, from, from + wanted - 1);
          if (quotation.isArray()) {
            claim.putArray("quotation").add(quoted);
          } else {
            claim.put("quotation", quoted);
          }
        }
      }
    }

    String yaml(String file, List<ObjectNode> bodies) throws IOException {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      bodies.forEach(list::add);
      return "# Synthetic data, made up to measure the build (generate-corpus, seed "
          + seed
          + "): the entries of "
          + template
          + "/"
          + file
          + " with made-up words.\n# Nothing here is real or may be cited.\n\n"
          + yaml.writeValueAsString(list);
    }
  }

  private static Set<String> types(JsonNode type) {
    Set<String> names = new LinkedHashSet<>();
    if (type == null) {
      return names;
    }
    if (type.isArray()) {
      type.forEach(t -> names.add(t.asText()));
    } else {
      names.add(type.asText());
    }
    return names;
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  private static String fileName(String shown) {
    return Path.of(shown).getFileName().toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
