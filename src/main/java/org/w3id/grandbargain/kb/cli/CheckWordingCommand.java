package org.w3id.grandbargain.kb.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.validate.ArticleText;
import org.w3id.grandbargain.kb.validate.WordingCheck;
import org.w3id.grandbargain.kb.validate.WordingCheck.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check-wording}: find the editors' texts that repeat the article's own prose. */
@Command(
    name = "check-wording",
    description =
        "Report every label, name, description, note or reason of the data that shares "
            + WordingCheck.RUN
            + " consecutive words with the article outside its quotations (one may differ).")
final class CheckWordingCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Mixin ArticleTextOptions articleText;

  @Override
  public Integer call() {
    Corpus corpus = new CorpusReader().read(project.layout().dataRoots());
    String slug = articleText.article(corpus.articles().keySet());
    List<Finding> findings =
        WordingCheck.of(ArticleText.read(articleText.text).text()).check(corpus, slug);
    var out = spec.commandLine().getOut();
    findings.forEach(f -> out.println(f.line()));
    out.println(
        findings.size()
            + " text"
            + (findings.size() == 1 ? "" : "s")
            + " of the data repeat"
            + (findings.size() == 1 ? "s" : "")
            + " the article"
            + (findings.isEmpty() ? ": OK" : ""));
    out.flush();
    return findings.isEmpty() ? 0 : ExitCodes.WORDING;
  }
}
