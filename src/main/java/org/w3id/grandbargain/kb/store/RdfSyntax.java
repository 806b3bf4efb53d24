package org.w3id.grandbargain.kb.store;

import org.apache.jena.riot.Lang;

/**
 * The RDF syntaxes the project writes, in one table: media type, file suffix, name, Jena language,
 * and whether the syntax keeps named graphs. The dumps ({@link DumpFormat}) and the served
 * representations (the publish stage's {@code Representation}) are each a use of one of these.
 */
public enum RdfSyntax {
  TURTLE("text/turtle", "ttl", "Turtle", Lang.TURTLE, false),
  NTRIPLES("application/n-triples", "nt", "N-Triples", Lang.NTRIPLES, false),
  TRIG("application/trig", "trig", "TriG", Lang.TRIG, true),
  NQUADS("application/n-quads", "nq", "N-Quads", Lang.NQUADS, true),
  JSONLD("application/ld+json", "jsonld", "JSON-LD", Lang.JSONLD, true),
  RDFXML("application/rdf+xml", "rdf", "RDF/XML", Lang.RDFXML, false);

  private final String mediaType;
  private final String suffix;
  private final String label;
  private final Lang lang;
  private final boolean namedGraphs;

  RdfSyntax(String mediaType, String suffix, String label, Lang lang, boolean namedGraphs) {
    this.mediaType = mediaType;
    this.suffix = suffix;
    this.label = label;
    this.lang = lang;
    this.namedGraphs = namedGraphs;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The file suffix, without the dot. */
  public String suffix() {
    return suffix;
  }

  /** The syntax's name, for people. */
  public String label() {
    return label;
  }

  public Lang lang() {
    return lang;
  }

  /**
   * Whether the syntax keeps named graphs (otherwise what it writes is the union of the graphs).
   */
  public boolean namedGraphs() {
    return namedGraphs;
  }
}
