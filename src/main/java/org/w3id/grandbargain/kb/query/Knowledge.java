package org.w3id.grandbargain.kb.query;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

/**
 * The one seam to the knowledge: the only code that opens transactions on it and runs queries over
 * it, for every path (the endpoint, the API, the pages, the command line). Everything above it
 * speaks SPARQL, so that the store behind it can be another (a remote SPARQL store) without a
 * change above.
 *
 * <p>Every query runs under one {@link QueryPolicy}: its guard ({@link QueryGuard}: query length,
 * {@code OFFSET}, string sizes, functions), its time limit, which covers evaluation and the
 * functions in it, and its SERVICE allowlist. A SERVICE refusal or failure is raised in place of
 * the error it caused (a cancelled execution, an empty FILTER). The answers a caller takes whole
 * ({@link #select(Query, Binding)}, {@link #construct(Query, Binding)}) hold at most {@link
 * QueryPolicy#maxRows()} rows or triples; past that they are refused with a {@link
 * QueryLimitException} that says how to page, never cut short.
 *
 * <pre>{@code
 * Knowledge knowledge = new DatasetKnowledge(kb.dataset(), QueryPolicy.offline());
 * ResultSetRewindable rows =
 *     knowledge.select(catalog.get("claims-by-speaker").query(), binding);
 * }</pre>
 */
public interface Knowledge {
  /** The policy every query of this seam runs under. */
  QueryPolicy policy();

  /** The same knowledge, its queries run under another policy. */
  Knowledge withPolicy(QueryPolicy policy);

  /**
   * Runs a SELECT query with a binding substituted and hands each row to {@code row} while it runs,
   * within one read. The rows are not bounded: the caller reads as many as it keeps.
   */
  void select(Query query, Binding binding, Consumer<QuerySolution> row);

  /** Runs a SELECT query with a binding substituted, and returns its rows, fully read. */
  ResultSetRewindable select(Query query, Binding binding);

  /** Runs a CONSTRUCT or DESCRIBE query with a binding substituted, and returns its triples. */
  Model construct(Query query, Binding binding);

  /** Runs an ASK query with a binding substituted. */
  boolean ask(Query query, Binding binding);

  /**
   * The dataset the SPARQL endpoint serves: Fuseki's query operation begins its read on it and
   * chooses from it the dataset of a request (the whole, or the graphs a request names); the query
   * itself is made by {@link #execution(Query, DatasetGraph, Context, Duration)}.
   */
  DatasetGraph served();

  /**
   * An execution, not yet run, of a query of the SPARQL endpoint over the dataset Fuseki chose
   * (from {@link #served()}), under the policy: with the request's context under it and at most the
   * policy's time limit.
   *
   * @param requested the time limit the request asks for, or null; it may lower the policy's, not
   *     raise it
   */
  QueryExec execution(Query query, DatasetGraph chosen, Context request, Duration requested);

  /**
   * Searches the names (labels, alternative names, names as the sources print them) and
   * descriptions of the resources a reader looks for, best first: exact names, then prefixes, then
   * names within one or two letters (see {@code NameSearch}). A search with no words finds nothing.
   * The same index answers jena-text's {@code text:query} in the queries of this seam.
   *
   * @param text what to look for, as a person types it: no character of it is query syntax
   * @param limit the most hits to return
   * @throws org.w3id.grandbargain.kb.ConfigurationException if the text is longer than 200
   *     characters
   */
  List<SearchHit> search(String text, int limit);

  /** Whether the knowledge can be read: a query of it succeeds. */
  boolean ready();
}
