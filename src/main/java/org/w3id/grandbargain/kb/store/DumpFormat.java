package org.w3id.grandbargain.kb.store;

import org.apache.jena.riot.Lang;

/**
 * The files each release is dumped in, as a declarative table: file name, syntax and whether the
 * file is gzipped. Syntaxes without named graphs hold the union of all graphs.
 */
public enum DumpFormat {
  TURTLE("grand-bargain.ttl", RdfSyntax.TURTLE, false),
  NTRIPLES("grand-bargain.nt.gz", RdfSyntax.NTRIPLES, true),
  TRIG("grand-bargain.trig", RdfSyntax.TRIG, false),
  NQUADS("grand-bargain.nq.gz", RdfSyntax.NQUADS, true),
  JSONLD("grand-bargain.jsonld", RdfSyntax.JSONLD, false),
  RDFXML("grand-bargain.rdf", RdfSyntax.RDFXML, false);

  private final String fileName;
  private final RdfSyntax syntax;
  private final boolean gzip;

  DumpFormat(String fileName, RdfSyntax syntax, boolean gzip) {
    this.fileName = fileName;
    this.syntax = syntax;
    this.gzip = gzip;
  }

  public String fileName() {
    return fileName;
  }

  public RdfSyntax syntax() {
    return syntax;
  }

  /** The format's name, for people: the syntax's, and whether it is gzipped. */
  public String label() {
    return syntax.label() + (gzip ? " (gzip)" : "");
  }

  public String mediaType() {
    return syntax.mediaType();
  }

  public Lang lang() {
    return syntax.lang();
  }

  /** Whether the file keeps the named graphs (otherwise it holds their union). */
  public boolean namedGraphs() {
    return syntax.namedGraphs();
  }

  /** Whether the file is gzip-compressed. */
  public boolean gzip() {
    return gzip;
  }
}
