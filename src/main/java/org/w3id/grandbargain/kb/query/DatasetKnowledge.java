package org.w3id.grandbargain.kb.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.SearchIndex;

/**
 * The {@link Knowledge} of a dataset in this process: the release's TDB2 store, or a dataset in
 * memory (the command line's dumps, tests). Each query runs in a read transaction of its own.
 */
public final class DatasetKnowledge implements Knowledge {
  private static final Query ANY = QueryFactory.create("ASK { ?s ?p ?o }");

  private final Dataset dataset;
  private final QueryPolicy policy;
  private final Supplier<SearchIndex> search;

  /** Whether the search index is at hand (a release's), rather than built when first used. */
  private final boolean indexed;

  /** The knowledge of a dataset under the default policy without SERVICE. */
  public DatasetKnowledge(Dataset dataset) {
    this(dataset, QueryPolicy.offline());
  }

  /**
   * The knowledge of a dataset whose queries follow {@code policy}; its search index is built in
   * memory when first used.
   */
  public DatasetKnowledge(Dataset dataset, QueryPolicy policy) {
    this(dataset, memoized(() -> SearchIndex.of(dataset.asDatasetGraph())), false, policy);
  }

  /** The knowledge of an open release, with the release's own search index. */
  public DatasetKnowledge(KnowledgeBase kb, QueryPolicy policy) {
    this(kb.dataset(), kb::search, true, policy);
  }

  private DatasetKnowledge(
      Dataset dataset, Supplier<SearchIndex> search, boolean indexed, QueryPolicy policy) {
    this.dataset = dataset;
    this.search = search;
    this.indexed = indexed;
    this.policy = policy;
  }

  private static Supplier<SearchIndex> memoized(Supplier<SearchIndex> build) {
    SearchIndex[] built = new SearchIndex[1];
    return () -> {
      synchronized (built) {
        if (built[0] == null) {
          built[0] = build.get();
        }
        return built[0];
      }
    };
  }

  @Override
  public QueryPolicy policy() {
    return policy;
  }

  @Override
  public Knowledge withPolicy(QueryPolicy policy) {
    return new DatasetKnowledge(dataset, search, indexed, policy);
  }

  /** Runs a SELECT named query with its arguments bound, and returns its rows, fully read. */
  public ResultSetRewindable select(NamedQuery query, Map<String, String> arguments) {
    return select(query.query(), query.bind(arguments));
  }

  @Override
  public void select(Query query, Binding binding, Consumer<QuerySolution> row) {
    requireSelect(query);
    run(
        query,
        binding,
        qe -> {
          qe.execSelect().forEachRemaining(row);
          return null;
        });
  }

  @Override
  public ResultSetRewindable select(Query query, Binding binding) {
    requireSelect(query);
    return run(query, binding, qe -> bounded(qe.execSelect()));
  }

  @Override
  public Model construct(Query query, Binding binding) {
    if (!query.isConstructType() && !query.isDescribeType()) {
      throw new ConfigurationException("only CONSTRUCT and DESCRIBE queries return triples");
    }
    return run(
        query,
        binding,
        qe -> {
          Iterator<org.apache.jena.graph.Triple> triples =
              query.isConstructType() ? qe.execConstructTriples() : qe.execDescribeTriples();
          Model model = ModelFactory.createDefaultModel();
          model.setNsPrefixes(query.getPrefixMapping());
          int n = 0;
          while (triples.hasNext()) {
            if (n++ == policy.maxRows()) {
              throw policy.tooMany("triples");
            }
            Statement s = model.asStatement(triples.next());
            model.add(s);
          }
          return model;
        });
  }

  @Override
  public boolean ask(Query query, Binding binding) {
    if (!query.isAskType()) {
      throw new ConfigurationException("only ASK queries answer true or false");
    }
    return run(query, binding, QueryExecution::execAsk);
  }

  @Override
  public DatasetGraph served() {
    return dataset.asDatasetGraph();
  }

  @Override
  public QueryExec execution(
      Query query, DatasetGraph chosen, Context request, Duration requested) {
    Context context = request == null ? new Context() : request.copy();
    // ARQ takes the time limit of the context over the builder's: both are the lower one
    Duration timeout = timeout(requested);
    policy.withTimeout(timeout).install(context);
    installSearch(context, query);
    ServiceCalls.attach(context);
    long millis = timeout.toMillis();
    return QueryExec.newBuilder()
        .dataset(chosen)
        .query(query)
        .context(context)
        .timeout(millis, TimeUnit.MILLISECONDS)
        .build();
  }

  @Override
  public List<SearchHit> search(String text, int limit) {
    return NameSearch.search(search.get(), text, limit);
  }

  @Override
  public boolean ready() {
    try {
      run(ANY, null, QueryExecution::execAsk);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Duration timeout(Duration requested) {
    return requested != null && requested.compareTo(policy.timeout()) < 0
        ? requested
        : policy.timeout();
  }

  /**
   * Gives a query jena-text's {@code text:query} over the search index: always when the index is at
   * hand, and when the query names jena-text's namespace when the index would have to be built.
   */
  private void installSearch(Context context, Query query) {
    if (indexed || query.toString().contains(TextQuery.NS)) {
      context.set(TextQuery.textIndex, search.get().text());
    }
  }

  private static void requireSelect(Query query) {
    if (!query.isSelectType()) {
      throw new ConfigurationException("only SELECT queries return rows");
    }
  }

  private ResultSetRewindable bounded(ResultSet rows) {
    List<Binding> copy = new ArrayList<>();
    while (rows.hasNext()) {
      if (copy.size() == policy.maxRows()) {
        throw policy.tooMany("rows");
      }
      copy.add(rows.nextBinding());
    }
    return ResultSetFactory.makeRewindable(
        ResultSet.adapt(RowSetStream.create(Var.varList(rows.getResultVars()), copy.iterator())));
  }

  private QueryExecution execution(Query query, Binding binding) {
    // the dataset's own settings (its union default graph) with the policy's on top
    Context context = dataset.getContext().copy();
    policy.install(context);
    installSearch(context, query);
    ServiceCalls.attach(context);
    var builder =
        QueryExecution.dataset(dataset)
            .query(query)
            .context(context)
            .timeout(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (binding != null) {
      builder.substitution(binding);
    }
    return builder.build();
  }

  private static void raiseServiceProblems(QueryExecution qe) {
    ServiceCalls.of(qe.getContext()).ifPresent(ServiceCalls::raise);
  }

  /**
   * Runs a query in a read transaction and returns what {@code answer} reads of it, fully; a
   * SERVICE refusal or failure of the execution is raised in place of the answer or of the error it
   * caused (a cancelled execution, an empty FILTER).
   */
  private <T> T run(Query query, Binding binding, Function<QueryExecution, T> answer) {
    return Txn.calculateRead(
        dataset,
        () -> {
          try (QueryExecution qe = execution(query, binding)) {
            T result;
            try {
              result = answer.apply(qe);
            } catch (RuntimeException e) {
              raiseServiceProblems(qe);
              throw e;
            }
            raiseServiceProblems(qe);
            return result;
          }
        });
  }
}
