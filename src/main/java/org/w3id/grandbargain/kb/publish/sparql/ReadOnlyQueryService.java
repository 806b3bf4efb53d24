package org.w3id.grandbargain.kb.publish.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.query.Knowledge;
import org.w3id.grandbargain.kb.query.QueryLimitException;
import org.w3id.grandbargain.kb.query.QueryPolicy;
import org.w3id.grandbargain.kb.query.ServiceCalls;

/**
 * The public SPARQL query operation: Fuseki's, made safe for a public server.
 *
 * <ul>
 *   <li>a GET without a query answers the SPARQL 1.1 Service Description (or, to a browser, a page
 *       with a query editor); a browser's GET of a query without a format (a link to it) gets that
 *       page with the query in the editor;
 *   <li>SERVICE reaches only the allowlisted endpoints of the server's {@link
 *       org.w3id.grandbargain.kb.query.QueryPolicy}, checked where Jena dispatches every call; a
 *       refused call is a 403 and a failed one (error, timeout, redirect, too many rows) a 502,
 *       each with its reason;
 *   <li>a {@code timeout} parameter that does not parse is refused with 400 rather than ignored,
 *       and so are {@code stylesheet} and {@code callback}, which Fuseki would write into the
 *       answer as given; the server's timeout bounds whatever a request asks for;
 *   <li>answers are computed in full before a byte is sent, so a timeout is a clean 503 and never a
 *       truncated 200, and they are bounded: an answer of more than {@link QueryPolicy#maxRows()}
 *       rows (or triples) is refused with a 400 that says how to page, never sent cut short as if
 *       it were whole.
 * </ul>
 */
public final class ReadOnlyQueryService extends SPARQL_QueryDataset {
  private final ServiceDescription description;
  private final Knowledge knowledge;
  private final int maxRows;
  private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyQueryService.class);
  private final QueryPolicy policy;

  ReadOnlyQueryService(ServiceDescription description, Knowledge knowledge) {
    this.description = description;
    this.knowledge = knowledge;
    this.policy = knowledge.policy();
    this.maxRows = policy.maxRows();
  }

  @Override
  public void execGet(HttpAction action) {
    String query = action.getRequestParameter("query");
    if (query == null || ServiceDescription.wantsPage(action.getRequest())) {
      try {
        description.respond(action.getRequest(), action.getResponse(), query);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    super.execGet(action);
  }

  @Override
  public void validate(HttpAction action) {
    super.validate(action);
    // Fuseki writes these into the answer as given: a stylesheet into the XML results, a
    // callback around the JSON; refused, so that no request text is reflected into a response
    for (String reflected : List.of("stylesheet", "callback")) {
      if (action.getRequestParameter(reflected) != null) {
        ServletOps.errorBadRequest(
            "the parameter '" + reflected + "' is not supported by this endpoint");
      }
    }
    String timeout = action.getRequestParameter("timeout");
    if (timeout != null && Timeouts.parseTimeoutStr(timeout, TimeUnit.SECONDS) == null) {
      ServletOps.errorBadRequest(
          "timeout '" + timeout + "' is not a number of seconds (or 'initial,overall')");
    }
  }

  @Override
  protected void execute(String queryString, HttpAction action) {
    // before Fuseki parses it: parsing and planning grow faster than the text, outside the timeout
    try {
      policy.checkLength(queryString);
    } catch (QueryLimitException e) {
      ServletOps.errorBadRequest(e.getMessage());
    }
    super.execute(queryString, action);
  }

  /** The execution is the seam's, under its policy; a request's timeout may only lower it. */
  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    return knowledge.execution(query, dataset, action.getContext(), requestedTimeout(action));
  }

  private static Duration requestedTimeout(HttpAction action) {
    String timeout = action.getRequestParameter("timeout");
    if (timeout == null) {
      return null;
    }
    var pair = Timeouts.parseTimeoutStr(timeout, TimeUnit.SECONDS);
    long millis = pair.getRight() >= 0 ? pair.getRight() : pair.getLeft();
    return millis > 0 ? Duration.ofMillis(millis) : null;
  }

  @Override
  protected QueryExecResult executeQuery(
      HttpAction action, QueryExec exec, Query query, String queryStringLog) {
    ServiceCalls problems = ServiceCalls.attach(exec.getContext());
    try {
      QueryExecResult result;
      try {
        result = answer(action, exec, query, queryStringLog);
      } catch (RuntimeException e) {
        problems.raise(); // a refused call cancels the query: report the refusal, not the cancel
        throw e;
      }
      problems.raise();
      return result;
    } catch (ActionErrorException e) {
      throw e; // a status already
    } catch (RuntimeException e) {
      HttpError error =
          HttpError.of(e)
              .orElseGet(
                  () -> {
                    LOG.error("Failed to answer a query", e);
                    return new HttpError(500, SiteServlet.FAILED);
                  });
      throw new ActionErrorException(error.status, error.getMessage(), null);
    }
  }

  private QueryExecResult answer(
      HttpAction action, QueryExec exec, Query query, String queryStringLog) {
    if (query.isSelectType()) {
      RowSet rows = exec.select();
      java.util.List<org.apache.jena.sparql.engine.binding.Binding> copy =
          new java.util.ArrayList<>();
      while (rows.hasNext()) {
        if (copy.size() == maxRows) {
          throw tooMany("rows");
        }
        copy.add(rows.next());
      }
      return new QueryExecResult(
          RowSetMem.create(RowSetStream.create(rows.getResultVars(), copy.iterator())));
    }
    if (query.isConstructType()) {
      DatasetGraph bounded = DatasetGraphFactory.create();
      copyBounded(exec.constructDataset().find(), bounded::add);
      return new QueryExecResult(bounded);
    }
    if (query.isDescribeType()) {
      Graph bounded = GraphFactory.createDefaultGraph();
      copyBounded(exec.describe().find(), bounded::add);
      return new QueryExecResult(bounded);
    }
    return super.executeQuery(action, exec, query, queryStringLog);
  }

  /** Copies at most {@code maxRows} items; refuses the answer when there are more. */
  private <T> void copyBounded(Iterator<T> items, java.util.function.Consumer<T> into) {
    int n = 0;
    while (items.hasNext()) {
      if (n == maxRows) {
        throw tooMany("triples");
      }
      into.accept(items.next());
      n++;
    }
  }

  private QueryLimitException tooMany(String what) {
    return policy.tooMany(what);
  }
}
