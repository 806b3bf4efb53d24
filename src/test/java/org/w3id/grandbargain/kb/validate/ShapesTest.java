package org.w3id.grandbargain.kb.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * The shapes, constraint by constraint: a valid fixture conforms, and each invalid fixture, which
 * changes the valid one in one place, breaks exactly the constraint it names, on the node it names.
 * Every constraint of every shape has such a fixture.
 */
class ShapesTest {
  private static final Path FIXTURES = TestProject.resource("shapes");
  private static final String SH = "http://www.w3.org/ns/shacl#";
  private static final PrefixMapping PREFIXES =
      PrefixMapping.Factory.create()
          .setNsPrefix("ex", "https://w3id.org/grand-bargain/id/test/")
          .setNsPrefix("gbsh", GB.SHAPES)
          .setNsPrefix("sh", SH);

  /** Constraint parameters and the component each one belongs to. */
  private static final Map<String, String> COMPONENTS =
      Map.ofEntries(
          Map.entry("minCount", "MinCount"),
          Map.entry("maxCount", "MaxCount"),
          Map.entry("class", "Class"),
          Map.entry("datatype", "Datatype"),
          Map.entry("languageIn", "LanguageIn"),
          Map.entry("uniqueLang", "UniqueLang"),
          Map.entry("nodeKind", "NodeKind"),
          Map.entry("pattern", "Pattern"),
          Map.entry("lessThan", "LessThan"),
          Map.entry("lessThanOrEquals", "LessThanOrEquals"),
          Map.entry("in", "In"),
          Map.entry("or", "Or"),
          Map.entry("xone", "Xone"));

  private static ShapesValidator validator;
  private static Graph shapes;

  @BeforeAll
  static void readShapes() {
    var layout = TestProject.layout();
    validator =
        ShapesValidator.read(layout.shapes(), OntologyIndex.read(layout.ontology()).graph());
    shapes = RDFDataMgr.loadGraph(layout.shapes().toString());
  }

  private static Graph valid() {
    Graph g = GraphFactory.createDefaultGraph();
    RDFDataMgr.read(g, FIXTURES.resolve("valid.ttl").toString());
    return g;
  }

  @Test
  void theValidFixtureConforms() {
    ValidationReport report = validator.validate(valid());
    assertTrue(report.conforms(), () -> String.join("\n", ShapesValidator.describe(report)));
  }

  static Stream<Arguments> invalidFixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve("invalid"))) {
      return files
          .filter(p -> p.toString().endsWith(".ru"))
          .sorted()
          .map(p -> Arguments.of(p.getFileName().toString(), p))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void eachInvalidFixtureBreaksExactlyTheConstraintItNames(String name, Path file)
      throws IOException {
    String update = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, String> expect = expectations(update);
    Graph graph = valid();
    Graph before = valid();
    UpdateAction.parseExecute(update, graph);
    assertFalse(graph.isIsomorphicWith(before), name + " does not change the valid fixture");

    ValidationReport report = validator.validate(graph);

    List<ReportEntry> entries = List.copyOf(report.getEntries());
    assertEquals(1, entries.size(), () -> String.join("\n", ShapesValidator.describe(report)));
    ReportEntry entry = entries.get(0);
    assertEquals(node(expect.get("focus")), entry.focusNode(), "focus node");
    assertEquals(node(expect.get("shape")), entry.source(), "shape");
    assertEquals(node(expect.get("component")), entry.sourceConstraintComponent(), "constraint");
  }

  @Test
  void everyConstraintOfEveryShapeHasAnInvalidFixture() throws IOException {
    Set<String> declared = new TreeSet<>();
    shapes
        .find()
        .forEachRemaining(
            t -> {
              String shape = t.getSubject().isURI() ? t.getSubject().getURI() : null;
              String param =
                  t.getPredicate().getURI().startsWith(SH)
                      ? t.getPredicate().getURI().substring(SH.length())
                      : null;
              if (shape != null
                  && param != null
                  && shape.startsWith(GB.SHAPES)
                  && COMPONENTS.containsKey(param)) {
                declared.add(shape.substring(GB.SHAPES.length()) + " " + COMPONENTS.get(param));
              }
            });
    Set<String> covered = new TreeSet<>();
    for (Arguments a : invalidFixtures().toList()) {
      Map<String, String> e = expectations(Files.readString((Path) a.get()[1]));
      covered.add(
          e.get("shape").substring("gbsh:".length())
              + " "
              + e.get("component").replaceFirst("^sh:", "").replace("ConstraintComponent", ""));
    }
    assertEquals(declared, covered);
  }

  private static Map<String, String> expectations(String update) {
    Map<String, String> expect = new HashMap<>();
    for (String line : update.split("\n")) {
      if (line.startsWith("# expect-")) {
        String[] kv = line.substring("# expect-".length()).split(":\\s*", 2);
        expect.put(kv[0], kv[1].strip());
      }
    }
    assertEquals(Set.of("focus", "shape", "component"), expect.keySet(), "fixture header");
    return expect;
  }

  private static Node node(String text) {
    if (text.startsWith("<")) {
      return NodeFactory.createURI(text.substring(1, text.length() - 1));
    }
    return NodeFactory.createURI(PREFIXES.expandPrefix(text));
  }
}
