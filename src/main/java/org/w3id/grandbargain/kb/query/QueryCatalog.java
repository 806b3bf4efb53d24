package org.w3id.grandbargain.kb.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.NotFoundException;

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
  private static final Pattern HEADER = Pattern.compile("^#\\+\\s*(\\w+)\\s*:\\s*(.*)$");
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
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
        NamedQuery q = parse(file);
        queries.put(q.name(), q);
      }
    } catch (IOException e) {
      throw new ConfigurationException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    return new QueryCatalog(queries);
  }

  /** Parses one query file. */
  public static NamedQuery parse(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String summary = null;
    StringBuilder description = new StringBuilder();
    List<QueryParameter> params = new ArrayList<>();
    List<String> endpoints = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = HEADER.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1);
      String value = m.group(2).strip();
      switch (key) {
        case "summary" -> summary = value;
        case "description" -> {
          if (description.length() > 0) {
            description.append(' ');
          }
          description.append(value);
        }
        case "param" -> {
          Matcher p = PARAM.matcher(value);
          if (!p.matches()) {
            throw new ConfigurationException(
                file
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
        case "endpoint" ->
            endpoints.add(ServiceEndpoint.parse(file + ": endpoint", value).toString());
        default -> throw new ConfigurationException(file + ": unknown header '#+ " + key + ":'");
      }
    }
    if (summary == null || summary.isBlank()) {
      throw new ConfigurationException(file + ": missing '#+ summary:' header");
    }
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new ConfigurationException(file + ": " + e.getMessage(), e);
    }
    Collection<Var> mentioned = allVars(query);
    for (QueryParameter p : params) {
      if (!mentioned.contains(Var.alloc(p.name()))) {
        throw new ConfigurationException(
            file + ": parameter '" + p.name() + "' is not a variable of the query");
      }
    }
    return new NamedQuery(name, summary, description.toString(), params, endpoints, text, query);
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
