package org.w3id.grandbargain.kb.rdf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.util.Models;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.store.DumpFile;
import org.w3id.grandbargain.kb.store.DumpFormat;
import org.w3id.grandbargain.kb.store.JenaReading;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * Eclipse RDF4J, as an independent second opinion, parses every file a release publishes; what it
 * reads is isomorphic to what Jena reads, and holds as many statements as the manifest says.
 */
class RioReadsEveryDumpTest {
  @TempDir static Path store;
  private static Release release;

  @BeforeAll
  static void build() {
    release =
        new ReleaseBuilder(TestProject.layout(), new ReleaseStore(store)).build(m -> {}).release();
  }

  static List<DumpFile> files() {
    return release.files();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void rioReadsTheFileAsJenaDoes(DumpFile file) throws IOException {
    Path path = release.file(file.path());
    DumpFormat format = JenaReading.formatOf(file.path());
    RDFFormat rioFormat =
        format == null
            ? RDFFormat.TURTLE
            : Rio.getParserFormatForMIMEType(file.mediaType()).orElseThrow();

    Model rio;
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = file.gzip() ? new GZIPInputStream(raw) : raw) {
      rio = Rio.parse(in, "", rioFormat);
    }
    String jenaNQuads =
        format == null ? JenaReading.turtleAsNQuads(path) : JenaReading.nquads(path, format);
    Model jena = Rio.parse(new StringReader(jenaNQuads), "", RDFFormat.NQUADS);

    assertEquals(file.statements(), rio.size(), "statements in " + file.path());
    assertTrue(
        Models.isomorphic(rio, jena), file.path() + ": RDF4J and Jena read different graphs");
  }
}
