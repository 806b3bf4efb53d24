package org.w3id.grandbargain.kb.publish;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;

/**
 * The representations a described resource is served in, as a table: media type, file suffix (for
 * {@code /doc/...ttl} and {@code ?format=ttl}), and the Jena writer for RDF ones. The order is the
 * server's preference when the client accepts several equally.
 */
public enum Representation {
  HTML("text/html", "html", null),
  TURTLE("text/turtle", "ttl", RDFFormat.TURTLE_PRETTY),
  JSONLD("application/ld+json", "jsonld", RDFFormat.JSONLD11_PRETTY),
  NTRIPLES("application/n-triples", "nt", RDFFormat.NTRIPLES),
  RDFXML("application/rdf+xml", "rdf", RDFFormat.RDFXML_ABBREV);

  private final String mediaType;
  private final String suffix;
  private final RDFFormat format;

  Representation(String mediaType, String suffix, RDFFormat format) {
    this.mediaType = mediaType;
    this.suffix = suffix;
    this.format = format;
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
