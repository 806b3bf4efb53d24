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
 * <p>Behind a reverse proxy or an HTTP cache every request comes from the proxy's address; with
 * {@code behindProxy}, the client is the one the proxy names in {@code Forwarded} or {@code
 * X-Forwarded-For} (and the scheme and host the client used, in {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host}, are the site's). Those headers are anyone's to send, so this is only
 * for a server that no one reaches but through the proxy.
 *
 * @param maxRequestBytes the largest request body accepted, in bytes
 * @param maxHeaderBytes the largest request line and headers accepted, in bytes
 * @param maxQueries how many query requests run at once
 * @param maxWaitingQueries how many more may wait for a place
 * @param maxWait how long one may wait
 * @param perClientQueries how many query requests one client runs at once
 * @param perClientRate how many query requests one client may send a second
 * @param retryAfter what {@code Retry-After} tells a refused client
 * @param behindProxy whether the client and the site's address are taken from the proxy's headers
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
    boolean behindProxy) {

  public Admission {
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

  private static void positive(String what, long value) {
    if (value < 1) {
      throw new ConfigurationException(what + " " + value + " must be at least 1");
    }
  }

  /**
   * The defaults: 1 MiB bodies, 128 KiB heads (a query of the longest length, percent-encoded in a
   * GET, fits); twice as many queries at once as there are processors (at least 4), 32 waiting at
   * most 2 s; 2 at once and 50 a second per client; retry after 5 s; clients by their own address.
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
    private boolean behindProxy;

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

    public Builder behindProxy(boolean behindProxy) {
      this.behindProxy = behindProxy;
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
          behindProxy);
    }
  }
}
