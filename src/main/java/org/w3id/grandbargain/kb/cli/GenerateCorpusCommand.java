package org.w3id.grandbargain.kb.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.corpus.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate-corpus}: writes a synthetic project folder for measuring the build. */
@Command(
    name = "generate-corpus",
    description =
        "Write a project folder with N synthetic articles in the real data format (made-up words,"
            + " marked as synthetic), the same bytes for the same seed; build it with build --root.")
final class GenerateCorpusCommand implements Callable<Integer> {
  @Option(names = "--articles", required = true, description = "Number of articles.")
  int articles;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the made-up content (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Folder to write (absent or empty).")
  Path out;

  @Option(
      names = "--root",
      defaultValue = ".",
      description =
          "Project root whose ontology/, queries/ and data/ are copied, its first article the"
              + " template (default: ${DEFAULT-VALUE}).")
  Path root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CorpusGenerator.Summary s = new CorpusGenerator(root).generate(articles, seed, out);
    spec.commandLine()
        .getOut()
        .printf(
            "generated %d synthetic articles (%d entries, %d claims) in %s%n",
            s.articles(), s.entries(), s.claims(), s.root());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
