package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.vocabulary.GB;

/** A snapshot file goes to its own graph, its description to the editors'; bad ones are refused. */
class ExternalSnapshotsTest {
  private static final String HEAD =
      "PREFIX gb: <https://w3id.org/grand-bargain/ontology#>\n"
          + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
          + "<https://w3id.org/grand-bargain/graph/external/example> a gb:ExternalSnapshot .\n";

  private static String refusal(Path root, String content) throws IOException {
    Path file = Files.createDirectories(root.resolve("external")).resolve("example.ttl");
    Files.writeString(file, content);
    return assertThrows(
            LoadException.class,
            () -> ExternalSnapshots.load(List.of(root), DatasetGraphFactory.create()))
        .getMessage();
  }

  @Test
  void theFactsGoToTheSnapshotsGraphAndItsDescriptionToTheSharedGraph(@TempDir Path root)
      throws IOException {
    Path file = Files.createDirectories(root.resolve("external")).resolve("example.ttl");
    Files.writeString(
        file, HEAD + "<http://www.wikidata.org/entity/Q42> rdfs:label \"Douglas Adams\"@en .\n");
    DatasetGraph d = DatasetGraphFactory.create();
    ExternalSnapshots.load(List.of(root), d);
    Node graph = NodeFactory.createURI(GB.GRAPH + "external/example");
    assertEquals(1, d.getGraph(graph).size());
    assertTrue(d.contains(Graphs.SHARED, graph, Node.ANY, GB.ExternalSnapshot.asNode()));
  }

  @Test
  void aFileThatDoesNotParseIsRefused(@TempDir Path root) throws IOException {
    String message = refusal(root, HEAD + "<http://www.wikidata.org/entity/Q42> rdfs:label .\n");
    assertTrue(message.contains("example.ttl: not valid Turtle: "), message);
  }

  @Test
  void aFileThatDoesNotDescribeItsGraphIsRefused(@TempDir Path root) throws IOException {
    String message =
        refusal(
            root,
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "<http://www.wikidata.org/entity/Q42> rdfs:label \"Douglas Adams\"@en .\n");
    assertTrue(
        message.endsWith(
            "example.ttl: the file must describe its graph"
                + " <https://w3id.org/grand-bargain/graph/external/example> as a"
                + " gb:ExternalSnapshot (how and when it was obtained, from where)"),
        message);
  }

  @Test
  void aSnapshotThatLinksToTheKnowledgeBasesOwnResourcesIsRefused(@TempDir Path root)
      throws IOException {
    String message =
        refusal(
            root,
            HEAD
                + "<http://www.wikidata.org/entity/Q48259>"
                + " <http://www.w3.org/2002/07/owl#sameAs>"
                + " <https://w3id.org/grand-bargain/id/dick-cheney> .\n");
    assertTrue(
        message.contains("<https://w3id.org/grand-bargain/id/dick-cheney> is a resource"), message);
  }

  @Test
  void aSnapshotThatDescribesTheKnowledgeBasesOwnResourcesIsRefused(@TempDir Path root)
      throws IOException {
    String message =
        refusal(
            root,
            HEAD + "<https://w3id.org/grand-bargain/id/dick-cheney> rdfs:label \"Cheney\"@en .\n");
    assertTrue(
        message.endsWith(
            "example.ttl: <https://w3id.org/grand-bargain/id/dick-cheney> is a resource of the"
                + " knowledge base: a snapshot holds only what the external dataset says"),
        message);
  }
}
