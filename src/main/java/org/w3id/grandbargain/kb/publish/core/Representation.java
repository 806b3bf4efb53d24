package org.w3id.grandbargain.kb.publish.core;

import java.util.Arrays;
import java.util.Optional;
import org.apache.jena.riot.RDFFormat;
import org.w3id.grandbargain.kb.store.RdfSyntax;

/**
 * The representations a described resource is served in, as a table: HTML, or an RDF syntax (its
 * media type, and the suffix of {@code /doc/...ttl} and {@code ?format=ttl}) with the Jena writer
 * that writes it. A description in a format that keeps them has each statement in the graph of the
 * claim that states it or of the editors; the others hold the union. The order is the server's
 * preference when the client accepts several equally.
 */
public enum Representation {
  HTML(null, null),
  TURTLE(RdfSyntax.TURTLE, RDFFormat.TURTLE_PRETTY),
  JSONLD(RdfSyntax.JSONLD, RDFFormat.JSONLD11_PRETTY),
  NTRIPLES(RdfSyntax.NTRIPLES, RDFFormat.NTRIPLES),
  RDFXML(RdfSyntax.RDFXML, RDFFormat.RDFXML_ABBREV),
  TRIG(RdfSyntax.TRIG, RDFFormat.TRIG_PRETTY),
  NQUADS(RdfSyntax.NQUADS, RDFFormat.NQUADS);

  private final RdfSyntax syntax;
  private final RDFFormat format;

  Representation(RdfSyntax syntax, RDFFormat format) {
    this.syntax = syntax;
    this.format = format;
  }

  /** Whether the format keeps named graphs. */
  public boolean quads() {
    return syntax != null && syntax.namedGraphs();
  }

  /** The format's name, for links. */
  public String label() {
    return syntax == null ? "HTML" : syntax.label();
  }

  public String mediaType() {
    return syntax == null ? "text/html" : syntax.mediaType();
  }

  public String suffix() {
    return syntax == null ? "html" : syntax.suffix();
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
    return Arrays.stream(values()).filter(r -> r.suffix().equals(suffix)).findFirst();
  }

  /** The representation with this media type. */
  public static Optional<Representation> byMediaType(String mediaType) {
    return Arrays.stream(values()).filter(r -> r.mediaType().equals(mediaType)).findFirst();
  }

  /** The suffixes, for messages. */
  public static String suffixes() {
    return String.join(", ", Arrays.stream(values()).map(Representation::suffix).toList());
  }
}
