package org.w3id.grandbargain.kb.store;

import org.apache.jena.riot.Lang;

/**
 * The serialisations each release is written in, as a declarative table: file name, media type,
 * Jena language, whether the format keeps named graphs and whether the file is gzipped. Formats
 * without named graphs hold the union of all graphs.
 */
public enum DumpFormat {
  TURTLE("grand-bargain.ttl", "Turtle", "text/turtle", Lang.TURTLE, false, false),
  NTRIPLES(
      "grand-bargain.nt.gz",
      "N-Triples (gzip)",
      "application/n-triples",
      Lang.NTRIPLES,
      false,
      true),
  TRIG("grand-bargain.trig", "TriG", "application/trig", Lang.TRIG, true, false),
  NQUADS("grand-bargain.nq.gz", "N-Quads (gzip)", "application/n-quads", Lang.NQUADS, true, true),
  JSONLD("grand-bargain.jsonld", "JSON-LD", "application/ld+json", Lang.JSONLD, true, false),
  RDFXML("grand-bargain.rdf", "RDF/XML", "application/rdf+xml", Lang.RDFXML, false, false);

  private final String fileName;
  private final String label;
  private final String mediaType;
  private final Lang lang;
  private final boolean namedGraphs;
  private final boolean gzip;

  DumpFormat(
      String fileName,
      String label,
      String mediaType,
      Lang lang,
      boolean namedGraphs,
      boolean gzip) {
    this.fileName = fileName;
    this.label = label;
    this.mediaType = mediaType;
    this.lang = lang;
    this.namedGraphs = namedGraphs;
    this.gzip = gzip;
  }

  public String fileName() {
    return fileName;
  }

  public String label() {
    return label;
  }

  public String mediaType() {
    return mediaType;
  }

  public Lang lang() {
    return lang;
  }

  /** Whether the file keeps the named graphs (otherwise it holds their union). */
  public boolean namedGraphs() {
    return namedGraphs;
  }

  /** Whether the file is gzip-compressed. */
  public boolean gzip() {
    return gzip;
  }
}
