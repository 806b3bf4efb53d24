package org.w3id.grandbargain.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.load.Loader;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/** verify-anchors: a matching copy passes; a changed copy is reported claim by claim. */
class AnchorVerifierTest {
  private static final OntologyIndex ONTOLOGY = OntologyIndex.read(TestProject.layout().ontology());

  private static AnchorVerifier mini() {
    return new AnchorVerifier(
        Loader.load(ONTOLOGY, List.of(TestProject.resource("mini/data"))).dataset());
  }

  private static AnchorVerifier second() {
    return new AnchorVerifier(
        Loader.load(
                TestProject.layout()
                    .withExtraData(List.of(TestProject.resource("second-article/data"))))
            .dataset());
  }

  @Test
  void theCopyTheAnchorsWereCountedInPasses() {
    AnchorReport report =
        mini().verify(GB.ID + "mini-note", TestProject.resource("mini/mini-note.txt"));
    assertTrue(report.clean(), () -> String.join("\n", report.lines()));
    assertEquals(1, report.anchorsChecked());
    assertEquals(122, report.actualCharacters());
  }

  @Test
  void aShiftedCopyIsReportedWithWhereTheWordsMoved() {
    AnchorReport report =
        mini().verify(GB.ID + "mini-note", TestProject.resource("mini/mini-note-moved.txt"));
    assertFalse(report.clean());
    assertEquals(
        List.of(
            new AnchorReport.Drift(
                GB.ID + "mini-note/text",
                11,
                11,
                "a paragraph is recorded to begin here, but no paragraph begins here"),
            new AnchorReport.Drift(
                GB.ID + "mini-note/jane-says",
                11,
                73,
                "the text at this range changed; the same words are now at 20-82 (+9)")),
        report.drifts());
    assertEquals(131, report.actualCharacters());
  }

  @Test
  void aChangedQuotationIsReported() {
    var verifier = second();
    String article = GB.ID + "test-2024-06-bulletin";
    assertTrue(
        verifier.verify(article, TestProject.resource("second-article/bulletin.txt")).clean());

    AnchorReport report =
        verifier.verify(article, TestProject.resource("second-article/bulletin-drifted.txt"));

    assertEquals(
        List.of(
            new AnchorReport.Drift(
                GB.ID + "test-2024-06-bulletin/sam-says-test",
                88,
                124,
                "the quotation \"It was only a test\" is not in the anchored text; it is nowhere in"
                    + " the copy"),
            new AnchorReport.Drift(
                GB.ID + "test-2024-06-bulletin/sam-says-test",
                88,
                124,
                "the passage link finds nothing in the copy; the fewest words that find it:"
                    + " fragment: [\"It was just\", \"Test said\"]")),
        report.drifts());
  }

  @Test
  void theArticlesArchivedCopyMatchesEveryAnchor() {
    assumeTrue(
        Files.isRegularFile(TestProject.articleCopy()),
        "the archived copy is not beside the project; .ci/run checks it with verify-anchors");
    var verifier = new AnchorVerifier(Loader.load(TestProject.layout()).dataset());
    AnchorReport report =
        verifier.verify(GB.ID + "ips-2006-03-28-cabal", TestProject.articleCopy());
    assertTrue(report.clean(), () -> String.join("\n", report.lines()));
    assertEquals(56, report.anchorsChecked());
  }
}
