package org.w3id.grandbargain.kb.cli;

import java.util.concurrent.Callable;
import org.w3id.grandbargain.kb.store.BuildResult;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code build}: load, validate, store and dump; progress on stderr, the summary on stdout. */
@Command(
    name = "build",
    description =
        "Load data/, validate it against the shapes, write a TDB2 release and its dumps, publish it.")
final class BuildCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    BuildResult result =
        new ReleaseBuilder(project.layout(), project.store())
            .build(m -> err.println("build: " + m));
    spec.commandLine().getOut().print(result.summary());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
