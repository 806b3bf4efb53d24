package org.w3id.grandbargain.kb.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.ValidationException;

/**
 * Validates a graph against the project's SHACL shapes with Jena SHACL. The ontology is added to
 * the data graph, so that class constraints see its subclass axioms; the knowledge base is never
 * published unless {@link #requireConforms(Graph)} passes.
 *
 * <pre>{@code
 * ShapesValidator validator = ShapesValidator.read(shapesFile, ontologyGraph);
 * validator.requireConforms(dataset.getUnionGraph());
 * }</pre>
 */
public final class ShapesValidator {
  private final Shapes shapes;
  private final Graph ontology;

  private ShapesValidator(Shapes shapes, Graph ontology) {
    this.shapes = shapes;
    this.ontology = ontology;
  }

  /** Reads the shapes file; a syntax error or an ill-formed shape is a configuration error. */
  public static ShapesValidator read(Path shapesFile, Graph ontology) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFDataMgr.read(graph, shapesFile.toString());
      return new ShapesValidator(Shapes.parse(graph), ontology);
    } catch (RiotException | org.apache.jena.shacl.parser.ShaclParseException e) {
      throw new ConfigurationException("shapes " + shapesFile + ": " + e.getMessage(), e);
    }
  }

  /** Validates the data, with the ontology added, and returns Jena's report. */
  public ValidationReport validate(Graph data) {
    Graph combined = GraphFactory.createDefaultGraph();
    data.find().forEachRemaining(combined::add);
    ontology.find().forEachRemaining(combined::add);
    return ShaclValidator.get().validate(shapes, combined);
  }

  /**
   * Validates the data and fails with a {@link ValidationException} listing every violation when it
   * does not conform.
   */
  public void requireConforms(Graph data) {
    ValidationReport report = validate(data);
    if (!report.conforms()) {
      throw new ValidationException(describe(report));
    }
  }

  /** One readable line per report entry, sorted: focus node, path, shape, message. */
  public static List<String> describe(ValidationReport report) {
    List<String> lines = new ArrayList<>();
    report.getEntries().stream()
        .sorted(Comparator.comparing(ShapesValidator::line))
        .forEach(e -> lines.add(line(e)));
    return lines;
  }

  private static String line(ReportEntry e) {
    return str(e.focusNode())
        + (e.resultPath() == null ? "" : " " + e.resultPath())
        + " ["
        + str(e.source())
        + ", "
        + str(e.sourceConstraintComponent())
        + "]: "
        + e.message();
  }

  private static String str(Node n) {
    return n == null ? "-" : FmtUtils.stringForNode(n);
  }
}
