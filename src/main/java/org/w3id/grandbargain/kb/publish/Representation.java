package org.w3id.grandbargain.kb.publish;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;

/**
 * The representations a described resource is served in, as a table: media type, file suffix (for
 * {@code /doc/...ttl} and {@code ?format=ttl}), the Jena writer for RDF ones, and whether they keep
 * named graphs. A description in a format that keeps them has each statement in the graph of the
 * claim that states it or of the editors; the others hold the union. The order is the server's
 * preference when the client accepts several equally.
 */
public enum Representation {
  HTML("text/html", "html", null, false, "HTML"),
  TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY, false, "Turtle"),
  JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY, true, "JSON-LD"),
  NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES, false, "N-Triples"),
  RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_ABBREV, false, "RDF/XML"),
  TRIG("application/trig", "trig", RDFFormat.TRIG_PRETTY, true, "TriG"),
  NQUADS("application/n-quads", "nq", RDFFormat.NQUADS, true, "N-Quads");

  private final String mediaType;
  private final String suffix;
  private final RDFFormat format;
  private final boolean quads;
  private final String label;

  Representation(String mediaType, String suffix, RDFFormat format, boolean quads, String label) {
    this.mediaType = mediaType;
    this.suffix = suffix;
    this.format = format;
    this.quads = quads;
    this.label = label;
  }

  /** Whether the format keeps named graphs. */
  public boolean quads() {
    return quads;
  }

  /** The format's name, for links. */
  public String label() {
    return label;
  }

  public String mediaType() {
    return mediaType;
  }

  public String suffix() {
    return suffix;
  }

  /** The Jena writer format; null for HTML. */
  public RDFFormat rdfFormat() {
    return format;
  }

  public boolean isRdf() {
    return format != null;
  }

  /** The representation with this suffix or {@code ?format=} name. */
  public static Optional<Representation> bySuffix(String suffix) {
    return Arrays.stream(values()).filter(r -> r.suffix.equals(suffix)).findFirst();
  }

  /** The representation with this media type. */
  public static Optional<Representation> byMediaType(String mediaType) {
    return Arrays.stream(values()).filter(r -> r.mediaType.equals(mediaType)).findFirst();
  }

  /** The suffixes, for messages. */
  public static String suffixes() {
    return String.join(", ", Arrays.stream(values()).map(Representation::suffix).toList());
  }
}
