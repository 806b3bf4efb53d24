package org.w3id.grandbargain.kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.query.DatasetKnowledge;
import org.w3id.grandbargain.kb.query.NamedQuery;
import org.w3id.grandbargain.kb.query.QueryCatalog;
import org.w3id.grandbargain.kb.query.ResultFormat;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code query}: a named query with parameters, or ad-hoc SPARQL, against the current release. */
@Command(
    name = "query",
    description = "Run a named query from queries/ (or ad-hoc SPARQL) against the current release.")
final class QueryCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin ServiceOptions policy;
  @Spec CommandSpec spec;

  static final class Source {
    @Parameters(
        index = "0",
        paramLabel = "NAME",
        description = "A named query (file name in queries/ without .rq).")
    String name;

    @Option(names = "--sparql", paramLabel = "QUERY", description = "An ad-hoc SELECT query.")
    String sparql;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "An ad-hoc SELECT query in a file.")
    Path file;

    @Option(names = "--list", description = "List the named queries and their parameters.")
    boolean list;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "NAME=VALUE",
      description = "A parameter of the named query; repeat for several.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).",
      converter = ResultFormatConverter.class)
  ResultFormat format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (source.list) {
      QueryCatalog catalog = QueryCatalog.read(project.layout().queries());
      for (NamedQuery q : catalog.all().values()) {
        out.println(q.name() + ": " + q.summary());
        q.parameters()
            .forEach(
                p ->
                    out.println(
                        "    --param "
                            + p.name()
                            + "=<"
                            + p.type().name().toLowerCase(java.util.Locale.ROOT)
                            + ">"
                            + (p.required() ? "" : " (optional)")
                            + "  "
                            + p.description()));
      }
      out.flush();
      return 0;
    }
    Query query;
    var binding = BindingFactory.empty();
    if (source.name != null) {
      NamedQuery named = QueryCatalog.read(project.layout().queries()).get(source.name);
      query = named.query();
      binding = named.bind(params);
    } else {
      if (!params.isEmpty()) {
        throw new ConfigurationException("--param applies to named queries only");
      }
      String text =
          source.sparql != null
              ? source.sparql
              : Files.readString(source.file, StandardCharsets.UTF_8);
      try {
        query = QueryFactory.create(policy.policy().checkLength(text));
      } catch (QueryParseException e) {
        throw new ConfigurationException("malformed query: " + e.getMessage(), e);
      }
    }
    try (KnowledgeBase kb = KnowledgeBase.openCurrent(project.store())) {
      if (kb.fromDumps()) {
        spec.commandLine()
            .getErr()
            .println(
                "query: another process (a server) has the TDB2 store of release "
                    + kb.release().id()
                    + " open; answering from its dumps");
      }
      ResultSetRewindable rows = new DatasetKnowledge(kb, policy.policy()).select(query, binding);
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
      format.write(buffer, rows, query);
      out.print(buffer.toString(StandardCharsets.UTF_8));
      out.flush();
    }
    return 0;
  }

  /** Reads the {@code --format} value case-insensitively. */
  static final class ResultFormatConverter
      implements picocli.CommandLine.ITypeConverter<ResultFormat> {
    @Override
    public ResultFormat convert(String value) {
      try {
        return ResultFormat.valueOf(value.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown format '" + value + "'; use table, csv or json");
      }
    }
  }
}
