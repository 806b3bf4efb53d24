package org.w3id.grandbargain.kb.cli;

import java.nio.file.Path;
import java.util.Collection;
import org.w3id.grandbargain.kb.ConfigurationException;
import picocli.CommandLine.Option;

/** The options of the commands that check the data against a copy of an article's text. */
final class ArticleTextOptions {
  @Option(
      names = "--text",
      required = true,
      paramLabel = "FILE",
      description = "The copy of the article's text to check against.")
  Path text;

  @Option(
      names = "--article",
      paramLabel = "SLUG",
      description = "The article's folder name; needed when the data holds several articles.")
  String article;

  /** The article chosen among those the data holds: the one named, or the only one. */
  String article(Collection<String> slugs) {
    if (article != null) {
      if (!slugs.contains(article)) {
        throw new ConfigurationException("no article '" + article + "'; there are: " + slugs);
      }
      return article;
    }
    if (slugs.size() != 1) {
      throw new ConfigurationException(
          "the data holds several articles; choose one with --article: " + slugs);
    }
    return slugs.iterator().next();
  }
}
