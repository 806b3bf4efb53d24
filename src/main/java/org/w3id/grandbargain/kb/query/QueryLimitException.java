package org.w3id.grandbargain.kb.query;

/**
 * A query that asks for more than the {@link QueryPolicy} allows: too long, too deep an {@code
 * OFFSET}, a string past the longest a query may build, a function outside SPARQL's own. The
 * message names the limit and its value; the endpoint answers it with 400 and the command line with
 * exit code 3.
 *
 * <p>It is a {@link org.apache.jena.query.QueryCancelledException} (which has no message of its
 * own) because that is the one exception ARQ's {@code FILTER} evaluation passes on: any other is
 * taken as an error of the row, which is dropped and the query carries on.
 */
public final class QueryLimitException extends org.apache.jena.query.QueryCancelledException {
  private final String message;

  private static final long serialVersionUID = 1L;

  public QueryLimitException(String message) {
    this.message = message;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
