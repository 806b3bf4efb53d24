package org.w3id.grandbargain.kb.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.QueryFile;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;

/**
 * The cross-checks of {@code queries/checks/}: SPARQL queries that compare what an article states
 * with itself and with the external snapshots, run on the loaded data. Each answer is a finding,
 * written as a W3C Data Quality Vocabulary annotation in the editors' findings graph: a {@code
 * dqv:QualityAnnotation} whose target is the resource (and the claim) concerned, whose body is the
 * finding in words, found by the check ({@code gb:foundBy}) and comparing with the external fact or
 * the other event ({@code gb:comparedWith}). Nothing of the source is changed.
 *
 * <p>A check selects {@code ?target ?claim ?finding ?comparedWith}, with a {@code #+ summary:}
 * header (its name for people) and {@code #+ description:} lines (what it compares).
 *
 * <pre>{@code
 * List<CrossChecks.Check> checks = CrossChecks.read(layout.checks());
 * int findings = CrossChecks.run(checks, dataset);   // adds the findings graph
 * }</pre>
 */
public final class CrossChecks {
  /** The editorial graph of the findings. */
  public static final Node GRAPH = NodeFactory.createURI(GB.GRAPH + "findings");

  public static final String DQV = "http://www.w3.org/ns/dqv#";
  public static final String OA = "http://www.w3.org/ns/oa#";
  private static final Node QUALITY_ANNOTATION = NodeFactory.createURI(DQV + "QualityAnnotation");
  private static final Node QUALITY_ASSESSMENT = NodeFactory.createURI(DQV + "qualityAssessment");
  private static final Node HAS_TARGET = NodeFactory.createURI(OA + "hasTarget");
  private static final Node HAS_BODY = NodeFactory.createURI(OA + "hasBody");
  private static final Node MOTIVATED_BY = NodeFactory.createURI(OA + "motivatedBy");
  private static final Node TEXTUAL_BODY = NodeFactory.createURI(OA + "TextualBody");
  private static final Node EDITORS = NodeFactory.createURI(GB.ID + "editors");
  private static final List<String> COLUMNS = List.of("target", "claim", "finding", "comparedWith");

  /** The longest one check may run. */
  private static final java.time.Duration CHECK_TIMEOUT = java.time.Duration.ofSeconds(60);

  private CrossChecks() {}

  /**
   * One check: its file name, what it is called, what it compares, and its query.
   *
   * @param name the file name without {@code .rq}
   * @param summary what the check finds, in one line
   * @param description what it compares, and how
   * @param text the query as written
   * @param query the parsed query
   */
  public record Check(String name, String summary, String description, String text, Query query) {
    /** The check's IRI. */
    public Node iri() {
      return NodeFactory.createURI(GB.ID + "check/" + name);
    }
  }

  /**
   * Reads every check of a folder (none if there is no such folder).
   *
   * @throws ConfigurationException naming the file that does not parse, lacks its summary or does
   *     not select the four columns
   */
  public static List<Check> read(Path folder) {
    List<Check> checks = new ArrayList<>();
    for (QueryFile f : QueryFile.readAll(folder)) {
      f.allowOnly(List.of("summary", "description"));
      Query query = f.query();
      if (!query.isSelectType() || !query.getResultVars().equals(COLUMNS)) {
        throw new ConfigurationException(
            f.file() + ": a check selects ?target ?claim ?finding ?comparedWith, in that order");
      }
      String description = f.joined("description");
      checks.add(
          new Check(
              f.name(),
              f.required("summary"),
              description == null ? "" : description,
              f.text(),
              query));
    }
    return List.copyOf(checks);
  }

