package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.NotFoundException;
import org.w3id.grandbargain.kb.query.QueryLimitException;
import org.w3id.grandbargain.kb.query.ServiceFailedException;
import org.w3id.grandbargain.kb.query.ServiceRefusedException;

/**
 * An error to send, status and message; and the one map from the failures of the site's code (and
 * of the queries it runs) to statuses, used by every servlet and by the SPARQL endpoint alike.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message of an answer that ran out of time: Fuseki's own, so every path says the same. */
  public static final String TIMED_OUT = "Query timed out";

  /** The HTTP status. */
  public final int status;

  public HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  /**
   * The response a failure deserves, when it is one the client can be told about: the failure
   * itself if it is an {@code HttpError}; found anywhere in the chain of causes, 400 for a query
   * past a limit of the query policy, 403 for a SERVICE call the policy refuses, 502 for an allowed
   * call that failed; 503 for a query that ran out of time; 400 for a query that does not parse or
   * an argument that does not fit (a {@code text:query} that Lucene cannot parse among them); 404
   * for something that does not exist. Empty for anything else, which is the server's fault (a 500
   * whose details stay in the log).
   */
  public static Optional<HttpError> of(Throwable failure) {
    // the query policy first: a limit is a cancellation too, and a refused call cancels its query
    for (Throwable c : causes(failure)) {
      if (c instanceof QueryLimitException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_BAD_REQUEST, c.getMessage()));
      }
      if (c instanceof ServiceRefusedException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_FORBIDDEN, c.getMessage()));
      }
      if (c instanceof ServiceFailedException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_BAD_GATEWAY, c.getMessage()));
      }
    }
    for (Throwable c : causes(failure)) {
      if (c instanceof HttpError error) {
        return Optional.of(error);
      }
      if (c instanceof QueryCancelledException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, TIMED_OUT));
      }
      if (c instanceof QueryParseException
          || c instanceof ConfigurationException
          || c instanceof org.apache.jena.query.text.TextIndexParseException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_BAD_REQUEST, c.getMessage()));
      }
      if (c instanceof NotFoundException) {
        return Optional.of(new HttpError(HttpServletResponse.SC_NOT_FOUND, c.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** A failure and its causes, outermost first. */
  private static java.util.List<Throwable> causes(Throwable failure) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable c = failure; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    return chain;
  }
}
