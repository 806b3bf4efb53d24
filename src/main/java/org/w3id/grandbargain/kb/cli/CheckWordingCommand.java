package org.w3id.grandbargain.kb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.load.Entry;
import org.w3id.grandbargain.kb.load.SymbolTable;
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
  private static final String TEXT_COPY = "TextCopy";
  private static final String SHA256 = "sha256";

  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Mixin ArticleTextOptions articleText;

  @Override
  public Integer call() {
    Corpus corpus = new CorpusReader().read(project.layout().dataRoots());
    String slug = articleText.article(corpus.articles().keySet());
    ArticleText text = ArticleText.read(articleText.text);
    String recorded = recordedSha256(corpus.articles().get(slug));
    if (recorded == null) {
      throw new ConfigurationException(
          "the article '" + slug + "' records no text copy with its sha256 to check against");
    }
    if (!recorded.equals(text.sha256())) {
      throw new ConfigurationException(
          articleText.text
              + " is not the article's text copy: its SHA-256 is "
              + text.sha256()
              + ", the data records "
              + recorded);
    }
    List<Finding> findings = WordingCheck.of(text.text()).check(corpus, slug);
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

  /** The SHA-256 the article's entries record for its text copy, or null if none does. */
  private static String recordedSha256(List<Entry> entries) {
    for (Entry e : entries) {
      String sha = recordedSha256(e.body());
      if (sha != null) {
        return sha;
      }
    }
    return null;
  }

  private static String recordedSha256(JsonNode node) {
    if (node.isObject()
        && node.path(SymbolTable.TYPE).asText().equals(TEXT_COPY)
        && node.path(SHA256).isTextual()) {
      return node.get(SHA256).asText();
    }
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        String sha = recordedSha256(child);
        if (sha != null) {
          return sha;
        }
      }
    }
    return null;
  }
}
