package org.w3id.grandbargain.kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.BadInput;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.query.ServicePolicy;
import org.w3id.grandbargain.kb.vocabulary.GB;

/** The command line, run in-process: output, errors on stderr, and exit codes. */
class MainTest {
  @TempDir static Path store;
  private static Result built;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  private static String root() {
    return TestProject.root().toString();
  }

  @BeforeAll
  static void build() {
    built = run("build", "--root", root(), "--store", store.toString());
  }

  @Test
  void buildPrintsProgressOnStderrAndASummaryOnStdout() {
    assertEquals(0, built.code(), built.err());
    assertTrue(built.err().contains("build: validating against"), built.err());
    assertTrue(built.out().startsWith("release 0."), built.out());
    assertTrue(built.out().contains("  valid     conforms to the SHACL shapes\n"), built.out());
    assertTrue(built.out().contains("    Claim                   56\n"), built.out());
    assertTrue(built.out().contains("dumps/grand-bargain.ttl"), built.out());
  }

  @Test
  void buildReportsTheTimeAndTriplesOfEachStage() {
    String quads =
        built.out().lines().filter(l -> l.startsWith("  quads ")).findFirst().orElseThrow();
    String count = quads.substring("  quads ".length()).strip().split(" ")[0];
    for (String stage :
        List.of(
            "load: read", "load: convert", "load: entail", "cross-checks", "validate", "tdb2")) {
      assertTrue(
          built
              .err()
              .lines()
              .anyMatch(
                  l ->
                      l.matches(
                          "build: stage "
                              + java.util.regex.Pattern.quote(stage)
                              + ": \\d+\\.\\d{3} s, \\d+ triples, \\d+ triples/s")),
          stage + "\n" + built.err());
    }
    assertTrue(built.err().contains("build: stage tdb2: "), built.err());
    assertTrue(
        built
            .err()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("build: stage tdb2: ")
                        && l.contains(" s, " + count + " triples, ")),
        count + "\n" + built.err());
  }

  @Test
  void aNamedQueryPrintsCsv() {
    Result r =
        run("query", "channels", "--root", root(), "--store", store.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "channel,name,place,status,outcome,outcomeWhen,claimant,used\r\n"
            + "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/geneva-channel,Geneva channel,Geneva,closed,The neoconservatives close the Geneva channel for good,by May 2003,Gareth Porter,4\r\n"
            + "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/swiss-channel,Swiss ambassador in Tehran as go-between,Tehran,,,,,2\r\n",
        r.out());
  }

  @Test
  void parametersAreBoundAndJsonIsWritten() {
    Result r =
        run(
            "query",
            "claims-by-speaker",
            "-p",
            "speaker=https://w3id.org/grand-bargain/id/flynt-leverett",
            "--root",
            root(),
            "--store",
            store.toString(),
            "--format",
            "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"vars\": [ \"claim\" , \"statement\""), r.out());
    assertEquals(7, r.out().split("\"claim\": ").length - 1, r.out());
  }

  @Test
  void adHocSparqlRunsAgainstTheUnionOfAllGraphs() {
    Result r =
        run(
            "query",
            "--sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/grand-bargain/ontology#Claim> }",
            "--root",
            root(),
            "--store",
            store.toString(),
            "--format",
            "csv");
    assertEquals(0, r.code(), r.err());
    assertEquals("n\r\n56\r\n", r.out());
  }

  @Test
  void aMalformedQueryIsAnErrorOnStderr() {
    Result r =
        run(
            "query",
            "--sparql",
            "SELECT * WHERE { ?s ?p }",
            "--root",
            root(),
            "--store",
            store.toString());
    assertEquals(3, r.code());
    assertTrue(r.err().startsWith("error: malformed query: "), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aFederatedNamedQueryRunsAgainstTheRoutedEndpoint() {
    Result r =
        run(
            "query",
            "federated-places",
            "--root",
            root(),
            "--store",
            store.toString(),
            "--format",
            "csv",
            "--service-route",
            ServicePolicy.WIKIDATA + "=" + StandIns.get().wikidataEndpoint());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "place,label,relation,item,wikidataLabel,coordinates\r\n"
            + "https://w3id.org/grand-bargain/id/tehran,Tehran,http://www.w3.org/2002/07/owl#sameAs,http://www.wikidata.org/entity/Q3616,Tehran,Point(51.389 35.689)\r\n",
        r.out());
  }

  @Test
  void aServiceOffTheAllowlistIsRefusedWithItsOwnExitCode() {
    int before = StandIns.get().forbiddenContacts();
    String forbidden = StandIns.get().forbiddenAddress();
    Result r =
        run(
            "query",
            "--sparql",
            "SELECT * { SERVICE <" + forbidden + "> { ?s ?p ?o } }",
            "--root",
            root(),
            "--store",
            store.toString());
    assertEquals(9, r.code(), r.err());
    assertEquals(
        "error: SERVICE <"
            + forbidden
            + "> is refused: not on the allowlist (https://query.wikidata.org/sparql, https://dbpedia.org/sparql)\n",
        r.err());
    Result none =
        run(
            "query",
            "--sparql",
            "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
            "--no-service",
            "--root",
            root(),
            "--store",
            store.toString());
    assertEquals(9, none.code(), none.err());
    Result unlisted =
        run(
            "query",
            "--sparql",
            "SELECT * { ?s ?p ?o } LIMIT 1",
            "--service",
            ServicePolicy.DBPEDIA,
            "--service-route",
            "http://not-listed.example/sparql=" + forbidden,
            "--root",
            root(),
            "--store",
            store.toString());
    assertEquals(3, unlisted.code(), unlisted.err());
    assertEquals(
        "error: --service-route http://not-listed.example/sparql: only an endpoint on the"
            + " allowlist (https://dbpedia.org/sparql) may be routed\n",
        unlisted.err());
    assertEquals(before, StandIns.get().forbiddenContacts());
  }

  /** A data folder whose Wikidata snapshot is a placeholder; its external folder. */
  private static Path snapshotBefore(Path data) throws java.io.IOException {
    Path external = Files.createDirectories(data.resolve("external"));
    Files.writeString(external.resolve("wikidata.ttl"), "# the snapshot before\n");
    return external;
  }

  /** Runs refresh-external over the test release, writing into {@code data}/external. */
  private static Result refresh(Path data, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "refresh-external",
                "--root",
                root(),
                "--data",
                data.toString(),
                "--store",
                store.toString(),
                "--retrieved",
                "2026-12-02"));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void refreshExternalRewritesTheSnapshotsFromTheEndpoints(@TempDir Path data) throws Exception {
    Path external = snapshotBefore(data);
    Result r =
        refresh(
            data,
            "--service-route",
            ServicePolicy.WIKIDATA + "=" + StandIns.get().wikidataEndpoint(),
            "--service-route",
            ServicePolicy.DBPEDIA + "=" + StandIns.get().dbpediaEndpoint());
    assertEquals(0, r.code(), r.err());
    for (String name : List.of("wikidata", "dbpedia")) {
      Graph written = RDFParser.source(external.resolve(name + ".ttl")).toGraph();
      Graph expected =
          RDFParser.source(TestProject.resource("stand-ins/refreshed-" + name + ".ttl")).toGraph();
      // the query text is the file's, and the source and description name the stand-in's
      // address, which changes from run to run: compare those apart, the rest exactly
      Node graph = NodeFactory.createURI("https://w3id.org/grand-bargain/graph/external/" + name);
      Node source = NodeFactory.createURI("http://purl.org/dc/terms/source");
      String standIn =
          name.equals("wikidata")
              ? StandIns.get().wikidataEndpoint()
              : StandIns.get().dbpediaEndpoint();
      assertTrue(
          written.contains(graph, source, NodeFactory.createURI(standIn)),
          name + " records the address its facts were fetched from");
      written.remove(graph, GB.query.asNode(), Node.ANY);
      written.remove(graph, source, Node.ANY);
      written.remove(
          graph, NodeFactory.createURI("http://purl.org/dc/terms/description"), Node.ANY);
      assertTrue(
          written.isIsomorphicWith(expected),
          name + ":\n" + Files.readString(external.resolve(name + ".ttl")));
    }
  }

  @Test
  void refreshExternalLeavesTheSnapshotWhenTheEndpointFails(@TempDir Path data) throws Exception {
    Path external = snapshotBefore(data);
    Result r =
        refresh(
            data,
            "wikidata",
            "--service-route",
            ServicePolicy.WIKIDATA + "=" + StandIns.get().redirectingEndpoint());
    assertEquals(10, r.code(), r.err());
    assertEquals(
        "error: SERVICE <https://query.wikidata.org/sparql> failed: it answered with a redirect (302), which is not followed\n",
        r.err());
    assertEquals("# the snapshot before\n", Files.readString(external.resolve("wikidata.ttl")));
    try (var left = Files.list(external)) {
      assertEquals(1, left.count(), "no partial file is left behind");
    }
  }

  @Test
  void anUnknownNamedQueryIsNotFound() {
    Result r = run("query", "who-won", "--root", root(), "--store", store.toString());
    assertEquals(6, r.code());
    assertTrue(r.err().startsWith("error: no named query 'who-won'; known: channels, "), r.err());
  }

  @Test
  void queryingBeforeAnyBuildSaysSo(@TempDir Path empty) {
    Result r = run("query", "timeline", "--root", root(), "--store", empty.toString());
    assertEquals(6, r.code());
    assertTrue(r.err().contains("no release built yet"), r.err());
  }

  @Test
  void theListOfNamedQueriesShowsTheirParameters() {
    Result r = run("query", "--list", "--root", root());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("claims-by-speaker: Every claim attributed to a given person"), r.out());
    assertTrue(r.out().contains("    --param speaker=<iri>  The agent"), r.out());
  }

  @Test
  void badDataFailsTheBuildWithTheLoadExitCode(@TempDir Path root, @TempDir Path other)
      throws Exception {
    BadInput bad =
        BadInput.all().stream().filter(b -> b.name().startsWith("03-")).findFirst().orElseThrow();
    Path data = bad.writeInto(root);
    Result r =
        run("build", "--root", root(), "--data", data.toString(), "--store", other.toString());
    assertEquals(4, r.code());
    assertTrue(r.err().contains("unknown reference 'example-cty'"), r.err());
  }

  @Test
  void verifyAnchorsPassesOnTheCopyAndReportsDriftWithItsOwnExitCode() {
    String data = TestProject.resource("mini/data").toString();
    Result ok =
        run(
            "verify-anchors",
            "--root",
            root(),
            "--data",
            data,
            "--text",
            TestProject.resource("mini/mini-note.txt").toString());
    assertEquals(0, ok.code(), ok.err() + ok.out());
    assertTrue(ok.out().contains("1 anchors checked, 0 drifted: OK"), ok.out());

    Result drift =
        run(
            "verify-anchors",
            "--root",
            root(),
            "--data",
            data,
            "--text",
            TestProject.resource("mini/mini-note-moved.txt").toString());
    assertEquals(7, drift.code());
    assertTrue(
        drift
            .out()
            .contains("DRIFT https://w3id.org/grand-bargain/id/mini-note/jane-says #char=11,73"),
        drift.out());
  }

  @Test
  void checkWordingPassesOnOwnWordsAndReportsACopyWithItsOwnExitCode(@TempDir Path root)
      throws Exception {
    String text = TestProject.resource("mini/mini-note.txt").toString();
    String mini = TestProject.resource("mini/data").toString();
    Result ok = run("check-wording", "--root", root(), "--data", mini, "--text", text);
    assertEquals(0, ok.code(), ok.err() + ok.out());
    assertEquals("0 texts of the data repeat the article: OK\n", ok.out());

    String moved = TestProject.resource("mini/mini-note-moved.txt").toString();
    Result wrongCopy = run("check-wording", "--root", root(), "--data", mini, "--text", moved);
    assertEquals(3, wrongCopy.code(), wrongCopy.out());
    assertTrue(
        wrongCopy.err().contains("mini-note-moved.txt is not the article's text copy: its SHA-256"),
        wrongCopy.err());

    Path planted =
        new BadInput(
                "planted",
                "a note that copies the text",
                "articles/mini-note/events.yaml",
                "  label: A proposal\n",
                "  label: A proposal\n  note: This short text exists only to test the loader.\n",
                null)
            .writeInto(root);
    Result copied =
        run("check-wording", "--root", root(), "--data", planted.toString(), "--text", text);
    assertEquals(8, copied.code(), copied.err());
    assertEquals(
        BadInput.relative(planted.resolve("articles/mini-note/events.yaml").toString(), root)
            + ": entry 'proposal' (line 27): field 'note' repeats the article: \"This short text"
            + " exists only to test the\"\n"
            + "1 text of the data repeats the article\n",
        BadInput.relative(copied.out(), root));
  }

  @Test
  void withoutACommandItPrintsUsage() {
    Result r = run();
    assertEquals(2, r.code());
    assertTrue(r.out().contains("build"), r.out());
  }
}
