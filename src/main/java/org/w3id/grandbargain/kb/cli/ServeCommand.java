package org.w3id.grandbargain.kb.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.grandbargain.kb.publish.KbServer;
import org.w3id.grandbargain.kb.publish.Publication;
import org.w3id.grandbargain.kb.publish.ServerSettings;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code serve}: build the knowledge base if no release exists, then serve the current release. */
@Command(
    name = "serve",
    description =
        "Serve the current release (building it first if there is none): SPARQL, linked data, downloads.")
final class ServeCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "3030",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--base",
      defaultValue = "https://w3id.org/grand-bargain/",
      description = "The namespace this server answers for (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(
      names = "--site-url",
      description =
          "The address clients reach this server at, for absolute links (default: the address of each request).")
  String siteUrl;

  @Mixin ServiceOptions query;

  @Override
  public Integer call() {
    ServerSettings settings =
        ServerSettings.builder()
            .port(port)
            .base(base)
            .siteUrl(siteUrl)
            .queryTimeout(Duration.ofSeconds(query.timeout))
            .maxResultRows(query.maxRows)
            .services(query.services())
            .build();
    var err = spec.commandLine().getErr();
    ReleaseStore store = project.store();
    if (store.current().isEmpty()) {
      err.println("serve: no release yet in " + store.root() + "; building one");
      err.print(
          new ReleaseBuilder(project.layout(), store)
              .build(m -> err.println("build: " + m))
              .summary());
      err.flush();
    }
    try (Publication publication = Publication.open(project.layout(), store)) {
      FusekiServer server = KbServer.build(settings, publication).start();
      err.println(
          "serve: release "
              + publication.release().id()
              + " at http://localhost:"
              + server.getHttpPort()
              + "/"
              + (publication.kb().fromDumps()
                  ? " (read from its dumps: another process has its TDB2 store open)"
                  : ""));
      err.flush();
      server.join();
    }
    return 0;
  }
}
