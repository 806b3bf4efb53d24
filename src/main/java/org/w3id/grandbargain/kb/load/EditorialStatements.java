package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;

/**
 * Writes the editorial statements that carry a reason or evidence of their own: identifications,
 * readings, external links, and any editorial value given with its reason. Each is described as an
 * RDF statement in the editorial graph, beside the statement itself, with the editors as its
 * author.
 *
 * <p>The data files give such a value as a mapping:
 *
 * <pre>
 * identifiedAs:
 *   value: tim-guldimann
 *   confidence: identified
 *   reason: The article does not name the ambassador; ...
 *   evidence:
 *     - url: https://en.wikipedia.org/wiki/Tim_Guldimann
 *       retrieved: 2026-12-01
 *       excerpt: "Swiss ambassador to Iran from 1997 to 2004"
 * sameAs:
 *   - value: http://www.wikidata.org/entity/Q207
 *     evidence: {url: https://www.wikidata.org/wiki/Q207, retrieved: 2026-12-01}
 * </pre>
 */
final class EditorialStatements {
  /** The agent every editorial statement is attributed to: the shared entry {@code editors}. */
  static final String EDITORS_ID = "editors";

  static final Node EDITORS = NodeFactory.createURI(GB.ID + EDITORS_ID);

  /** The key of an editorial value given as a mapping that holds the value itself. */
  static final String VALUE = "value";

  /** The keys of an editorial value given as a mapping. */
  static final Set<String> KEYS = Set.of(VALUE, "reason", "evidence", "confidence");

  private static final Set<String> EVIDENCE_KEYS = Set.of("url", "retrieved", "excerpt");

  /**
   * What an editorial value says for itself beyond the value.
   *
   * @param reason the editors' reason, or null
   * @param confidence the confidence concept, or null
   * @param evidence the sources consulted, as given
   */
  record Support(String reason, Node confidence, List<JsonNode> evidence) {
    static final Support NONE = new Support(null, null, List.of());

    boolean isEmpty() {
      return reason == null && confidence == null && evidence.isEmpty();
    }
  }

  private EditorialStatements() {}

  /**
   * Reads the reason, confidence and evidence of a value given as a mapping, checking its keys;
   * {@link Support#NONE} for a plain value.
   */
  static Support support(
      JsonNode value, FieldContext ctx, java.util.Map<String, Node> confidences) {
    if (!value.isObject() || !value.has(VALUE)) {
      return Support.NONE;
    }
    ctx.checkKeys(value, KEYS, "an editorial value");
    return of(value, ctx, confidences);
  }

  /** Reads the reason, confidence and evidence given in a mapping, whatever its other keys. */
  static Support of(JsonNode value, FieldContext ctx, java.util.Map<String, Node> confidences) {
    String reason = LiteralValues.optionalText(value, "reason", ctx);
    Node confidence = null;
    String notation = LiteralValues.optionalText(value, "confidence", ctx);
    if (notation != null) {
      confidence = confidences.get(notation);
      if (confidence == null) {
        throw ctx.fail(
            "unknown confidence '"
                + notation
                + "'; use one of: "
                + String.join(", ", confidences.keySet()));
      }
    }
    List<JsonNode> evidence = new ArrayList<>();
    JsonNode ev = value.get("evidence");
    if (ev != null) {
      if (ev.isArray()) {
        ev.forEach(evidence::add);
      } else {
        evidence.add(ev);
      }
      if (evidence.isEmpty()) {
        throw ctx.fail("'evidence' is an empty list");
      }
    }
    return new Support(reason, confidence, evidence);
  }

  /**
   * Writes the description of one editorial statement {@code (subject, predicate, object)}: its
   * class, label, author, reason, confidence and evidence.
   *
   * @param iri the statement's IRI
   * @param kind its class (a subclass of gb:EditorialStatement)
   * @param label its label
   */
  static void describe(
      Node iri,
      Node kind,
      String label,
      Node subject,
      Node predicate,
      Node object,
      Support support,
      FieldContext ctx) {
    Emitter out = ctx.voices().editors();
    out.add(iri, RDF.type.asNode(), kind);
    out.add(iri, GB.label.asNode(), LiteralValues.english(label, ctx));
    out.add(iri, RDF.subject.asNode(), subject);
    out.add(iri, RDF.predicate.asNode(), predicate);
    out.add(iri, RDF.object.asNode(), object);
    out.add(iri, PROV.wasAttributedTo.asNode(), EDITORS);
    if (support.reason() != null) {
      out.add(iri, GB.reason.asNode(), LiteralValues.english(support.reason(), ctx));
    }
    if (support.confidence() != null) {
      out.add(iri, GB.confidence.asNode(), support.confidence());
    }
    for (int i = 0; i < support.evidence().size(); i++) {
      Node evidence =
          NodeFactory.createURI(
              iri.getURI() + "/evidence" + EntryConverter.nth(i, support.evidence().size()));
      evidence(support.evidence().get(i), evidence, ctx);
      out.add(iri, GB.evidence.asNode(), evidence);
    }
  }

  private static void evidence(JsonNode value, Node iri, FieldContext ctx) {
    if (!value.isObject()) {
      throw ctx.fail("evidence must be a mapping {url: ..., retrieved: YYYY-MM-DD, excerpt: ...}");
    }
    ctx.checkKeys(value, EVIDENCE_KEYS, "evidence");
    if (!value.hasNonNull("url")) {
      throw ctx.fail("evidence needs 'url': the address of the source consulted");
    }
    if (!value.hasNonNull("retrieved")) {
      throw ctx.fail("evidence needs 'retrieved': the day the source was consulted (YYYY-MM-DD)");
    }
    Node url = EntryConverter.externalIri(value.get("url"), ctx);
    PartialDate retrieved = LiteralValues.date(value.get("retrieved").asText(), ctx);
    if (retrieved.day() == 0) {
      throw ctx.fail(
          "evidence 'retrieved' must be a full date (YYYY-MM-DD), not '"
              + value.get("retrieved").asText()
              + "'");
    }
    Emitter out = ctx.voices().editors();
    out.add(iri, RDF.type.asNode(), GB.Evidence.asNode());
    out.add(
        iri,
        GB.label.asNode(),
        LiteralValues.english(url.getURI() + ", retrieved " + retrieved.english(), ctx));
    out.add(iri, GB.referenceUrl.asNode(), url);
    out.add(
        iri,
        GB.retrieved.asNode(),
        NodeFactory.createLiteralDT(retrieved.first().toString(), XSDDatatype.XSDdate));
    String excerpt = LiteralValues.optionalText(value, "excerpt", ctx);
    if (excerpt != null) {
      out.add(iri, GB.excerpt.asNode(), LiteralValues.english(excerpt, ctx));
    }
  }
}
