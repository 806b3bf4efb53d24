package org.w3id.grandbargain.kb.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.query.SnapshotRefresh;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code refresh-external}: re-fetches the external snapshots from their endpoints. */
@Command(
    name = "refresh-external",
    description =
        "Re-fetch the external snapshots (data/external/<name>.ttl) from their endpoints, with the"
            + " queries of queries/external/, over the current release's links; then run build.")
final class RefreshExternalCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin ServiceOptions policy;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "NAME",
      arity = "0..*",
      description = "The snapshots to refresh (default: all), e.g. wikidata, dbpedia.")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--retrieved",
      paramLabel = "YYYY-MM-DD",
      description = "The day the references record as retrieved (default: today).")
  LocalDate retrieved;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (KnowledgeBase kb = KnowledgeBase.openCurrent(project.store())) {
      var results =
          new SnapshotRefresh(kb.dataset(), policy.policy())
              .refresh(
                  project.layout().queries().resolve("external"),
                  project.layout().dataRoots().get(0).resolve("external"),
                  names,
                  retrieved == null ? LocalDate.now() : retrieved);
      for (var r : results) {
        out.println(r.name() + ": " + r.statements() + " statements written to " + r.file());
      }
    }
    out.flush();
    return 0;
  }
}
