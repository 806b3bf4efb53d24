package org.w3id.grandbargain.kb.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.NotFoundException;
import org.w3id.grandbargain.kb.QueryFile;

/**
 * The named queries of a folder: one {@code .rq} file per question, each with a header in the style
 * of grlc query repositories:
 *
 * <pre>
 * #+ summary: Every claim attributed to a person, with its source and place in the text
 * #+ description: ...
 * #+ param: speaker iri required The person whose claims to list
 * </pre>
 *
 * Every file must parse, have a summary, and use each declared parameter as a variable.
 */
public final class QueryCatalog {
  private static final Pattern PARAM =
      Pattern.compile("(\\w+)\\s+(iri|string|date|integer)\\s+(required|optional)\\s+(.+)");

  private final Map<String, NamedQuery> queries;

  private QueryCatalog(Map<String, NamedQuery> queries) {
    this.queries = Collections.unmodifiableMap(queries);
  }

  /** Reads every {@code .rq} file of a folder. */
  public static QueryCatalog read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new ConfigurationException("queries folder not found: " + folder);
    }
    Map<String, NamedQuery> queries = new TreeMap<>();
    for (QueryFile file : QueryFile.readAll(folder)) {
      NamedQuery q = parse(file);
      queries.put(q.name(), q);
    }
    return new QueryCatalog(queries);
  }

  /** Parses one query file. */
  public static NamedQuery parse(Path file) {
    return parse(QueryFile.read(file));
  }

  private static NamedQuery parse(QueryFile f) {
    f.allowOnly(List.of("summary", "description", "param", "endpoint"));
    String summary = f.required("summary");
    List<QueryParameter> params = new ArrayList<>();
    for (String value : f.all("param")) {
      Matcher p = PARAM.matcher(value);
      if (!p.matches()) {
        throw new ConfigurationException(
            f.file()
                + ": malformed parameter '"
                + value
                + "': write '<name> <iri|string|date|integer> <required|optional> <description>'");
      }
      params.add(
          new QueryParameter(
              p.group(1),
              QueryParameter.Type.valueOf(p.group(2).toUpperCase(java.util.Locale.ROOT)),
              p.group(3).equals("required"),
              p.group(4)));
    }
    List<String> endpoints = new ArrayList<>();
    for (String value : f.all("endpoint")) {
      endpoints.add(ServiceEndpoint.parse(f.file() + ": endpoint", value).toString());
    }
    Collection<Var> mentioned = allVars(f.query());
    for (QueryParameter p : params) {
      if (!mentioned.contains(Var.alloc(p.name()))) {
        throw new ConfigurationException(
            f.file() + ": parameter '" + p.name() + "' is not a variable of the query");
      }
      if (p.example().isPresent()) {
        try {
          p.parse(p.example().get());
        } catch (ConfigurationException e) {
          throw new ConfigurationException(
              f.file() + ": the example of parameter '" + p.name() + "': " + e.getMessage());
        }
      }
    }
    String description = f.joined("description");
    return new NamedQuery(
        f.name(),
        summary,
        description == null ? "" : description,
        params,
        endpoints,
        f.text(),
        f.query());
  }

  private static Collection<Var> allVars(Query query) {
    return org.apache.jena.sparql.algebra.OpVars.mentionedVars(
        org.apache.jena.sparql.algebra.Algebra.compile(query));
  }

  /** The queries, by name, sorted. */
  public Map<String, NamedQuery> all() {
    return queries;
  }

  /** A query by name. */
  public NamedQuery get(String name) {
    NamedQuery q = queries.get(name);
    if (q == null) {
      throw new NotFoundException(
          "no named query '" + name + "'; known: " + String.join(", ", queries.keySet()));
    }
    return q;
  }
}
