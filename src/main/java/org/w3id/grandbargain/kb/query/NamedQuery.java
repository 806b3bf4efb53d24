package org.w3id.grandbargain.kb.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * One query of the {@code queries/} folder: its name (the file name without {@code .rq}), the
 * question it answers, its parameters and the parsed query.
 *
 * @param name the file name without {@code .rq}
 * @param summary the question, in one line ({@code #+ summary:})
 * @param description more detail ({@code #+ description:}), possibly empty
 * @param parameters the declared parameters ({@code #+ param:})
 * @param endpoints the external SPARQL endpoints it calls ({@code #+ endpoint:}), empty for none
 * @param text the query text as written
 * @param query the parsed query
 */
public record NamedQuery(
    String name,
    String summary,
    String description,
    List<QueryParameter> parameters,
    List<String> endpoints,
    String text,
    Query query) {
  public NamedQuery {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(query, "query");
    parameters = List.copyOf(parameters);
    endpoints = List.copyOf(endpoints);
  }

  /** Whether the query calls external endpoints with SERVICE (its {@code #+ endpoint:} headers). */
  public boolean isFederated() {
    return !endpoints.isEmpty();
  }

  /** A declared parameter by name. */
  public Optional<QueryParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Checks and parses arguments for the query's parameters into a binding, for substitution.
   *
   * @throws ConfigurationException naming an argument the query has no parameter for, a required
   *     parameter without one, or a value its parameter does not accept
   */
  public Binding bind(Map<String, String> arguments) {
    for (String given : arguments.keySet()) {
      if (parameter(given).isEmpty()) {
        throw new ConfigurationException("query '" + name + "' has no parameter '" + given + "'");
      }
    }
    Map<Var, Node> values = new LinkedHashMap<>();
    for (QueryParameter p : parameters) {
      String value = arguments.get(p.name());
      if (value == null) {
        if (p.required()) {
          throw new ConfigurationException(
              "query '" + name + "' needs the parameter '" + p.name() + "': " + p.description());
        }
        continue;
      }
      values.put(Var.alloc(p.name()), p.parse(value));
    }
    var builder = BindingFactory.builder();
    values.forEach(builder::add);
    return builder.build();
  }
}
