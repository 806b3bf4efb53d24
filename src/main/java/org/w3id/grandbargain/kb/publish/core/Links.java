package org.w3id.grandbargain.kb.publish.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * How a node is shown on a page: a link to its description on this site (for the knowledge base's
 * resources and graphs, and the ontology's terms), a link to the outside (other IRIs), or text
 * (literals, with their datatype when it says something).
 */
public final class Links {
  /** The IRI of the dataset itself, the subject of its description. */
  public static final String DATASET = GB.BASE + "dataset";

  /** The labels of other vocabularies' terms, from {@code term-labels.ttl}. */
  private static final Map<String, String> TERM_LABELS = termLabels();

  private final Publication publication;
  private final IriSpace space;

  private static Map<String, String> termLabels() {
    Graph graph;
    try (java.io.InputStream in =
        Objects.requireNonNull(
            Links.class.getResourceAsStream("term-labels.ttl"), "term-labels.ttl")) {
      graph = RDFParser.source(in).lang(Lang.TURTLE).toGraph();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> labels = new HashMap<>();
    graph
        .find(Node.ANY, RDFS.label.asNode(), Node.ANY)
        .forEach(t -> labels.put(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm()));
    return Map.copyOf(labels);
  }

  public Links(Publication publication, IriSpace space) {
    this.publication = publication;
    this.space = space;
  }

  /**
   * Whether this site has a page for an IRI (fragment ignored): the knowledge base's resources and
   * graphs, the ontology and its terms, the shapes, the dataset.
   */
  public boolean hasPage(String iri) {
    int hash = iri.indexOf('#');
    String doc = hash < 0 ? iri : iri.substring(0, hash);
    return doc.equals(GB.ONTOLOGY)
        || doc.startsWith(GB.ONTOLOGY + "/")
        || doc.equals(GB.SHAPES.substring(0, GB.SHAPES.length() - 1))
        || doc.equals(DATASET)
        || publication.isResource(doc)
        || publication.isGraph(doc);
  }

  /** The href for an IRI: its page on this site if it has one, otherwise the IRI itself. */
  public String href(String iri) {
    if (hasPage(iri)) {
      return space.docHref(iri);
    }
    if (iri.startsWith("http://") || iri.startsWith("https://")) {
      return iri;
    }
    return null;
  }

  /**
   * The text for an IRI: its label, else the label its vocabulary gives it (for the terms of other
   * vocabularies the data uses), else, for a Wikidata item or DBpedia resource, the dataset and the
   * item's name ({@code Wikidata Q794}, {@code DBpedia Colin Powell}), else a prefixed name, else
   * the IRI.
   */
  public String text(String iri) {
    String label = publication.label(iri);
    if (label != null) {
      return label;
    }
    label = TERM_LABELS.get(iri);
    if (label != null) {
      return label;
    }
    if (iri.startsWith(Prefixes.WIKIDATA)) {
      return "Wikidata " + iri.substring(Prefixes.WIKIDATA.length());
    }
    if (iri.startsWith(Prefixes.DBPEDIA)) {
      return "DBpedia " + iri.substring(Prefixes.DBPEDIA.length()).replace('_', ' ');
    }
    String curie = Prefixes.standard().qnameFor(iri);
    return curie != null ? curie : iri;
  }

  /** A value cell: {@code text}, {@code href} and, for typed literals, {@code datatype}. */
  public Map<String, Object> value(RDFNode node) {
    return value(node.asNode());
  }

  public Map<String, Object> value(Node node) {
    if (node.isURI()) {
      return Pages.map("text", text(node.getURI()), "href", href(node.getURI()));
    }
    if (node.isLiteral()) {
      String dt = node.getLiteralDatatypeURI();
      boolean plain =
          dt == null || dt.equals(XSD.xstring.getURI()) || dt.equals(RDF.langString.getURI());
      return Pages.map("text", node.getLiteralLexicalForm(), "datatype", plain ? null : text(dt));
    }
    return Pages.map("text", "(an anonymous node)");
  }
}
