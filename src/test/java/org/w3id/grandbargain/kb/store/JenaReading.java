package org.w3id.grandbargain.kb.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * How Jena reads a published file, handed over as N-Quads text so that the RDF4J side of the tests
 * can compare without mixing the two libraries' types in one class.
 */
public final class JenaReading {
  private JenaReading() {}

  /** Reads a dump of the given format with Jena and returns its statements as N-Quads. */
  public static String nquads(Path file, DumpFormat format) {
    return nquads(file, format.lang(), format.gzip());
  }

  /** Reads a Turtle file (the ontology, the shapes) with Jena and returns it as N-Quads. */
  public static String turtleAsNQuads(Path file) {
    return nquads(file, Lang.TURTLE, false);
  }

  private static String nquads(Path file, Lang lang, boolean gzip) {
    DatasetGraph dsg = DatasetGraphFactory.create();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
      RDFParser.source(in).lang(lang).parse(dsg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, dsg, Lang.NQUADS);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The dump format of a release file, by its name. */
  public static DumpFormat formatOf(String path) {
    for (DumpFormat f : DumpFormat.values()) {
      if (path.endsWith("/" + f.fileName())) {
        return f;
      }
    }
    // a graph published apart under its own licence: a TriG dump of its own
    if (path.startsWith("dumps/") && path.endsWith(".trig")) {
      return DumpFormat.TRIG;
    }
    return null;
  }
}
