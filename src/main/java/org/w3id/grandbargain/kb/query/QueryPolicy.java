package org.w3id.grandbargain.kb.query;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * The one policy under which every query runs, from the public endpoint, the API and the command
 * line alike: how long it may run, how many rows an answer holds, which endpoints SERVICE may call
 * ({@link ServicePolicy}), and the bounds that keep a query's cost within its time limit and its
 * memory small ({@link QueryGuard}: how long its text, how deep its OFFSET, how long the strings it
 * builds; REGEX and REPLACE stop at the time limit).
 *
 * <pre>{@code
 * QueryPolicy policy = new QueryPolicy(Duration.ofSeconds(10), 10_000, ServicePolicy.defaults());
 * policy.install(dataset.getContext());   // every query over the dataset now follows it
 * }</pre>
 *
 * @param timeout the longest a query may run
 * @param maxRows the most rows (or triples) an answer holds
 * @param services which SERVICE calls are allowed, with their own time limit and row bound
 * @param maxQueryLength the longest query text accepted, in characters (parsing and planning grow
 *     faster than the text, outside the time limit)
 * @param maxOffset the deepest {@code OFFSET} accepted
 * @param maxStringLength the longest string an expression of a query may build, in characters
 */
public record QueryPolicy(
    Duration timeout,
    int maxRows,
    ServicePolicy services,
    int maxQueryLength,
    long maxOffset,
    int maxStringLength) {

  /** The default longest query text: 32,768 characters. */
  public static final int MAX_QUERY_LENGTH = 32_768;

  /** The default deepest OFFSET: 100,000. */
  public static final long MAX_OFFSET = 100_000;

  /** The default longest string a query may build: 1,000,000 characters. */
  public static final int MAX_STRING_LENGTH = 1_000_000;

  static {
    lockDown();
  }

  /**
   * Makes ARQ's global registry, which a query executed without an installed policy falls back to
   * (any context this code did not set up), refuse every SERVICE call. The command line and the
   * server call it at start; loading this class does too.
   */
  public static synchronized void lockDown() {
    org.apache.jena.sys.JenaSystem.init();
    ServiceExecutorRegistry global = new ServiceExecutorRegistry();
    global.add(ServiceExecutorRegistry.httpService);
    global.addSingleLink(new ServiceGuard(ServicePolicy.none()));
    ServiceExecutorRegistry.set(ARQ.getContext(), global);
    ARQ.getContext().set(ARQ.httpServiceAllowed, false);
  }

  public QueryPolicy {
    Objects.requireNonNull(services, "services");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new ConfigurationException("query timeout " + timeout + " must be positive");
    }
    if (maxRows < 1) {
      throw new ConfigurationException("maximum result rows " + maxRows + " must be at least 1");
    }
    if (maxQueryLength < 1 || maxOffset < 0 || maxStringLength < 1) {
      throw new ConfigurationException(
          "query limits must be positive: query length "
              + maxQueryLength
              + ", offset "
              + maxOffset
              + ", string length "
              + maxStringLength);
    }
  }

  /** A policy with the default query length, offset and string bounds. */
  public QueryPolicy(Duration timeout, int maxRows, ServicePolicy services) {
    this(timeout, maxRows, services, MAX_QUERY_LENGTH, MAX_OFFSET, MAX_STRING_LENGTH);
  }

  /**
   * Refuses query text longer than {@link #maxQueryLength()}, before it is parsed.
   *
   * @throws QueryLimitException naming the length and the limit
   */
  public String checkLength(String queryText) {
    if (queryText != null && queryText.length() > maxQueryLength) {
      throw new QueryLimitException(
          "the query is "
              + queryText.length()
              + " characters long, more than the "
              + maxQueryLength
              + " this endpoint accepts");
    }
    return queryText;
  }

  /** The defaults: 10 s, 10,000 rows, SERVICE to Wikidata and DBpedia only. */
  public static QueryPolicy defaults() {
    return new QueryPolicy(Duration.ofSeconds(10), 10_000, ServicePolicy.defaults());
  }

  /** The defaults without SERVICE: for queries that must not leave the knowledge base. */
  public static QueryPolicy offline() {
    return defaults().withServices(ServicePolicy.none());
  }

  /** The same policy with another set of SERVICE endpoints. */
  public QueryPolicy withServices(ServicePolicy services) {
    return new QueryPolicy(timeout, maxRows, services, maxQueryLength, maxOffset, maxStringLength);
  }

  /** The same policy with another time limit. */
  public QueryPolicy withTimeout(Duration timeout) {
    return new QueryPolicy(timeout, maxRows, services, maxQueryLength, maxOffset, maxStringLength);
  }

  /**
   * The refusal of an answer that holds more than {@link #maxRows()} rows or triples: it says how
   * to page instead of the answer being sent cut short.
   *
   * @param what what the answer holds: rows or triples
   */
  public QueryLimitException tooMany(String what) {
    return new QueryLimitException(
        "the answer holds more than "
            + maxRows
            + " "
            + what
            + ", the most this endpoint sends; ask for at most "
            + maxRows
            + " with LIMIT and page with OFFSET, or narrow the query");
  }

  /**
   * Makes every query executed with this context follow the policy: the time limit (initial and
   * overall: a request cannot raise it), and SERVICE only through {@link ServiceGuard}, over an
   * HTTP client that never follows redirects and with the calls' own time limit.
   */
  public void install(Context context) {
    long millis = timeout.toMillis();
    context.set(ARQ.queryTimeout, millis + "," + millis);
    QueryGuard.install(context, this);
    ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
    registry.add(ServiceExecutorRegistry.httpService);
    registry.addSingleLink(new ServiceGuard(services));
    ServiceExecutorRegistry.set(context, registry);
    context.set(ARQ.httpServiceAllowed, !services.endpoints().isEmpty());
    // one call may not outlast the query it is part of
    Duration call = services.timeout().compareTo(timeout) < 0 ? services.timeout() : timeout;
    context.set(
        ARQ.httpQueryClient,
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(call)
            .build());
    context.set(ARQ.httpQueryTimeout, call.toMillis());
  }
}
