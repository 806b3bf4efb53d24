package org.w3id.grandbargain.kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.cli.Main;
import org.w3id.grandbargain.kb.load.Corpus;
import org.w3id.grandbargain.kb.load.CorpusReader;
import org.w3id.grandbargain.kb.load.Entry;
import org.w3id.grandbargain.kb.load.Graphs;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.store.ReleaseStore;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * A generated corpus builds with the real {@code build} command into a TDB2 release that holds one
 * graph for each claim generated, and nothing of the real article.
 */
class GeneratedCorpusBuildTest {
  @Test
  void aGeneratedCorpusBuildsWithAGraphPerClaim(@TempDir Path tmp) {
    Path corpus = tmp.resolve("corpus");
    Path store = tmp.resolve("store");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int generated =
        Main.run(
            new String[] {
              "generate-corpus",
              "--articles",
              "3",
              "--seed",
              "17",
              "--out",
              corpus.toString(),
              "--root",
              TestProject.root().toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertEquals(0, generated, err.toString());
    int built =
        Main.run(
            new String[] {"build", "--root", corpus.toString(), "--store", store.toString()},
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertEquals(0, built, err.toString());
    assertTrue(
        out.toString().contains("  valid     conforms to the SHACL shapes\n"), out::toString);

    // a claim has a graph when it states something: when some entry of its article is according
    // to it
    Set<String> claims = new TreeSet<>();
    Corpus made = new CorpusReader().read(List.of(corpus.resolve("data")));
    made.articles()
        .forEach(
            (slug, entries) -> {
              Set<String> cited = new TreeSet<>();
              entries.forEach(e -> citations(e.body(), cited));
              entries.stream()
                  .filter(e -> !e.isAddition())
                  .filter(e -> e.body().path("type").toString().contains("\"Claim\""))
                  .map(Entry::id)
                  .filter(cited::contains)
                  .forEach(id -> claims.add(GB.ID + slug + "/" + id));
            });
    assertTrue(claims.size() >= 3, claims::toString);

    Release release = new ReleaseStore(store).current().orElseThrow();
    DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(release.tdb2().toString());
    try {
      Set<String> graphs = new TreeSet<>();
      Set<String> claimGraphs = new TreeSet<>();
      Txn.executeRead(
          tdb,
          () ->
              tdb.listGraphNodes()
                  .forEachRemaining(
                      (Node g) -> {
                        graphs.add(g.getURI());
                        if (claims.contains(g.getURI())) {
                          claimGraphs.add(g.getURI());
                        }
                      }));
      assertEquals(claims.size(), claimGraphs.size());
      assertEquals(claims, claimGraphs);
      for (String g : graphs) {
        assertTrue(!g.contains("ips-2006-03-28-cabal"), g);
      }
      assertTrue(graphs.contains(Graphs.article("synthetic-article-3").getURI()), graphs::toString);
    } finally {
      TDBInternal.expel(tdb);
    }
  }

  /** The claims an entry, or any mapping within it, is according to. */
  private static void citations(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      JsonNode according = node.get("accordingTo");
      if (according != null) {
        if (according.isArray()) {
          according.forEach(c -> into.add(c.asText()));
        } else {
          into.add(according.asText());
        }
      }
    }
    node.forEach(child -> citations(child, into));
  }
}
