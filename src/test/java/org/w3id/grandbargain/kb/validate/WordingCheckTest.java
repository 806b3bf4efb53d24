package org.w3id.grandbargain.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.BadInput;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.validate.WordingCheck.Finding;

/**
 * The wording check finds the editors' texts that repeat the article's prose, and only those: a
 * planted copy is found with its file, entry and field, a near copy too, and neither the article's
 * own quotations nor the fields that hold its words are reported. The real data repeats nothing.
 */
class WordingCheckTest {
  private static final String MINI_TEXT = "mini/mini-note.txt";

  /** Copies the mini fixture with one text replaced and checks it against the mini note. */
  private static List<Finding> plant(Path root, String file, String replace, String with)
      throws IOException {
    BadInput change = new BadInput("planted", "a planted text", file, replace, with, null);
    Path data = change.writeInto(root);
    var corpus = new CorpusReader().read(List.of(data));
    String text = ArticleText.read(TestProject.resource(MINI_TEXT)).text();
    return WordingCheck.of(text).check(corpus, "mini-note").stream()
        .map(f -> new Finding(BadInput.relative(f.file(), root), f.entry(), f.field(), f.run()))
        .toList();
  }

  @Test
  void aPlantedCopyIsFoundWithItsFileEntryAndField(@TempDir Path root) throws IOException {
    assertEquals(
        List.of(
            new Finding(
                "data/shared/agents.yaml",
                "entry 'example-government' (line 18)",
                "description",
                "This short text exists only to test the")),
        plant(
            root,
            "shared/agents.yaml",
            "  name: Example Government\n",
            "  name: Example Government\n"
                + "  description: This short text exists only to test the loader, it says.\n"));
  }

  @Test
  void aCopyWithOneWordChangedIsFoundToo(@TempDir Path root) throws IOException {
    assertEquals(
        List.of(
            new Finding(
                "data/articles/mini-note/events.yaml",
                "entry 'meeting' (line 1)",
                "label",
                "This short note exists only to test the")),
        plant(
            root,
            "articles/mini-note/events.yaml",
            "  label: The agency meets in Example City\n",
            "  label: This short note exists only to test the loader\n"));
  }

  @Test
  void aCopyInsideAnEditorialValueOrAReasonIsFound(@TempDir Path root) throws IOException {
    assertEquals(
        List.of(
            new Finding(
                "data/articles/mini-note/events.yaml",
                "entry 'host' (line 43)",
                "reason",
                "This short text exists only to test the")),
        plant(
            root,
            "articles/mini-note/events.yaml",
            "    reason: Only Jane Example is named as present.\n",
            "    reason: This short text exists only to test the loader.\n"));
  }

  @Test
  void theArticlesQuotationsAndTheFieldsThatHoldItsWordsAreNotReported(@TempDir Path root)
      throws IOException {
    assertEquals(
        List.of(),
        plant(
            root,
            "articles/mini-note/events.yaml",
            "  label: The agency meets in Example City\n",
            "  label: Jane says \"we met in Example City early in December\"\n"
                + "  nameInSource: Jane Example said this short text exists only to test\n"));
  }

  @Test
  void typographicQuotesAndApostrophesMatchStraightOnes() {
    WordingCheck check =
        WordingCheck.of(
            "He said “we never answered the offer at all, not once” and the State Department’s"
                + " officials kept the offer of May away from the President.");
    assertEquals(
        null,
        check.firstRun("He said \"we never answered the offer at all, not once\" to us."),
        "a quotation in curly quotes is the speaker's, not the article's prose");
    assertEquals(
        "Then the State Department's officials kept the offer",
        check.firstRun("Then the State Department's officials kept the offer of May hidden."));
    assertEquals(
        "The State Department’s officials kept the offer of",
        WordingCheck.of(
                "Then the State Department's officials kept the offer of May away from him.")
            .firstRun("The State Department’s officials kept the offer of May away."));
  }

  @Test
  void theRealDataRepeatsNothingOfTheArticle() {
    assumeTrue(
        Files.isRegularFile(TestProject.articleCopy()),
        "the archived copy is not beside the project; .ci/run checks it with check-wording");
    var corpus = new CorpusReader().read(TestProject.layout().dataRoots());
    String text = ArticleText.read(TestProject.articleCopy()).text();
    assertEquals(List.of(), WordingCheck.of(text).check(corpus, "ips-2006-03-28-cabal"));
  }
}
