package org.w3id.grandbargain.kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.ChildJvm;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.store.HoldBuildLock;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * The store under faults, from the command line: a server holding the store while {@code query}
 * runs, builds killed with {@code kill -9}, two builds at once, a store damaged or full. The other
 * processes are real ones: second JVMs.
 */
class StoreFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static final String CLAIMS =
      "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/grand-bargain/ontology#Claim> }";
  private static final String GRAPHS =
      "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";

  @TempDir static Path built;
  private static Path mini;
  private static Release miniRelease;

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

  private static String miniData() {
    return TestProject.resource("mini/data").toString();
  }

  private static Result query(Path store, String sparql) {
    return run(
        "query",
        "--sparql",
        sparql,
        "--root",
        root(),
        "--store",
        store.toString(),
        "--format",
        "csv");
  }

  private static Result buildMini(Path store) {
    return run("build", "--root", root(), "--data", miniData(), "--store", store.toString());
  }

  /** One release of the mini data set, built once; each test damages a copy. */
  @BeforeAll
  static void buildMini() {
    mini = built.resolve("mini");
    Result r = buildMini(mini);
    assertEquals(0, r.code(), r.err());
    miniRelease = new ReleaseStore(mini).current().orElseThrow();
  }

  private static Path copyOfMini(Path dir) throws IOException {
    Path store = dir.resolve("store");
    try (Stream<Path> walk = Files.walk(mini)) {
      for (Path p : walk.toList()) {
        Path to = store.resolve(mini.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return store;
  }

  private static List<String> leftovers(Path store) throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("staging-") || n.startsWith("removed-") || n.endsWith(".tmp"))
          .toList();
    }
  }

  private static void assertNoStackTrace(Result r) {
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void queryAnswersFromTheDumpsWhileTheServerHasTheStoreOpen() throws Exception {
    Path store = built.resolve("full");
    Result b = run("build", "--root", root(), "--store", store.toString());
    assertEquals(0, b.code(), b.err());
    Result channelsAlone =
        run("query", "channels", "--root", root(), "--store", store.toString(), "--format", "csv");
    Result graphsAlone = query(store, GRAPHS);
    assertEquals(0, graphsAlone.code(), graphsAlone.err());

    try (ChildJvm server =
        ChildJvm.start(
            Main.class,
            "serve",
            "--port",
            "0",
            "--ops-port",
            "0",
            "--root",
            root(),
            "--store",
            store.toString())) {
      server.await(l -> l.startsWith("serve: release ") && l.contains(" at http"), WAIT);

      Result claims = query(store, CLAIMS);
      assertEquals(0, claims.code(), claims.err());
      assertEquals("n\r\n56\r\n", claims.out());
      assertTrue(claims.err().contains("answering from its dumps"), claims.err());
      Result channels =
          run(
              "query",
              "channels",
              "--root",
              root(),
              "--store",
              store.toString(),
              "--format",
              "csv");
      assertEquals(0, channels.code(), channels.err());
      assertEquals(
          "channel,name,place,status,outcome,outcomeWhen,claimant,used\r\n"
              + "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/geneva-channel,Geneva channel,Geneva,closed,The neoconservatives close the Geneva channel for good,by May 2003,Gareth Porter,4\r\n"
              + "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/swiss-channel,Swiss ambassador in Tehran as go-between,Tehran,,,,,2\r\n",
          channels.out());
      assertEquals(channelsAlone.out(), channels.out());
      Result graphs = query(store, GRAPHS);
      assertEquals(0, graphs.code(), graphs.err());
      assertEquals(graphsAlone.out(), graphs.out(), "every graph, the DBpedia snapshot's too");
      assertTrue(
          graphs.out().contains("https://w3id.org/grand-bargain/graph/external/dbpedia,"),
          graphs.out());
      server.kill();
    }
  }

  @Test
  void aKilledBuildLeavesTheLastReleaseServableAndTheNextBuildSucceeds(@TempDir Path dir)
      throws Exception {
    Path store = copyOfMini(dir);
    ReleaseStore releases = new ReleaseStore(store);
    List<String> points =
        List.of("build: loading", "build: writing TDB2 store", "build: writing dumps");
    for (String point : points) {
      try (ChildJvm build =
          ChildJvm.start(Main.class, "build", "--root", root(), "--store", store.toString())) {
        build.await(l -> l.startsWith(point), WAIT);
        build.kill();
      }
      // whatever the kill interrupted, the published release is whole and answers
      Release current = releases.current().orElseThrow();
      if (point.equals(points.get(0))) {
        assertEquals(miniRelease.id(), current.id(), "killed while loading: nothing published");
      }
      try (KnowledgeBase kb = KnowledgeBase.open(current)) {
        assertFalse(kb.fromDumps());
      }
      Result q = query(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      assertEquals(0, q.code(), point + ": " + q.err());
      assertEquals("n\r\n" + current.quads() + "\r\n", q.out());
    }
    assertTrue(
        leftovers(store).stream().anyMatch(n -> n.startsWith("staging-")),
        "killed while writing the dumps, the last build left its staging folder");
    Result next = buildMini(store);
    assertEquals(0, next.code(), next.err());
    assertEquals(List.of(), leftovers(store), "the next build removes the killed builds' folders");
    assertEquals(miniRelease.id(), releases.current().orElseThrow().id());
    Result q = query(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    assertEquals("n\r\n" + miniRelease.quads() + "\r\n", q.out(), q.err());
  }

  @Test
  void aSecondBuildFailsAtOnceWithItsOwnExitCode(@TempDir Path dir) throws Exception {
    Path store = copyOfMini(dir);
    try (ChildJvm other = ChildJvm.start(HoldBuildLock.class, store.toString())) {
      other.await("locked"::equals, WAIT);
      Result r = buildMini(store);
      assertEquals(11, r.code(), r.err());
      assertEquals(
          "error: another build is running (pid "
              + other.pid()
              + ") in "
              + store.toAbsolutePath().normalize()
              + "; wait for it to end, or stop it, and run 'build' again\n",
          r.err());
      assertEquals("", r.out());
      other.kill();
    }
    assertEquals(0, buildMini(store).code(), "a killed build leaves no stale lock");
  }

  @Test
  void serveDoesNotRebuildWhenCurrentIsMissingButReleasesExist(@TempDir Path dir) throws Exception {
    Path store = copyOfMini(dir);
    Files.delete(store.resolve("CURRENT"));
    String expected =
        "error: "
            + store.resolve("CURRENT").toAbsolutePath().normalize()
            + " is missing but releases exist ("
            + miniRelease.id()
            + "); run 'build' to publish one\n";
    Result serve = serve(store);
    assertEquals(12, serve.code(), serve.err());
    assertEquals(expected, serve.err());
    assertFalse(Files.exists(store.resolve("CURRENT")), "serve built nothing");
    assertEquals(List.of(miniRelease.id()), new ReleaseStore(store).releases());
    Result q = query(store, CLAIMS);
    assertEquals(12, q.code(), q.err());
    assertEquals(expected, q.err());
    assertEquals(0, buildMini(store).code());
    assertEquals(0, query(store, CLAIMS).code());
  }

  /**
   * A way to damage a store, and the start of the message it gives. A store that TDB2 fails to open
   * leaves state of TDB2's in the process that tried (its journal open): that the repaired store
   * answers is checked from a fresh process, as the command line always is.
   */
  record Damage(String name, Damager damage, String message, boolean failsTdb2Open) {
    Damage(String name, Damager damage, String message) {
      this(name, damage, message, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  interface Damager {
    void damage(Path store, Path release) throws IOException;
  }

  static List<Damage> damages() {
    return List.of(
        new Damage(
            "the release has no TDB2 folder",
            (s, r) -> org.w3id.grandbargain.kb.TestProject.deleteQuietly(r.resolve("tdb2")),
            "error: release {id} has no TDB2 store ({release}/tdb2 is missing); run 'build' to"
                + " publish a fresh release\n"),
        new Damage(
            "the node table is truncated",
            (s, r) -> truncate(r.resolve("tdb2/Data-0001/nodes-data.obj")),
            "error: the TDB2 store of release {id} in {release}/tdb2 "),
        new Damage(
            "the primary index is emptied",
            (s, r) -> {
              try (var c =
                  java.nio.channels.FileChannel.open(
                      r.resolve("tdb2/Data-0001/GSPO.dat"), StandardOpenOption.WRITE)) {
                c.truncate(0);
              }
            },
            "error: the TDB2 store of release {id} in {release}/tdb2 ",
            true),
        new Damage(
            "the node table is deleted",
            (s, r) -> Files.delete(r.resolve("tdb2/Data-0001/nodes-data.obj")),
            "error: the TDB2 store of release {id} in {release}/tdb2 "),
        new Damage(
            "the manifest is garbage",
            (s, r) -> Files.writeString(r.resolve("release.json"), "{\"id\": "),
            "error: the manifest {release}/release.json is damaged ("),
        new Damage(
            "CURRENT names a release that is gone",
            (s, r) -> Files.writeString(s.resolve("CURRENT"), "0.0.1-0123456789ab\n"),
            "error: {store}/CURRENT names the release '0.0.1-0123456789ab', which is not in"
                + " {store}/releases; run 'build' to publish one\n"));
  }

  private static void truncate(Path file) throws IOException {
    try (var c = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(c.size() / 2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damages")
  void aDamagedStoreSaysWhatToDoWithItsOwnExitCode(Damage damage, @TempDir Path dir)
      throws Exception {
    Path store = copyOfMini(dir).toAbsolutePath().normalize();
    Path release = store.resolve("releases").resolve(miniRelease.id());
    damage.damage().damage(store, release);
    String message =
        damage
            .message()
            .replace("{id}", miniRelease.id())
            .replace("{release}", release.toString())
            .replace("{store}", store.toString());

    Result q = query(store, CLAIMS);
    assertEquals(12, q.code(), q.err());
    assertTrue(q.err().startsWith(message), q.err());
    assertTrue(
        q.err().endsWith("run 'build' to publish a fresh release\n")
            || q.err().endsWith("run 'build' to publish one\n"),
        q.err());
    assertNoStackTrace(q);
    Result serve = serve(store);
    assertEquals(12, serve.code(), serve.err());
    assertTrue(serve.err().startsWith(message), serve.err());

    // and what the message says to do repairs it
    Result b = buildMini(store);
    assertEquals(0, b.code(), b.err());
    String count = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    if (damage.failsTdb2Open()) {
      try (ChildJvm again =
          ChildJvm.start(
              Main.class,
              "query",
              "--sparql",
              count,
              "--root",
              root(),
              "--store",
              store.toString(),
              "--format",
              "csv")) {
        assertEquals(0, again.waitFor(WAIT), again.output());
        assertEquals("n\n" + miniRelease.quads(), again.output());
      }
    } else {
      Result again = query(store, count);
      assertEquals(0, again.code(), again.err());
      assertEquals("n\r\n" + miniRelease.quads() + "\r\n", again.out());
    }
  }

  @Test
  void anUnreadableStoreSaysSo(@TempDir Path dir) throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "permissions do not stop root");
    Path store = copyOfMini(dir).toAbsolutePath().normalize();
    Path release = store.resolve("releases").resolve(miniRelease.id());
    Files.setPosixFilePermissions(release, java.util.Set.of());
    try {
      Result q = query(store, CLAIMS);
      assertEquals(12, q.code(), q.err());
      assertTrue(q.err().contains("permission denied"), q.err());
      assertTrue(q.err().contains("check the store's permissions"), q.err());
      assertNoStackTrace(q);
    } finally {
      Files.setPosixFilePermissions(
          release, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
  }

  /**
   * A store on a read-only file system (a tmpfs remounted read-only, where mounting is allowed):
   * the part of "unreadable" that the tests can stage when they run as root, whom permissions do
   * not stop.
   */
  @Test
  void aReadOnlyStoreSaysSo(@TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small"));
    assumeTrue(
        mount("tmpfs", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString()),
        "mounting a tmpfs is not allowed here");
    try {
      Path store = mount.resolve("store").toAbsolutePath().normalize();
      assertEquals(0, buildMini(store).code());
      assertTrue(mount("mount", "-o", "remount,ro", mount.toString()), "remount read-only");
      Path release = store.resolve("releases").resolve(miniRelease.id());

      Result q = query(store, CLAIMS);
      assertEquals(12, q.code(), q.err());
      assertEquals(
          "error: cannot mark release "
              + miniRelease.id()
              + " in use: Read-only file system ("
              + release.resolve("in-use.lock")
              + "); every process that opens a release needs to write in"
              + " its folder: check the store's permissions\n",
          q.err());
      Result b = buildMini(store);
      assertEquals(13, b.code(), b.err());
      assertEquals(
          "error: cannot take the build lock "
              + store.resolve("build.lock")
              + ": Read-only file system ("
              + store.resolve("build.lock")
              + "); check that "
              + store
              + " is writable and run 'build' again (the published release is untouched)\n",
          b.err());
    } finally {
      mount("umount", "-l", mount.toString());
    }
  }

  /**
   * A build on a full disk, for real: a small tmpfs (where mounting one is allowed), filled by the
   * published release and a build of the whole data that does not fit, in its TDB2 store (4 MB) or
   * in its dumps (7 MB). The build runs in a second JVM: a full disk under a memory-mapped file is
   * a fault of the process.
   */
  @ParameterizedTest(name = "tmpfs of {0}, full while {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "4m, build: writing TDB2 store for release",
    "7m, build: writing dumps"
  })
  void aFullDiskFailsTheBuildWithItsOwnExitCodeAndLeavesTheRelease(
      String size, String stage, @TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small"));
    assumeTrue(
        mount("tmpfs", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mount.toString()),
        "mounting a tmpfs is not allowed here");
    try {
      // built in place: a copy would not keep TDB2's files sparse
      Path store = mount.resolve("store");
      assertEquals(0, buildMini(store).code());
      Release before = new ReleaseStore(store).current().orElseThrow();
      String manifest = Files.readString(before.file("release.json"));
      try (ChildJvm build =
          ChildJvm.start(Main.class, "build", "--root", root(), "--store", store.toString())) {
        assertEquals(13, build.waitFor(WAIT), build.output());
        String out = build.output();
        assertTrue(
            out.endsWith(
                " in "
                    + store.toAbsolutePath().normalize()
                    + ": no space left on device in "
                    + store.toAbsolutePath().normalize()
                    + "; free some space and run 'build' again (the published release is"
                    + " untouched)"),
            out);
        // the last step begun, leaving out the timings of the stages ended before it
        List<String> lines = out.lines().filter(l -> !l.startsWith("build: stage ")).toList();
        assertTrue(lines.get(lines.size() - 2).startsWith(stage), out);
        assertTrue(lines.get(lines.size() - 1).startsWith("error: cannot write release "), out);
        assertFalse(out.contains("\tat "), out);
      }
      ReleaseStore releases = new ReleaseStore(store);
      assertEquals(before, releases.current().orElseThrow());
      assertEquals(List.of(before.id()), releases.releases());
      assertEquals(manifest, Files.readString(before.file("release.json")));
      assertEquals(List.of(), leftovers(store));
      Result q = query(store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
      assertEquals("n\r\n" + before.quads() + "\r\n", q.out(), q.err());
    } finally {
      // lazily: this JVM's mapped buffers of the TDB2 files go only when collected
      mount("umount", "-l", mount.toString());
    }
  }

  private static boolean mount(String... command) throws InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of(command));
    args.set(0, command[0].equals("tmpfs") ? "mount" : command[0]);
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code serve} on a store, on free ports, as the command line runs it. */
  private static Result serve(Path store) {
    return run(
        "serve", "--port", "0", "--ops-port", "0", "--root", root(), "--store", store.toString());
  }
}
