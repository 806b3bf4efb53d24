package org.w3id.grandbargain.kb.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.grandbargain.kb.Digests;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * Writes a knowledge base in every {@link DumpFormat}, byte-identically for identical content:
 * statements are sorted before writing, the knowledge base has no blank nodes, and gzip headers
 * carry no timestamp.
 */
final class DumpWriter {
  private final List<Quad> quads;
  private final List<String> lines;
  private final List<Triple> triples;

  /** Prepares the sorted quads and the sorted union triples of a dataset. */
  DumpWriter(DatasetGraph dataset) {
    this(sorted(dataset));
  }

  private DumpWriter(List<Keyed<Quad>> sortedQuads) {
    this.quads = sortedQuads.stream().map(Keyed::statement).toList();
    this.lines = sortedQuads.stream().map(Keyed::key).toList();
    java.util.Set<Triple> distinct = new java.util.LinkedHashSet<>();
    quads.forEach(q -> distinct.add(q.asTriple()));
    this.triples = sortedBy(distinct, NodeFmtLib::str).stream().map(Keyed::statement).toList();
  }

  /** A statement with the text it is sorted by. */
  private record Keyed<T>(String key, T statement) {}

  // each statement's text is made once, not at each comparison of the sort
  private static <T> List<Keyed<T>> sortedBy(
      java.util.Collection<T> statements, java.util.function.Function<T, String> key) {
    List<Keyed<T>> keyed = new ArrayList<>(statements.size());
    statements.forEach(s -> keyed.add(new Keyed<>(key.apply(s), s)));
    keyed.sort(Comparator.comparing(Keyed::key));
    return keyed;
  }

  private static List<Keyed<Quad>> sorted(DatasetGraph dataset) {
    List<Quad> q = new ArrayList<>();
    dataset.find().forEachRemaining(q::add);
    return sortedBy(q, DumpWriter::line);
  }

  /** The same dump of the graphs that {@code keep} alone, the quads already in order. */
  DumpWriter only(java.util.function.Predicate<org.apache.jena.graph.Node> keep) {
    List<Keyed<Quad>> kept = new ArrayList<>();
    for (int i = 0; i < quads.size(); i++) {
      if (keep.test(quads.get(i).getGraph())) {
        kept.add(new Keyed<>(lines.get(i), quads.get(i)));
      }
    }
    return new DumpWriter(kept);
  }

  private static String line(Quad q) {
    return NodeFmtLib.str(q);
  }

  long quadCount() {
    return quads.size();
  }

  long tripleCount() {
    return triples.size();
  }

  /** The SHA-256 of the sorted N-Quads: the content hash of the release. */
  String contentSha256() {
    MessageDigest md = Digests.sha256();
    for (String line : lines) {
      md.update((line + " .\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Writes one format into a folder and describes the file written. */
  DumpFile write(DumpFormat format, Path folder, String relativeDir, String license) {
    return write(format, folder, relativeDir, format.fileName(), license);
  }

  /** Writes one format into a folder, under a file name of its own, and describes the file. */
  DumpFile write(
      DumpFormat format, Path folder, String relativeDir, String fileName, String license) {
    Path file = folder.resolve(fileName);
    try (OutputStream raw = Files.newOutputStream(file);
        DigestOutputStream digest = new DigestOutputStream(raw, Digests.sha256())) {
      OutputStream out = format.gzip() ? new GZIPOutputStream(digest) : digest;
      OutputStream buffered = new BufferedOutputStream(out);
      write(format, buffered);
      buffered.flush();
      if (out instanceof GZIPOutputStream gz) {
        gz.finish();
      }
      digest.flush();
      String sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
      return new DumpFile(
          relativeDir + "/" + fileName,
          format.label(),
          format.mediaType(),
          format.gzip(),
          Files.size(file),
          sha,
          format.namedGraphs() ? quads.size() : triples.size(),
          license);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  private void write(DumpFormat format, OutputStream out) {
    switch (format) {
      case NTRIPLES -> RDFDataMgr.writeTriples(out, triples.iterator());
      case NQUADS -> RDFDataMgr.writeQuads(out, quads.iterator());
      case TURTLE -> RDFDataMgr.write(out, unionGraph(), RDFFormat.TURTLE_PRETTY);
      case RDFXML -> RDFDataMgr.write(out, unionGraph(), RDFFormat.RDFXML_PLAIN);
      case TRIG -> RDFDataMgr.write(out, dataset(), RDFFormat.TRIG_PRETTY);
      case JSONLD -> RDFDataMgr.write(out, dataset(), RDFFormat.JSONLD11_PRETTY);
    }
  }

  private Graph unionGraph() {
    Graph g = GraphFactory.createDefaultGraph();
    g.getPrefixMapping().setNsPrefixes(Prefixes.standard());
    triples.forEach(g::add);
    return g;
  }

  private DatasetGraph dataset() {
    DatasetGraph ds = DatasetGraphFactory.create();
    ds.prefixes().putAll(Prefixes.standard());
    quads.forEach(ds::add);
    return ds;
  }
}
