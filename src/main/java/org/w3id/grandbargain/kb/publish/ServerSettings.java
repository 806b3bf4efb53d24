package org.w3id.grandbargain.kb.publish;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.w3id.grandbargain.kb.ConfigurationException;
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
 * @param queryTimeout the longest a SPARQL query may run; a request can ask for less, never more
 * @param maxResultRows the most rows (or triples) a query answer holds; longer answers are cut and
 *     say so in the {@code X-Result-Truncated} header
 * @param pageSize how many incoming links a description shows per page
 */
public record ServerSettings(
    int port, String base, String siteUrl, Duration queryTimeout, int maxResultRows, int pageSize) {

  /** The response header that says a query answer was cut at {@link #maxResultRows()}. */
  public static final String TRUNCATED_HEADER = "X-Result-Truncated";

  public ServerSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(queryTimeout, "queryTimeout");
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

    private Builder() {}

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
      if (queryTimeout == null || queryTimeout.isNegative() || queryTimeout.isZero()) {
        throw new ConfigurationException("query timeout " + queryTimeout + " must be positive");
      }
      if (maxResultRows < 1) {
        throw new ConfigurationException(
            "maximum result rows " + maxResultRows + " must be at least 1");
      }
      if (pageSize < 1) {
        throw new ConfigurationException("page size " + pageSize + " must be at least 1");
      }
      return new ServerSettings(port, base, siteUrl, queryTimeout, maxResultRows, pageSize);
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
