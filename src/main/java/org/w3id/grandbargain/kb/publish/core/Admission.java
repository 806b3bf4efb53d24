package org.w3id.grandbargain.kb.publish.core;

import java.time.Duration;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * How much work the server admits, so that a flood of queries is answered with a fast refusal
 * instead of a queue without end, and pages and downloads stay fast while the query paths ({@code
 * /kb} and {@code /api}) are saturated:
 *
 * <ul>
 *   <li>a request body over {@code maxRequestBytes} is refused with {@code 413}, and a request line
 *       with headers over {@code maxHeaderBytes} with {@code 414} or {@code 431}, on every path;
 *   <li>at most {@code maxQueries} query requests run at once; up to {@code maxWaitingQueries} more
 *       wait, each at most {@code maxWait}; past that, {@code 503} with {@code Retry-After};
 *   <li>one client (one remote address) runs at most {@code perClientQueries} of them at once and
 *       sends at most {@code perClientRate} a second; past either, {@code 429} with {@code
 *       Retry-After}, so that one client cannot take the places of others.
 * </ul>
 *
 * <p>Behind a reverse proxy or an HTTP cache every request comes from the proxy's address. A
 * request whose peer is one of {@code trustedProxies} is the client's that the proxy named last in
 * {@code X-Forwarded-For} (the entry it added itself; those before it are the client's to write).
 * Nothing else is taken from a proxy's headers: the site's public address is {@code --site-url}.
 *
 * @param maxRequestBytes the largest request body accepted, in bytes
 * @param maxHeaderBytes the largest request line and headers accepted, in bytes
 * @param maxQueries how many query requests run at once
 * @param maxWaitingQueries how many more may wait for a place
 * @param maxWait how long one may wait
 * @param perClientQueries how many query requests one client runs at once
 * @param perClientRate how many query requests one client may send a second
 * @param retryAfter what {@code Retry-After} tells a refused client
 * @param trustedProxies the addresses (IP literals) of the proxies whose {@code X-Forwarded-For}
 *     names the client
 */
public record Admission(
    long maxRequestBytes,
    int maxHeaderBytes,
    int maxQueries,
    int maxWaitingQueries,
    Duration maxWait,
    int perClientQueries,
    int perClientRate,
    Duration retryAfter,
    java.util.Set<String> trustedProxies) {

  public Admission {
    trustedProxies =
        trustedProxies.stream()
            .map(Admission::address)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    positive("maximum request body", maxRequestBytes);
    positive("maximum request head", maxHeaderBytes);
    positive("concurrent queries", maxQueries);
    if (maxWaitingQueries < 0) {
      throw new ConfigurationException(
          "waiting queries " + maxWaitingQueries + " must not be negative");
    }
    if (maxWait == null || maxWait.isNegative()) {
      throw new ConfigurationException("query wait " + maxWait + " must not be negative");
    }
    positive("concurrent queries per client", perClientQueries);
    positive("queries a second per client", perClientRate);
    if (retryAfter == null || retryAfter.toSeconds() < 1) {
      throw new ConfigurationException("Retry-After " + retryAfter + " must be at least 1 s");
    }
  }

  /** An IP literal in the form Jetty gives a peer's address; never a name to look up. */
  private static String address(String literal) {
    if (!literal.matches("[0-9A-Fa-f:.]+") || literal.length() > 45) {
      throw new ConfigurationException(
          "trusted proxy '" + literal + "' is not an IPv4 or IPv6 address");
    }
    try {
      return java.net.InetAddress.getByName(literal).getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new ConfigurationException(
          "trusted proxy '" + literal + "' is not an IPv4 or IPv6 address");
    }
  }

  private static void positive(String what, long value) {
    if (value < 1) {
      throw new ConfigurationException(what + " " + value + " must be at least 1");
    }
  }

  /**
   * The defaults: 1 MiB bodies, 128 KiB heads (a query of the longest length, percent-encoded in a
   * GET, fits); twice as many queries at once as there are processors (at least 4), 32 waiting at
   * most 2 s; 2 at once and 50 a second per client; retry after 5 s; no proxy trusted.
   */
  public static Admission defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Admission} from the defaults; each bound is checked when it is built. */
  public static final class Builder {
    private long maxRequestBytes = 1 << 20;
    private int maxHeaderBytes = 128 << 10;
    private int maxQueries = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private int maxWaitingQueries = 32;
    private Duration maxWait = Duration.ofSeconds(2);
    private int perClientQueries = 2;
    private int perClientRate = 50;
    private Duration retryAfter = Duration.ofSeconds(5);
    private java.util.Set<String> trustedProxies = java.util.Set.of();

    private Builder() {}

    /** The query concurrency bounds: at once, waiting, and how long one may wait. */
    public Builder queries(int maxQueries, int maxWaitingQueries, Duration maxWait) {
      this.maxQueries = maxQueries;
      this.maxWaitingQueries = maxWaitingQueries;
      this.maxWait = maxWait;
      return this;
    }

    /** The per-client bounds: queries at once and a second. */
    public Builder perClient(int perClientQueries, int perClientRate) {
      this.perClientQueries = perClientQueries;
      this.perClientRate = perClientRate;
      return this;
    }

    public Builder maxRequestBytes(long maxRequestBytes) {
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** The proxies whose {@code X-Forwarded-For} names the client (default: none). */
    public Builder trustedProxies(java.util.Set<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
      return this;
    }

    public Admission build() {
      return new Admission(
          maxRequestBytes,
          maxHeaderBytes,
          maxQueries,
          maxWaitingQueries,
          maxWait,
          perClientQueries,
          perClientRate,
          retryAfter,
          trustedProxies);
    }
  }
}