  /**
   * Runs the checks on the data, each over the union of its graphs, and writes their findings, with
   * the checks' own description, into {@link #GRAPH}.
   *
   * @return how many findings there are
   */
  public static int run(List<Check> checks, DatasetGraph data) {
    DatasetGraph view = DatasetGraphFactory.create(unionOf(data));
    data.listGraphNodes().forEachRemaining(g -> view.addGraph(g, data.getGraph(g)));
    Dataset over = DatasetFactory.wrap(view);
    List<Finding> found = new ArrayList<>();
    for (Check check : checks) {
      // a check runs offline, on the snapshots: no SERVICE call goes anywhere
      ServiceExecutorRegistry offline = new ServiceExecutorRegistry();
      offline.addSingleLink(
          (opExecute, opOriginal, binding, execCxt, chain) -> {
            throw new ConfigurationException(
                check.name()
                    + ": a check runs offline, on the snapshots; SERVICE "
                    + opOriginal.getService()
                    + " is not called");
          });
      try (QueryExecution qe =
          QueryExecution.dataset(over)
              .query(check.query())
              .set(ARQConstants.registryServiceExecutors, offline)
              .set(ARQ.httpServiceAllowed, false)
              .timeout(CHECK_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
              .build()) {
        qe.execSelect().forEachRemaining(row -> found.add(Finding.of(check, row)));
      }
    }
    describeGraph(data);
    for (Check check : checks) {
      Node c = check.iri();
      data.add(GRAPH, c, RDF.type.asNode(), GB.Check.asNode());
      data.add(GRAPH, c, GB.label.asNode(), NodeFactory.createLiteralLang(check.summary(), "en"));
      data.add(
          GRAPH,
          c,
          DCTerms.description.asNode(),
          NodeFactory.createLiteralLang(check.description(), "en"));
      data.add(GRAPH, c, GB.query.asNode(), NodeFactory.createLiteralString(check.text()));
    }
    found.forEach(f -> f.write(data));
    return found.size();
  }

  /**
   * The union of a dataset's named graphs, as one graph of its own: the same triples as {@link
   * DatasetGraph#getUnionGraph()}, but found through one graph's indexes, where the union view asks
   * every named graph for each pattern (one graph per claim makes that quadratic in the corpus).
   */
  public static Graph unionOf(DatasetGraph data) {
    Graph union = GraphFactory.createGraphMem();
    data.listGraphNodes()
        .forEachRemaining(g -> data.getGraph(g).find().forEachRemaining(union::add));
    return union;
  }

  private static void describeGraph(DatasetGraph data) {
    data.add(GRAPH, GRAPH, RDF.type.asNode(), GB.EditorialGraph.asNode());
    data.add(
        GRAPH,
        GRAPH,
        GB.label.asNode(),
        NodeFactory.createLiteralLang("Editorial graph of the cross-checks' findings", "en"));
    data.add(
        GRAPH,
        GRAPH,
        DCTerms.description.asNode(),
        NodeFactory.createLiteralLang(
            "The checks that compare what the articles state with themselves and with the"
                + " external snapshots, and each of their findings: a data quality annotation"
                + " on the claim or resource concerned, in the editors' voice. The sources stay"
                + " as they are.",
            "en"));
    data.add(GRAPH, GRAPH, PROV.wasAttributedTo.asNode(), EDITORS);
  }

  /** One answer of a check. */
  private record Finding(Check check, Node target, Node claim, String text, Node comparedWith) {
    static Finding of(Check check, QuerySolution row) {
      return new Finding(
          check,
          node(row.get("target")),
          node(row.get("claim")),
          row.getLiteral("finding").getLexicalForm(),
          node(row.get("comparedWith")));
    }

    private static Node node(RDFNode n) {
      return n == null ? null : n.asNode();
    }

    void write(DatasetGraph data) {
      String key = check.name() + "|" + target + "|" + claim + "|" + comparedWith + "|" + text;
      Node a =
          NodeFactory.createURI(
              GB.ID + "finding/" + check.name() + "-" + Digests.sha256Hex(key).substring(0, 12));
      Node body = NodeFactory.createURI(a.getURI() + "/body");
      data.add(GRAPH, a, RDF.type.asNode(), QUALITY_ANNOTATION);
      data.add(GRAPH, a, MOTIVATED_BY, QUALITY_ASSESSMENT);
      data.add(
          GRAPH,
          a,
          GB.label.asNode(),
          NodeFactory.createLiteralLang("Finding: " + check.summary(), "en"));
      if (target != null) {
        data.add(GRAPH, a, HAS_TARGET, target);
      }
      if (claim != null && !claim.equals(target)) {
        data.add(GRAPH, a, HAS_TARGET, claim);
      }
      data.add(GRAPH, a, HAS_BODY, body);
      data.add(GRAPH, body, RDF.type.asNode(), TEXTUAL_BODY);
      data.add(
          GRAPH,
          body,
          GB.label.asNode(),
          NodeFactory.createLiteralLang("The words of the finding: " + check.summary(), "en"));
      data.add(GRAPH, body, RDF.value.asNode(), NodeFactory.createLiteralLang(text, "en"));
      data.add(GRAPH, body, DCTerms.format.asNode(), NodeFactory.createLiteralString("text/plain"));
      data.add(GRAPH, a, GB.foundBy.asNode(), check.iri());
      if (comparedWith != null) {
        data.add(GRAPH, a, GB.comparedWith.asNode(), comparedWith);
      }
      data.add(GRAPH, a, PROV.wasAttributedTo.asNode(), EDITORS);
    }
  }
}
