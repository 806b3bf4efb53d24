package org.w3id.grandbargain.kb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.load.LoadedData;
import org.w3id.grandbargain.kb.load.Loader;
import org.w3id.grandbargain.kb.validate.AnchorReport;
import org.w3id.grandbargain.kb.validate.AnchorVerifier;
import org.w3id.grandbargain.kb.vocabulary.GB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code verify-anchors}: re-check every claim's character range against a copy of the text. */
@Command(
    name = "verify-anchors",
    description =
        "Re-check every claim anchor of an article against a copy of its text and report drift.")
final class VerifyAnchorsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Mixin ArticleTextOptions articleText;

  @Override
  public Integer call() {
    LoadedData data = Loader.load(project.layout());
    AnchorVerifier verifier = new AnchorVerifier(data.dataset());
    List<String> slugs =
        verifier.anchoredArticles().stream().map(a -> a.substring(GB.ID.length())).toList();
    String iri = GB.ID + articleText.article(slugs);
    AnchorReport report = verifier.verify(iri, articleText.text);
    var out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    out.flush();
    return report.clean() ? 0 : ExitCodes.DRIFT;
  }
}
