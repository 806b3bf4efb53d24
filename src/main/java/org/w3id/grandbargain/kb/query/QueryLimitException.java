package org.w3id.grandbargain.kb.query;

/**
 * A query that asks for more than the {@link QueryPolicy} allows: too long, too deep an {@code
 * OFFSET}, a string past the longest a query may build, a function outside SPARQL's own. The
 * message names the limit and its value; the endpoint answers it with 400 and the command line with
 * exit code 3.
 */
public final class QueryLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryLimitException(String message) {
    super(message);
  }
}
