package org.w3id.grandbargain.kb.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.query.Query;

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
}
