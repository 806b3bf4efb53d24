package org.w3id.grandbargain.kb.publish.core;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.query.QueryPolicy;
import org.w3id.grandbargain.kb.query.ServicePolicy;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * How the server runs. Build with {@link #builder()}; {@link Builder#build()} checks every value
 * and names the bad one.
 *
 * <pre>{@code
 * ServerSettings settings = ServerSettings.builder().port(0).queryTimeout(Duration.ofSeconds(5)).build();
 * }</pre>
 *
 * @param port the HTTP port; 0 picks a free one
 * @param base the persistent namespace that this server answers for: a request for path {@code
 *     /id/x} stands for the IRI {@code base + "id/x"} (default {@code
 *     https://w3id.org/grand-bargain/})
 * @param siteUrl the address at which clients reach this server, used in absolute links of the
 *     dataset description and the API description; null means the address of each request
 * @param queryPolicy the policy every query of the endpoint and the API follows: its timeout (a
 *     request cannot raise it), its row bound (a longer answer is refused, never cut short) and the
 *     SERVICE endpoints it allows
 * @param pageSize how many incoming links a description shows per page
 * @param admission how much work the server takes at once, and what it refuses
 * @param opsPort the port of health and metrics, apart from the public one ({@code 0} any free
 *     port, {@code -1} none)
 * @param opsHost the address the operations port listens on (default: loopback only)
 */
public record ServerSettings(
    int port,
    String base,
    String siteUrl,
    QueryPolicy queryPolicy,
    int pageSize,
    Admission admission,
    int opsPort,
    String opsHost) {

  public ServerSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(queryPolicy, "queryPolicy");
    Objects.requireNonNull(admission, "admission");
  }

  /** The longest a query may run. */
  public Duration queryTimeout() {
    return queryPolicy.timeout();
  }

  /** The most rows (or triples) an answer holds. */
  public int maxResultRows() {
    return queryPolicy.maxRows();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults: port 3030, the w3id namespace, a 10 s timeout, 10,000 rows, 50 links a page. */
  public static ServerSettings defaults() {
    return builder().build();
  }

  /** Builds {@link ServerSettings}, validating in {@link #build()}. */
  public static final class Builder {
    private int port = 3030;
    private String base = GB.BASE;
    private String siteUrl;
    private Duration queryTimeout = Duration.ofSeconds(10);
    private int maxResultRows = 10_000;
    private int pageSize = 50;
    private ServicePolicy services = ServicePolicy.defaults();
    private Admission admission = Admission.defaults();
    private int opsPort = -1;
    private String opsHost = "127.0.0.1";

    private Builder() {}

    /**
     * Health and metrics on their own port and address (default: none); {@code 0} picks a free
     * port.
     */
    public Builder ops(int opsPort, String opsHost) {
      this.opsPort = opsPort;
      this.opsHost = opsHost;
      return this;
    }

    /** How much work the server takes at once (default: {@link Admission#defaults()}). */
    public Builder admission(Admission admission) {
      this.admission = admission;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder base(String base) {
      this.base = base;
      return this;
    }

    public Builder siteUrl(String siteUrl) {
      this.siteUrl = siteUrl;
      return this;
    }

    public Builder queryTimeout(Duration queryTimeout) {
      this.queryTimeout = queryTimeout;
      return this;
    }

    public Builder maxResultRows(int maxResultRows) {
      this.maxResultRows = maxResultRows;
      return this;
    }

    /** Which endpoints SERVICE may call (default: Wikidata and DBpedia). */
    public Builder services(ServicePolicy services) {
      this.services = services;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * @throws ConfigurationException naming the first setting whose value is unusable
     */
    public ServerSettings build() {
      if (port < 0 || port > 65535) {
        throw new ConfigurationException("port " + port + " is not between 0 and 65535");
      }
      checkBase("base", base);
      if (siteUrl != null) {
        checkBase("site URL", siteUrl);
      }
      QueryPolicy policy = new QueryPolicy(queryTimeout, maxResultRows, services);
      if (pageSize < 1) {
        throw new ConfigurationException("page size " + pageSize + " must be at least 1");
      }
      if (admission == null) {
        throw new ConfigurationException("admission is missing");
      }
      if (opsPort < -1 || opsPort > 65535 || (opsPort > 0 && opsPort == port)) {
        throw new ConfigurationException(
            "operations port "
                + opsPort
                + " must be -1 (none), 0 (any) or another port than "
                + port);
      }
      if (opsHost == null || opsHost.isBlank()) {
        throw new ConfigurationException("operations address is missing");
      }
      return new ServerSettings(port, base, siteUrl, policy, pageSize, admission, opsPort, opsHost);
    }

    private static void checkBase(String what, String value) {
      if (value == null) {
        throw new ConfigurationException(what + " is missing");
      }
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme();
        if (!uri.isAbsolute()
            || !("http".equals(scheme) || "https".equals(scheme))
            || uri.getHost() == null
            || !value.endsWith("/")
            || uri.getRawQuery() != null
            || uri.getRawFragment() != null) {
          throw new ConfigurationException(
              what + " '" + value + "' must be an absolute http(s) address ending in '/'");
        }
      } catch (java.net.URISyntaxException e) {
        throw new ConfigurationException(
            what + " '" + value + "' is not an address: " + e.getMessage(), e);
      }
    }
  }
}
