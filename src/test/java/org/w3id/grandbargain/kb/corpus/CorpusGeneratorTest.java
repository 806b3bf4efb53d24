package org.w3id.grandbargain.kb.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.load.Entry;
import org.w3id.grandbargain.kb.validate.AnchorReport;
import org.w3id.grandbargain.kb.validate.AnchorVerifier;

/**
 * The synthetic corpus: the same seed gives the same bytes, another seed other content, and each
 * article is marked as synthetic, refers to some shared agents and anchors its claims in its
 * made-up copy.
 */
class CorpusGeneratorTest {
  private static final CorpusGenerator GENERATOR = new CorpusGenerator(TestProject.root());

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path one, @TempDir Path two) throws IOException {
    GENERATOR.generate(3, 42, one);
    GENERATOR.generate(3, 42, two);
    Map<String, byte[]> first = files(one);
    Map<String, byte[]> second = files(two);
    assertEquals(first.keySet(), second.keySet());
    first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));
    assertTrue(
        first.containsKey("data/articles/synthetic-article-3/claims.yaml"),
        first.keySet()::toString);
  }

  @Test
  void anotherSeedWritesOtherArticles(@TempDir Path one, @TempDir Path two) throws IOException {
    GENERATOR.generate(2, 1, one);
    GENERATOR.generate(2, 2, two);
    Map<String, byte[]> first = files(one);
    Map<String, byte[]> second = files(two);
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      boolean copied = !name.startsWith("data/articles/") && !name.startsWith("texts/");
      if (!copied) {
        assertFalse(java.util.Arrays.equals(first.get(name), second.get(name)), name);
      }
    }
  }

  @Test
  void anArticleIsTheSameInALargerCorpus(@TempDir Path small, @TempDir Path large)
      throws IOException {
    GENERATOR.generate(1, 5, small);
    GENERATOR.generate(2, 5, large);
    Path claims = Path.of("data/articles/synthetic-article-1/claims.yaml");
    assertArrayEquals(
        Files.readAllBytes(small.resolve(claims)), Files.readAllBytes(large.resolve(claims)));
  }

  @Test
  void everyArticleIsMarkedAsSyntheticAndAsLargeAsTheTemplate(@TempDir Path out) {
    GENERATOR.generate(2, 3, out);
    Corpus real = new CorpusReader().read(List.of(TestProject.root().resolve("data")));
    Corpus made = new CorpusReader().read(List.of(out.resolve("data")));
    assertEquals(Set.of("synthetic-article-1", "synthetic-article-2"), made.articles().keySet());
    long templateClaims = claims(real.articles().values().iterator().next());
    for (var article : made.articles().entrySet()) {
      Entry self =
          article.getValue().stream()
              .filter(e -> article.getKey().equals(e.body().path(Entry.ID).asText()))
              .findFirst()
              .orElseThrow();
      String number = article.getKey().substring(CorpusGenerator.PREFIX.length());
      assertEquals("Synthetic article " + number, self.body().get("title").asText());
      assertEquals(templateClaims, claims(article.getValue()));
      for (Entry e : article.getValue()) {
        String label = e.body().path("label").asText("");
        assertTrue(label.isEmpty() || label.startsWith("Synthetic"), label);
      }
    }
  }

  @Test
  void articlesShareSomeAgentsAndDescribeMostAsTheirOwn(@TempDir Path out) {
    GENERATOR.generate(2, 9, out);
    Corpus made = new CorpusReader().read(List.of(out.resolve("data")));
    Set<String> sharedAgents = new java.util.HashSet<>();
    made.shared().stream()
        .filter(e -> !e.isAddition())
        .filter(e -> e.file().endsWith("people.yaml") || e.file().endsWith("organisations.yaml"))
        .forEach(e -> sharedAgents.add(e.id()));
    List<Set<String>> referred = new java.util.ArrayList<>();
    for (var article : made.articles().entrySet()) {
      Set<String> shared = new java.util.TreeSet<>();
      article.getValue().forEach(e -> values(e.body(), shared));
      shared.retainAll(sharedAgents);
      long own =
          article.getValue().stream()
              .filter(e -> !e.isAddition())
              .filter(e -> e.id().matches("synthetic-(person|organisation)-\\d+"))
              .count();
      assertFalse(shared.isEmpty(), article.getKey());
      assertTrue(own > shared.size(), article.getKey() + ": " + own + " own, shared " + shared);
      referred.add(shared);
    }
    Set<String> both = new java.util.TreeSet<>(referred.get(0));
    both.retainAll(referred.get(1));
    assertFalse(both.isEmpty(), referred::toString);
  }

  private static void values(com.fasterxml.jackson.databind.JsonNode node, Set<String> into) {
    if (node.isTextual()) {
      into.add(node.asText());
    }
    node.forEach(child -> values(child, into));
  }

  @Test
  void everyAnchorFindsItsPassageInTheMadeUpCopy(@TempDir Path out) throws IOException {
    GENERATOR.generate(1, 11, out);
    var data =
        org.w3id.grandbargain.kb.load.Loader.load(
            org.w3id.grandbargain.kb.ProjectLayout.fromRoot(out));
    Path copy = out.resolve("texts/synthetic-article-1.txt");
    AnchorReport report =
        new AnchorVerifier(data.dataset())
            .verify("https://w3id.org/grand-bargain/id/synthetic-article-1", copy);
    assertEquals(report.expectedSha256(), report.actualSha256());
    assertEquals(report.expectedCharacters(), report.actualCharacters());
    assertTrue(report.drifts().isEmpty(), report.drifts()::toString);
    assertEquals(claimsWithAnchor(out), report.anchorsChecked());
  }

  @Test
  void aFolderThatIsNotEmptyIsRefused(@TempDir Path out) throws IOException {
    Files.writeString(out.resolve("keep.txt"), "mine");
    var e = assertThrows(ConfigurationException.class, () -> GENERATOR.generate(1, 1, out));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertNotEquals(0, Files.size(out.resolve("keep.txt")));
  }

  private static long claimsWithAnchor(Path out) {
    Corpus made = new CorpusReader().read(List.of(out.resolve("data")));
    return made.articles().values().iterator().next().stream()
        .filter(e -> e.body().has("anchor"))
        .count();
  }

  static long claims(List<Entry> entries) {
    return entries.stream()
        .filter(e -> !e.isAddition())
        .filter(e -> e.body().path("type").toString().contains("\"Claim\""))
        .count();
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
