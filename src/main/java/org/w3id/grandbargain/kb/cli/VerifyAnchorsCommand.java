package org.w3id.grandbargain.kb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.load.LoadedData;
import org.w3id.grandbargain.kb.load.Loader;
import org.w3id.grandbargain.kb.validate.AnchorReport;
import org.w3id.grandbargain.kb.validate.AnchorVerifier;
import org.w3id.grandbargain.kb.vocabulary.GB;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify-anchors}: re-check every claim's character range against a copy of the text. */
@Command(
    name = "verify-anchors",
    description =
        "Re-check every claim anchor of an article against a copy of its text and report drift.")
final class VerifyAnchorsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(
      names = "--text",
      required = true,
      paramLabel = "FILE",
      description = "The copy of the article's text to check against.")
  Path text;

  @Option(
      names = "--article",
      paramLabel = "SLUG",
      description = "The article's folder name; needed when several articles have anchored claims.")
  String article;

  @Override
  public Integer call() {
    LoadedData data = Loader.load(project.layout());
    AnchorVerifier verifier = new AnchorVerifier(data.dataset());
    String iri;
    if (article != null) {
      iri = GB.ID + article;
    } else {
      List<String> articles = verifier.anchoredArticles();
      if (articles.size() != 1) {
        throw new ConfigurationException(
            "several articles have anchored claims; choose one with --article: " + articles);
      }
      iri = articles.get(0);
    }
    AnchorReport report = verifier.verify(iri, text);
    var out = spec.commandLine().getOut();
    report.lines().forEach(out::println);
    out.flush();
    return report.clean() ? 0 : ExitCodes.DRIFT;
  }
}
