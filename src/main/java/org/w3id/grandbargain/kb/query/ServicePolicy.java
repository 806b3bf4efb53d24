package org.w3id.grandbargain.kb.query;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * Which endpoints SERVICE may call, and how long and how much each call may take. Build with {@link
 * #builder()}; {@link Builder#build()} names the bad value.
 *
 * <pre>{@code
 * ServicePolicy services = ServicePolicy.builder()
 *     .allow(ServicePolicy.WIKIDATA)
 *     .route(ServicePolicy.WIKIDATA, "http://localhost:8890/sparql")   // a mirror
 *     .timeout(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * @param endpoints the allowlist; empty means SERVICE is refused altogether
 * @param timeout the longest one call may take to answer
 * @param maxRows the most rows one call may return; a call that returns more fails
 * @param maxCalls the most calls one query may make (a SERVICE is called once per row that reaches
 *     it); the next one fails
 * @param resolver how a host name is resolved before a call, to refuse names that lead into the
 *     server's own network (the system resolver unless a test supplies one)
 */
public record ServicePolicy(
    List<ServiceEndpoint> endpoints,
    Duration timeout,
    int maxRows,
    int maxCalls,
    Function<String, List<InetAddress>> resolver) {

  /** The Wikidata Query Service. */
  public static final String WIKIDATA = "https://query.wikidata.org/sparql";

  /** DBpedia's public SPARQL endpoint. */
  public static final String DBPEDIA = "https://dbpedia.org/sparql";

  public ServicePolicy {
    endpoints = List.copyOf(endpoints);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(resolver, "resolver");
  }

  /** The defaults: Wikidata and DBpedia, 20 s and 10,000 rows a call, 100 calls a query. */
  public static ServicePolicy defaults() {
    return builder().allow(WIKIDATA).allow(DBPEDIA).build();
  }

  /** No SERVICE at all. */
  public static ServicePolicy none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The allowlisted endpoint an IRI names, if any. */
  public Optional<ServiceEndpoint> find(java.net.URI iri) {
    return endpoints.stream().filter(e -> e.matches(iri)).findFirst();
  }

  /** The system resolver: every address a name has. */
  static List<InetAddress> systemResolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  /** Builds a {@link ServicePolicy}. */
  public static final class Builder {
    private final Map<String, String> allowed = new LinkedHashMap<>();
    private Duration timeout = Duration.ofSeconds(20);
    private int maxRows = 10_000;
    private int maxCalls = 100;
    private Function<String, List<InetAddress>> resolver = ServicePolicy::systemResolve;

    private Builder() {}

    /** Allows an endpoint, called at its own address. */
    public Builder allow(String iri) {
      allowed.putIfAbsent(iri, iri);
      return this;
    }

    /** Allows an endpoint and sends its calls to another address (a mirror, a stand-in). */
    public Builder route(String iri, String address) {
      allowed.put(iri, address);
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder maxRows(int maxRows) {
      this.maxRows = maxRows;
      return this;
    }

    public Builder maxCalls(int maxCalls) {
      this.maxCalls = maxCalls;
      return this;
    }

    public Builder resolver(Function<String, List<InetAddress>> resolver) {
      this.resolver = resolver;
      return this;
    }

    /**
     * @throws ConfigurationException naming the first endpoint, route or bound that is unusable
     */
    public ServicePolicy build() {
      List<ServiceEndpoint> endpoints = new ArrayList<>();
      allowed.forEach(
          (iri, address) ->
              endpoints.add(
                  iri.equals(address)
                      ? ServiceEndpoint.of(iri)
                      : ServiceEndpoint.routed(iri, address)));
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new ConfigurationException("SERVICE timeout " + timeout + " must be positive");
      }
      if (maxRows < 1) {
        throw new ConfigurationException("SERVICE row bound " + maxRows + " must be at least 1");
      }
      if (maxCalls < 1) {
        throw new ConfigurationException("SERVICE call budget " + maxCalls + " must be at least 1");
      }
      return new ServicePolicy(endpoints, timeout, maxRows, maxCalls, resolver);
    }
  }
}
