package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;

/**
 * The two voices in the real data. A claim's graph holds only what the entries citing the claim
 * state: statements about those entries (and their times), never of an editorial property, never an
 * editorial statement. Every statement of an editorial property is in an editorial graph and has a
 * reason: its kind's, or its own. Identifications and readings give their own, links their
 * evidence.
 */
class VoicesTest {
  private static LoadedData data;
  private static DatasetGraph dataset;

  @BeforeAll
  static void load() {
    data = Loader.load(TestProject.layout());
    dataset = data.dataset();
  }

  /** For each claim's graph, the IRIs of the entries that cite the claim. */
  private static Map<Node, Set<String>> entriesByClaim() {
    Map<Node, Set<String>> byClaim = new HashMap<>();
    data.corpus()
        .articles()
        .forEach(
            (slug, entries) -> {
              for (Entry e : entries) {
                collect(e.body(), e, slug, byClaim, null);
              }
            });
    return byClaim;
  }

  private static void collect(
      JsonNode body,
      Entry entry,
      String slug,
      Map<Node, Set<String>> byClaim,
      List<Node> inherited) {
    List<Node> claims = inherited;
    JsonNode according = body.get("accordingTo");
    if (according != null) {
      claims = new ArrayList<>();
      for (JsonNode c : according.isArray() ? according : List.of(according)) {
        claims.add(data.symbols().article(slug).get(c.asText()).iri());
      }
    }
    String id = body.hasNonNull("id") ? body.get("id").asText() : body.path("about").asText();
    Symbol subject = data.symbols().resolve(Scope.article(slug), id);
    if (claims != null && subject != null) {
      for (Node claim : claims) {
        byClaim.computeIfAbsent(claim, k -> new HashSet<>()).add(subject.iri().getURI());
      }
    }
    for (var nested :
        SymbolTable.nestedDefinitions((com.fasterxml.jackson.databind.node.ObjectNode) body)) {
      collect(nested, entry, slug, byClaim, claims);
    }
  }

