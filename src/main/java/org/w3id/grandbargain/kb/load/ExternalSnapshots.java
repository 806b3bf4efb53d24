package org.w3id.grandbargain.kb.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The external snapshots of a data folder: {@code external/<name>.ttl}, each loaded into its own
 * named graph {@code .../graph/external/<name>}. What the file says of the snapshot itself (its
 * subject is the graph's IRI: how and when it was obtained, from where, under which licence) is the
 * editors' record and goes to the shared editorial graph. Everything else is the external dataset's
 * as the snapshot records it: fetched from the dataset's endpoint, or read on the published pages
 * each reference names, as its description says ({@code gb:obtainedBy}).
 *
 * <p>A file is refused, naming it, when it does not parse, when it does not describe its graph as a
 * {@code gb:ExternalSnapshot}, when a fact has a resource of the knowledge base as subject or
 * object (those are described in the data's YAML, in their own voices), or when it names nodes
 * under another graph's name.
 */
final class ExternalSnapshots {
  static final String FOLDER = "external";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.ttl");

  private ExternalSnapshots() {}

  /** The graph of the snapshot named {@code name}. */
  static Node graph(String name) {
    return NodeFactory.createURI(GB.GRAPH + FOLDER + "/" + name);
  }

  /** Loads every snapshot of the data folders into {@code out}. */
  static void load(List<Path> dataRoots, DatasetGraph out) {
    for (Path root : dataRoots) {
      Path folder = root.resolve(FOLDER);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".ttl")).sorted().toList()) {
          load(file, out);
        }
      } catch (IOException e) {
        throw new LoadException(CorpusReader.shown(folder), null, "cannot list: " + e.getMessage());
      }
    }
  }

  private static void load(Path file, DatasetGraph out) {
    String shown = CorpusReader.shown(file);
    String fileName = file.getFileName().toString();
    if (!NAME.matcher(fileName).matches()) {
      throw new LoadException(
          shown, null, "a snapshot's file name must be lowercase letters, digits and hyphens");
    }
    Node graph = graph(fileName.substring(0, fileName.length() - ".ttl".length()));
    Graph g = GraphFactory.createDefaultGraph();
    try {
      RDFParser.source(file).lang(Lang.TURTLE).parse(g);
    } catch (RiotException e) {
      throw new LoadException(shown, null, "not valid Turtle: " + e.getMessage());
    }
    if (!g.contains(graph, RDF.type.asNode(), GB.ExternalSnapshot.asNode())) {
      throw new LoadException(
          shown,
          null,
          "the file must describe its graph <"
              + graph.getURI()
              + "> as a gb:ExternalSnapshot (how and when it was obtained, from where)");
    }
    String own = graph.getURI() + "/";
    for (Triple t : g.find().toList()) {
      Node s = t.getSubject();
      if (s.equals(graph)) {
        out.add(Graphs.SHARED, s, t.getPredicate(), t.getObject());
        continue;
      }
      for (Node n : List.of(s, t.getObject())) {
        if (n.isURI() && n.getURI().startsWith(GB.ID)) {
          throw new LoadException(
              shown,
              null,
              "<"
                  + n.getURI()
                  + "> is a resource of the knowledge base: a snapshot holds only what the external"
                  + " dataset says");
        }
      }
      if (s.isURI() && s.getURI().startsWith(GB.GRAPH) && !s.getURI().startsWith(own)) {
        throw new LoadException(
            shown,
            null,
            "<"
                + s.getURI()
                + "> is not this snapshot's: its statement and reference nodes are named under <"
                + own
                + ">");
      }
      out.add(graph, s, t.getPredicate(), t.getObject());
    }
  }
}
