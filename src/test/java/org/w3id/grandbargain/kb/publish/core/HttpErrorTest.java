package org.w3id.grandbargain.kb.publish.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.NotFoundException;
import org.w3id.grandbargain.kb.query.QueryLimitException;
import org.w3id.grandbargain.kb.query.ServiceFailedException;
import org.w3id.grandbargain.kb.query.ServiceRefusedException;

class HttpErrorTest {
  private static void maps(Throwable failure, int status, String message) {
    HttpError error = HttpError.of(failure).orElseThrow();
    assertEquals(status, error.status, failure.toString());
    assertEquals(message, error.getMessage());
  }

  @Test
  void anErrorToSendIsItself() {
    HttpError e = new HttpError(406, "none acceptable");
    assertSame(e, HttpError.of(e).orElseThrow());
  }

  @Test
  void theQueryPolicyIsFoundAnywhereInTheChainOfCauses() {
    maps(new QueryLimitException("more than 10000 rows"), 400, "more than 10000 rows");
    maps(
        new RuntimeException("wrapped", new QueryLimitException("a string past 1000000 bytes")),
        400,
        "a string past 1000000 bytes");
    maps(
        new org.apache.jena.query.QueryExecException(
            "SERVICE", new ServiceRefusedException("SERVICE <http://x/> refused")),
        403,
        "SERVICE <http://x/> refused");
    maps(
        new RuntimeException(
            new ServiceFailedException(
                "SERVICE <https://query.wikidata.org/sparql> failed", new QueryExceptionHTTP(500))),
        502,
        "SERVICE <https://query.wikidata.org/sparql> failed");
  }

  @Test
  void aTimeoutIsUnavailableWithFusekisMessage() {
    maps(new QueryCancelledException(), 503, HttpError.TIMED_OUT);
    maps(new RuntimeException("wrapped", new QueryCancelledException()), 503, HttpError.TIMED_OUT);
  }

  @Test
  void theFirstStatusInTheChainWins() {
    maps(new RuntimeException(new HttpError(406, "none acceptable")), 406, "none acceptable");
    maps(
        new RuntimeException(new NotFoundException("No named query 'nope'.")),
        404,
        "No named query 'nope'.");
  }

  @Test
  void badRequestsAndMissingThings() {
    maps(new QueryParseException("Encountered \"}\"", 3, 7), 400, "Encountered \"}\"");
    maps(
        new ConfigurationException("parameter 'year' is not an integer"),
        400,
        "parameter 'year' is not an integer");
    maps(new NotFoundException("No named query 'nope'."), 404, "No named query 'nope'.");
  }

  @Test
  void anythingElseIsTheServersOwnFailure() {
    assertTrue(HttpError.of(new IllegalStateException("/var/kb/store: closed")).isEmpty());
    assertTrue(HttpError.of(new RuntimeException(new java.io.IOException("disk"))).isEmpty());
  }
}