  @Test
  void aClaimsGraphHoldsOnlyWhatTheEntriesCitingItState() {
    Map<Node, Set<String>> cited = entriesByClaim();
    List<String> problems = new ArrayList<>();
    int quads = 0;
    for (Node claim : cited.keySet()) {
      for (var it = dataset.find(claim, Node.ANY, Node.ANY, Node.ANY); it.hasNext(); ) {
        Quad q = it.next();
        quads++;
        String s = q.getSubject().getURI();
        boolean ofAnEntry =
            cited.get(claim).stream().anyMatch(e -> s.equals(e) || s.startsWith(e + "/"));
        if (!ofAnEntry) {
          problems.add("not about an entry citing the claim: " + q);
        }
        if (data.ontology().isEditorial(q.getPredicate())) {
          problems.add("an editorial property: " + q);
        }
        if (q.getPredicate().equals(RDF.subject.asNode())
            || q.getPredicate().equals(GB.reason.asNode())
            || q.getObject().equals(GB.Evidence.asNode())) {
          problems.add("part of an editorial statement: " + q);
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(quads > 300, "the claims' graphs hold the article's facts: " + quads);
    var graphs = new HashSet<Node>();
    dataset.listGraphNodes().forEachRemaining(graphs::add);
    for (Node g : graphs) {
      boolean claimGraph = dataset.contains(Node.ANY, g, RDF.type.asNode(), GB.Claim.asNode());
      boolean editorial = dataset.contains(g, g, RDF.type.asNode(), GB.EditorialGraph.asNode());
      // an external snapshot: the third voice, described by the editors in the shared graph
      boolean external =
          dataset.contains(Graphs.SHARED, g, RDF.type.asNode(), GB.ExternalSnapshot.asNode());
      assertTrue(
          claimGraph || editorial || external || derivedFromEither(g) || g.equals(Graphs.ONTOLOGY),
          g
              + " is a claim's graph, an editorial graph, an external snapshot, derived from one,"
              + " or the ontology graph");
    }
  }

  /** Whether a graph is described as derived from a claim's graph or an editorial one. */
  private static boolean derivedFromEither(Node g) {
    var source = dataset.find(Node.ANY, g, PROV.wasDerivedFrom.asNode(), Node.ANY);
    if (!source.hasNext() || !Graphs.isDerived(g)) {
      return false;
    }
    Node s = source.next().getObject();
    return dataset.contains(Node.ANY, g, RDF.type.asNode(), GB.DerivedGraph.asNode())
        && (dataset.contains(Node.ANY, s, RDF.type.asNode(), GB.Claim.asNode())
            || dataset.contains(s, s, RDF.type.asNode(), GB.EditorialGraph.asNode()));
  }

  @Test
  void everyEditorialStatementIsInAnEditorialGraphWithAReason() {
    List<String> problems = new ArrayList<>();
    dataset
        .find()
        .forEachRemaining(
            q -> {
              Node p = q.getPredicate();
              if (!data.ontology().isEditorial(p)
                  || q.getGraph().equals(Graphs.ONTOLOGY)
                  || Graphs.isDerived(q.getGraph())) {
                return;
              }
              if (!dataset.contains(
                  q.getGraph(), q.getGraph(), RDF.type.asNode(), GB.EditorialGraph.asNode())) {
                problems.add("outside an editorial graph: " + q);
              }
              boolean own = false;
              for (var st =
                      dataset.find(q.getGraph(), Node.ANY, RDF.subject.asNode(), q.getSubject());
                  st.hasNext(); ) {
                Node s = st.next().getSubject();
                own |=
                    dataset.contains(q.getGraph(), s, RDF.predicate.asNode(), p)
                        && dataset.contains(q.getGraph(), s, RDF.object.asNode(), q.getObject())
                        && dataset.contains(q.getGraph(), s, GB.reason.asNode(), Node.ANY);
              }
              if (data.ontology().editorialReason(p).isEmpty() && !own) {
                problems.add("no reason: " + q);
              }
            });
    assertEquals(List.of(), problems);
    for (Node kind : List.of(GB.Identification.asNode(), GB.Reading.asNode())) {
      dataset
          .find(Node.ANY, Node.ANY, RDF.type.asNode(), kind)
          .forEachRemaining(
              q ->
                  assertTrue(
                      dataset.contains(q.getGraph(), q.getSubject(), GB.reason.asNode(), Node.ANY),
                      q.getSubject() + " gives its reason"));
    }
    dataset
        .find(Node.ANY, Node.ANY, org.apache.jena.vocabulary.OWL.sameAs.asNode(), Node.ANY)
        .forEachRemaining(
            q -> {
              boolean evidenced = false;
              for (var st =
                      dataset.find(q.getGraph(), Node.ANY, RDF.object.asNode(), q.getObject());
                  st.hasNext(); ) {
                evidenced |=
                    dataset.contains(
                        q.getGraph(), st.next().getSubject(), GB.evidence.asNode(), Node.ANY);
              }
              assertTrue(evidenced, q + " has its evidence");
            });
  }

  @Test
  void theArticlesMisnamedSupremeLeaderStaysTheOneItDescribes() {
    Node described = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/supreme-leader");
    Node khamenei = NodeFactory.createURI(GB.ID + "ali-khamenei");
    Node role = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/role-khamenei");
    Node claim = NodeFactory.createURI(GB.ID + "ips-2006-03-28-cabal/porter-role-khamenei");
    Node editorial = Graphs.article("ips-2006-03-28-cabal");
    assertTrue(dataset.contains(claim, role, GB.holder.asNode(), described));
    assertTrue(
        dataset.contains(
            claim,
            described,
            GB.nameInSource.asNode(),
            NodeFactory.createLiteralLang("Ayatollah Ali Khomeini", "en")));
    assertEquals(
        List.of(claim),
        dataset.stream(Node.ANY, described, GB.nameInSource.asNode(), Node.ANY)
            .map(Quad::getGraph)
            .toList(),
        "the misnaming is Porter's alone: Leverett, who says the leader blessed the offer, does"
            + " not name him");
    assertTrue(dataset.contains(editorial, described, GB.identifiedAs.asNode(), khamenei));
    assertTrue(
        dataset.stream(Node.ANY, Node.ANY, Node.ANY, khamenei)
            .noneMatch(
                q ->
                    dataset.contains(Node.ANY, q.getGraph(), RDF.type.asNode(), GB.Claim.asNode())),
        "no claim says anything of Ali Khamenei: the article never names him");
  }
}
