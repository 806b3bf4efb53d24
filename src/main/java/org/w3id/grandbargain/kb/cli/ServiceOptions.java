package org.w3id.grandbargain.kb.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.query.QueryPolicy;
import org.w3id.grandbargain.kb.query.ServicePolicy;
import picocli.CommandLine.Option;

/**
 * The query policy's options, shared by {@code query}, {@code serve} and {@code refresh-external}.
 */
final class ServiceOptions {
  @Option(
      names = "--timeout",
      defaultValue = "10",
      description = "Query timeout in seconds (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Option(
      names = "--max-rows",
      defaultValue = "10000",
      description = "Most rows in a query answer (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--service",
      paramLabel = "ENDPOINT",
      description =
          "An endpoint SERVICE may call; repeat for several. Replaces the default allowlist ("
              + ServicePolicy.WIKIDATA
              + ", "
              + ServicePolicy.DBPEDIA
              + ").")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--service-route",
      paramLabel = "ENDPOINT=ADDRESS",
      description =
          "Send the calls to an allowlisted ENDPOINT to ADDRESS instead (a mirror; it may be local).")
  Map<String, String> routes = new LinkedHashMap<>();

  @Option(names = "--no-service", description = "Refuse every SERVICE call.")
  boolean noService;

  @Option(
      names = "--service-timeout",
      defaultValue = "20",
      description = "Longest one SERVICE call may take, in seconds (default: ${DEFAULT-VALUE}).")
  long serviceTimeout;

  @Option(
      names = "--service-max-rows",
      defaultValue = "10000",
      description = "Most rows one SERVICE call may return (default: ${DEFAULT-VALUE}).")
  int serviceMaxRows;

  @Option(
      names = "--service-max-calls",
      defaultValue = "100",
      description =
          "Most SERVICE calls one query may make, one per row that reaches a SERVICE (default: ${DEFAULT-VALUE}).")
  int serviceMaxCalls;

  ServicePolicy services() {
    ServicePolicy.Builder b =
        ServicePolicy.builder()
            .timeout(Duration.ofSeconds(serviceTimeout))
            .maxRows(serviceMaxRows)
            .maxCalls(serviceMaxCalls);
    if (noService) {
      if (!services.isEmpty() || !routes.isEmpty()) {
        throw new ConfigurationException(
            "--no-service refuses every SERVICE call: it goes without --service and --service-route");
      }
      return b.build();
    }
    List<String> allowed =
        services.isEmpty() ? List.of(ServicePolicy.WIKIDATA, ServicePolicy.DBPEDIA) : services;
    allowed.forEach(b::allow);
    routes.forEach(
        (endpoint, address) -> {
          if (!allowed.contains(endpoint)) {
            throw new ConfigurationException(
                "--service-route "
                    + endpoint
                    + ": only an endpoint on the allowlist ("
                    + String.join(", ", allowed)
                    + ") may be routed");
          }
          b.route(endpoint, address);
        });
    return b.build();
  }

  QueryPolicy policy() {
    return new QueryPolicy(Duration.ofSeconds(timeout), maxRows, services());
  }
}
