package org.w3id.grandbargain.kb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.grandbargain.kb.ChildJvm;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.cli.Main;

/**
 * What other processes do to a store: a server that has a release open while builds publish others,
 * two builds at once. The other process is a real one, a second JVM.
 */
class ReleaseStoreFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(120);

  private static Release build(Path data, Path store) {
    return new ReleaseBuilder(layout(data), new ReleaseStore(store)).build(m -> {}).release();
  }

  private static ProjectLayout layout(Path data) {
    ProjectLayout real = TestProject.layout();
    return new ProjectLayout(real.ontology(), real.shapes(), List.of(data), real.queries());
  }

  /** The mini data set with one label changed: content of its own, hence a release of its own. */
  static Path variant(Path dir, int n) throws IOException {
    Path source = TestProject.resource("mini/data");
    Path target = dir.resolve("variant-" + n);
    try (var walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    // a release is served with the dataset description its first data folder holds
    Files.copy(TestProject.root().resolve("data/dataset.ttl"), target.resolve("dataset.ttl"));
    Path events = target.resolve("articles/mini-note/events.yaml");
    Files.writeString(
        events,
        Files.readString(events)
            .replace("  label: A proposal\n", "  label: A proposal " + n + "\n"));
    return target;
  }

  @Test
  void aSearchIndexThatIsEmptyOrUnreadableIsADamagedRelease(@TempDir Path store)
      throws IOException {
    Release release = build(TestProject.resource("mini/data"), store);
    try (var files = Files.list(release.search())) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    StoreDamagedException empty =
        assertThrows(StoreDamagedException.class, () -> KnowledgeBase.open(release));
    assertEquals(
        "the search index in " + release.search() + " holds no committed index",
        empty.getMessage());
    Files.writeString(release.search().resolve("segments_1"), "not an index");
    StoreDamagedException unreadable =
        assertThrows(StoreDamagedException.class, () -> KnowledgeBase.open(release));
    assertTrue(
        unreadable
            .getMessage()
            .startsWith("the search index in " + release.search() + " cannot be read ("),
        unreadable.getMessage());
  }

  @Test
  void aBuildNeverRemovesAReleaseThatARunningServerServes(@TempDir Path dir, @TempDir Path store)
      throws Exception {
    ReleaseStore releases = new ReleaseStore(store);
    Release served = build(variant(dir, 0), store);
    try (ChildJvm server =
        ChildJvm.start(
            Main.class,
            "serve",
            "--port",
            "0",
            "--ops-port",
            "0",
            "--root",
            TestProject.root().toString(),
            "--store",
            store.toString())) {
      server.await(l -> l.startsWith("serve: release " + served.id() + " at http"), WAIT);
      Release last = null;
      for (int n = 1; n <= 2; n++) {
        last = build(variant(dir, n), store);
      }
      assertEquals(last, releases.current().orElseThrow(), "CURRENT moves to the new build");
      assertTrue(releases.releases().contains(served.id()), releases.releases().toString());
      assertEquals(3, releases.releases().size(), "the two most recent, and the one served");
      assertTrue(Files.isDirectory(served.tdb2()));
      server.kill();
    }
    Release next = build(variant(dir, 3), store);
    assertFalse(releases.releases().contains(served.id()), "once the server is gone, it is pruned");
    assertEquals(2, releases.releases().size(), releases.releases().toString());
    assertEquals(next, releases.current().orElseThrow());
  }

  @Test
  void aBuildNeverRemovesAReleaseThisProcessHasOpen(@TempDir Path dir, @TempDir Path store)
      throws Exception {
    ReleaseStore releases = new ReleaseStore(store);
    Release open = build(variant(dir, 0), store);
    try (KnowledgeBase kb = KnowledgeBase.open(open)) {
      for (int n = 1; n <= 2; n++) {
        build(variant(dir, n), store);
      }
      assertTrue(releases.releases().contains(open.id()), releases.releases().toString());
      assertEquals(3, releases.releases().size());
      long quads =
          org.apache.jena.system.Txn.calculateRead(
              kb.dataset(), () -> kb.dataset().asDatasetGraph().stream().count());
      assertEquals(open.quads(), quads);
    }
    build(variant(dir, 3), store);
    assertEquals(2, releases.releases().size(), releases.releases().toString());
    assertFalse(releases.releases().contains(open.id()));
    try (var left = Files.list(store)) {
      assertEquals(
          List.of(),
          left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("removed-")).toList());
    }
  }

  @Test
  void aSecondBuildFailsAtOnceWhileAnotherProcessBuilds(@TempDir Path store) throws Exception {
    Path data = TestProject.resource("mini/data");
    try (ChildJvm other = ChildJvm.start(HoldBuildLock.class, store.toString())) {
      other.await("locked"::equals, WAIT);
      long started = System.nanoTime();
      StoreBusyException e = assertThrows(StoreBusyException.class, () -> build(data, store));
      assertEquals(
          "another build is running (pid "
              + other.pid()
              + ") in "
              + store.toAbsolutePath().normalize()
              + "; wait for it to end, or stop it, and run 'build' again",
          e.getMessage());
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "it fails fast: no load");
      assertTrue(new ReleaseStore(store).releases().isEmpty());
      other.kill();
    }
    // the killed holder leaves no stale lock
    assertEquals(build(data, store), new ReleaseStore(store).current().orElseThrow());
  }

  @Test
  void aSecondBuildInTheSameProcessFailsToo(@TempDir Path store) {
    try (BuildLock lock = BuildLock.acquire(store.toAbsolutePath().normalize())) {
      StoreBusyException e =
          assertThrows(
              StoreBusyException.class, () -> build(TestProject.resource("mini/data"), store));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "another build is running (pid "
                      + ProcessHandle.current().pid()
                      + ", this process) in "),
          e.getMessage());
    }
    build(TestProject.resource("mini/data"), store);
  }

  @Test
  void aFullDiskIsSaidInWords() {
    Path store = Path.of("/srv/store");
    StoreWriteException e =
        StoreFailures.writing(
            "cannot write release 0.1.0-0123456789ab in " + store,
            store,
            new java.io.UncheckedIOException(
                new FileSystemException(
                    "/srv/store/staging-1/dumps/grand-bargain.ttl",
                    null,
                    "No space left on device")));
    assertEquals(
        "cannot write release 0.1.0-0123456789ab in /srv/store: no space left on device in"
            + " /srv/store; free some space and run 'build' again (the published release is"
            + " untouched)",
        e.getMessage());
    assertTrue(
        StoreFailures.noSpace(new IOException("write failed: No space left on device")),
        "the plain IOException of a FileChannel write");
  }
}
