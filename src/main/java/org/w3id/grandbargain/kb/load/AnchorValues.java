package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * Converts a claim's anchor, {@code {start: 946, end: 1325, sha256: ..., fragment: [...]}}, into a
 * {@code gb:TextSpan} whose IRI is the RFC 5147 fragment {@code <copy address>#char=946,1325}, with
 * the paragraph it begins in. Positions count code points from zero, the end excluded; the span
 * must lie within the copy. The optional SHA-256 of the span's characters lets {@code
 * verify-anchors} tell which anchors drifted when the copy changes.
 *
 * <p>The claim also gets a passage link that a browser follows to its passage: a text fragment made
 * of the anchor's {@code fragment} (the words the passage begins with and, optionally, those it
 * ends with) or, without one, of the claim's quotation. {@code verify-anchors} checks that it finds
 * the passage.
 */
final class AnchorValues {
  /** 64 lowercase hexadecimal digits. */
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Set<String> KEYS = Set.of("start", "end", "sha256", "fragment");

  private AnchorValues() {}

  static Node convert(JsonNode value, TextCopy copy, FieldContext ctx) {
    if (!value.isObject()) {
      throw ctx.fail("expected a mapping {start: N, end: N, sha256: ...}");
    }
    ctx.checkKeys(value, KEYS, "an anchor");
    long start = position(value, "start", ctx);
    long end = position(value, "end", ctx);
    if (start >= end) {
      throw ctx.fail("the anchor's start (" + start + ") must be before its end (" + end + ")");
    }
    if (end > copy.characterCount()) {
      throw ctx.fail(
          "the anchor "
              + start
              + "-"
              + end
              + " lies outside the text, which has "
              + copy.characterCount()
              + " characters");
    }
    Node span = copy.span(start, end);
    Emitter out = ctx.out();
    out.add(span, RDF.type.asNode(), GB.TextSpan.asNode());
    out.add(
        span,
        GB.label.asNode(),
        NodeFactory.createLiteralLang(
            "characters " + start + " to " + end, LiteralValues.LANGUAGE));
    out.add(span, GB.inCopy.asNode(), copy.iri());
    out.add(span, GB.startChar.asNode(), integer(start));
    out.add(span, GB.endChar.asNode(), integer(end));
    if (value.has("sha256")) {
      String digest = value.get("sha256").asText();
      if (!SHA256.matcher(digest).matches()) {
        throw ctx.fail(
            "the anchor's sha256 '" + digest + "' is not 64 lowercase hexadecimal digits");
      }
      out.add(span, GB.spanSha256.asNode(), NodeFactory.createLiteralString(digest));
    }
    int paragraph = copy.paragraphOf(start);
    if (paragraph > 0) {
      out.add(
          span,
          GB.paragraph.asNode(),
          NodeFactory.createLiteralDT(Integer.toString(paragraph), XSDDatatype.XSDpositiveInteger));
    }
    ctx.out().add(ctx.subject(), GB.passageLink.asNode(), copy.passageLink(fragment(value, ctx)));
    return span;
  }

  /** The anchor's text fragment: its {@code fragment} words, or else the claim's quotation. */
  private static TextFragment fragment(JsonNode value, FieldContext ctx) {
    JsonNode words = value.get("fragment");
    if (words == null) {
      JsonNode quotation = ctx.entry().body().get("quotation");
      if (quotation != null && quotation.isArray() && !quotation.isEmpty()) {
        quotation = quotation.get(0);
      }
      if (quotation == null || !quotation.isTextual() || quotation.asText().isBlank()) {
        throw ctx.fail(
            "the anchor needs 'fragment': the first words of the passage (and its last ones), by"
                + " which a browser finds it, since the claim has no quotation");
      }
      return new TextFragment(quotation.asText().strip(), null);
    }
    if (words.isTextual() && !words.asText().isBlank()) {
      return new TextFragment(words.asText().strip(), null);
    }
    if (words.isArray()
        && (words.size() == 1 || words.size() == 2)
        && words.get(0).isTextual()
        && !words.get(0).asText().isBlank()
        && (words.size() == 1 || (words.get(1).isTextual() && !words.get(1).asText().isBlank()))) {
      return new TextFragment(
          words.get(0).asText().strip(), words.size() == 2 ? words.get(1).asText().strip() : null);
    }
    throw ctx.fail(
        "the anchor's 'fragment' must be the passage's first words, or a list of its first and"
            + " last words");
  }

  private static long position(JsonNode value, String key, FieldContext ctx) {
    JsonNode n = value.get(key);
    if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
      throw ctx.fail("the anchor needs '" + key + "' as a whole number");
    }
    long v = n.asLong();
    if (v < 0) {
      throw ctx.fail("the anchor's " + key + " (" + v + ") is negative");
    }
    return v;
  }

  private static Node integer(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDnonNegativeInteger);
  }
}
