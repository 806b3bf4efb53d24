package org.w3id.grandbargain.kb.query;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.system.Txn;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * Runs named queries with their parameters bound by syntactic substitution (Jena's {@code
 * substitution}), never by building query text.
 *
 * <pre>{@code
 * ResultSetRewindable rows = new QueryRunner(kb.dataset())
 *     .select(catalog.get("claims-by-speaker"), Map.of("speaker", wilkersonIri));
 * }</pre>
 */
public final class QueryRunner {
  private final Dataset dataset;
  private final QueryPolicy policy;

  /** A runner under the default policy without SERVICE ({@link QueryPolicy#offline()}). */
  public QueryRunner(Dataset dataset) {
    this(dataset, QueryPolicy.offline());
  }

  /** A runner whose queries follow {@code policy}: its timeout and its SERVICE allowlist. */
  public QueryRunner(Dataset dataset, QueryPolicy policy) {
    this.dataset = dataset;
    this.policy = policy;
  }

  private QueryExecution execution(Query query, Binding binding) {
    // the dataset's own settings (its union default graph) with the policy's on top
    Context context = dataset.getContext().copy();
    policy.install(context);
    ServiceCalls.attach(context);
    return QueryExecution.dataset(dataset)
        .query(query)
        .substitution(binding)
        .context(context)
        .timeout(policy.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        .build();
  }

  private static void raiseServiceProblems(QueryExecution qe) {
    ServiceCalls.of(qe.getContext()).ifPresent(ServiceCalls::raise);
  }

  /** Checks and parses the arguments of a named query into a binding. */
  public static Binding bind(NamedQuery query, Map<String, String> arguments) {
    for (String given : arguments.keySet()) {
      if (query.parameter(given).isEmpty()) {
        throw new ConfigurationException(
            "query '" + query.name() + "' has no parameter '" + given + "'");
      }
    }
    Map<Var, Node> values = new LinkedHashMap<>();
    for (QueryParameter p : query.parameters()) {
      String value = arguments.get(p.name());
      if (value == null) {
        if (p.required()) {
          throw new ConfigurationException(
              "query '"
                  + query.name()
                  + "' needs the parameter '"
                  + p.name()
                  + "': "
                  + p.description());
        }
        continue;
      }
      values.put(Var.alloc(p.name()), p.parse(value));
    }
    var builder = BindingFactory.builder();
    values.forEach(builder::add);
    return builder.build();
  }

  /** Runs a SELECT named query and returns its rows, fully read. */
  public ResultSetRewindable select(NamedQuery query, Map<String, String> arguments) {
    return select(query.query(), bind(query, arguments));
  }

  /** Runs a SELECT query with a binding substituted, and returns its rows, fully read. */
  public ResultSetRewindable select(Query query, Binding binding) {
    if (!query.isSelectType()) {
      throw new ConfigurationException("only SELECT queries return rows");
    }
    return run(query, binding, qe -> ResultSetFactory.copyResults(qe.execSelect()));
  }

  /** Runs a CONSTRUCT query with a binding substituted, and returns its triples. */
  public org.apache.jena.rdf.model.Model construct(Query query, Binding binding) {
    return run(query, binding, QueryExecution::execConstruct);
  }

  /** Runs an ASK query with a binding substituted. */
  public boolean ask(Query query, Binding binding) {
    return run(query, binding, QueryExecution::execAsk);
  }

  /**
   * Runs a query in a read transaction and returns what {@code answer} reads of it, fully; a
   * SERVICE refusal or failure of the execution is raised in place of the answer or of the error it
   * caused (a cancelled execution, an empty FILTER).
   */
  private <T> T run(
      Query query, Binding binding, java.util.function.Function<QueryExecution, T> answer) {
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
