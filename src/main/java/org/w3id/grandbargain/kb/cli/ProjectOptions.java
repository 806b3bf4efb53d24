package org.w3id.grandbargain.kb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.store.ReleaseStore;
import picocli.CommandLine.Option;

/** Options shared by the commands: where the project's inputs and the store are. */
final class ProjectOptions {
  @Option(
      names = "--root",
      defaultValue = ".",
      description =
          "Project root holding ontology/, data/ and queries/ (default: ${DEFAULT-VALUE}).")
  Path root;

  @Option(
      names = "--data",
      description =
          "A data folder (with shared/ and/or articles/); repeat to load several side by side (default: <root>/data).")
  List<Path> data = new ArrayList<>();

  @Option(names = "--store", description = "Folder of the TDB2 releases (default: <root>/store).")
  Path store;

  ProjectLayout layout() {
    ProjectLayout layout = ProjectLayout.fromRoot(root);
    if (!data.isEmpty()) {
      layout = new ProjectLayout(layout.ontology(), layout.shapes(), data, layout.queries());
    }
    return layout;
  }

  ReleaseStore store() {
    return new ReleaseStore(store != null ? store : root.resolve("store"));
  }
}
