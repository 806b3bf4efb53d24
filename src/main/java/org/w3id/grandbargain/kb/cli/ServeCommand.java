package org.w3id.grandbargain.kb.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.grandbargain.kb.publish.KbServer;
import org.w3id.grandbargain.kb.publish.core.Admission;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
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

  @Option(
      names = "--max-queries",
      description =
          "Query requests (/kb, /api) run at once (default: twice the processors, at least 4).")
  Integer maxQueries;

  @Option(
      names = "--max-waiting-queries",
      defaultValue = "32",
      description =
          "Query requests that may wait for a place; past them, 503 (default: ${DEFAULT-VALUE}).")
  int maxWaiting;

  @Option(
      names = "--max-wait",
      defaultValue = "2",
      description = "Seconds a query request may wait for a place (default: ${DEFAULT-VALUE}).")
  long maxWait;

  @Option(
      names = "--client-queries",
      defaultValue = "2",
      description =
          "Query requests one client runs at once; past them, 429 (default: ${DEFAULT-VALUE}).")
  int clientQueries;

  @Option(
      names = "--client-rate",
      defaultValue = "50",
      description =
          "Query requests one client may send a second; past it, 429 (default: ${DEFAULT-VALUE}).")
  int clientRate;

  @Option(
      names = "--ops-port",
      defaultValue = "3031",
      description =
          "Port of /health/live, /health/ready and /metrics (Prometheus); -1 for none (default: ${DEFAULT-VALUE}).")
  int opsPort;

  @Option(
      names = "--ops-host",
      defaultValue = "127.0.0.1",
      description =
          "Address the operations port listens on (default: ${DEFAULT-VALUE}, this machine only).")
  String opsHost;

  @Option(
      names = "--max-body",
      defaultValue = "1048576",
      description = "The largest request body, in bytes; past it, 413 (default: ${DEFAULT-VALUE}).")
  long maxBody;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      description =
          "The IP address of a reverse proxy or HTTP cache in front of the server (repeatable):"
              + " a request from it is the client's that it names last in X-Forwarded-For.")
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  private Admission admission() {
    return Admission.builder()
        .queries(
            maxQueries == null ? Admission.defaults().maxQueries() : maxQueries,
            maxWaiting,
            Duration.ofSeconds(maxWait))
        .perClient(clientQueries, clientRate)
        .maxRequestBytes(maxBody)
        .trustedProxies(java.util.Set.copyOf(trustedProxies))
        .build();
  }

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
            .admission(admission())
            .ops(opsPort, opsHost)
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
                  : "")
              + (KbServer.opsPort(server) > 0
                  ? "; health and metrics at http://"
                      + opsHost
                      + ":"
                      + KbServer.opsPort(server)
                      + "/metrics"
                  : ""));
      err.flush();
      server.join();
    }
    return 0;
  }
}
