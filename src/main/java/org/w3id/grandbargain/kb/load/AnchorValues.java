package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * Converts a claim's anchor, {@code {start: 946, end: 1325, sha256: ...}}, into a {@code
 * gb:TextSpan} whose IRI is the RFC 5147 fragment {@code <copy address>#char=946,1325}. Positions
 * count code points from zero, the end excluded; the span must lie within the copy. The optional
 * SHA-256 of the span's characters lets {@code verify-anchors} tell which anchors drifted when the
 * copy changes.
 */
final class AnchorValues {
  /** 64 lowercase hexadecimal digits. */
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final Set<String> KEYS = Set.of("start", "end", "sha256");

  private AnchorValues() {}

  static Node convert(JsonNode value, TextCopy copy, FieldContext ctx) {
    if (!value.isObject()) {
      throw ctx.fail("expected a mapping {start: N, end: N, sha256: ...}");
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw ctx.fail("unknown key '" + key + "' in an anchor; allowed: end, sha256, start");
      }
    }
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
    return span;
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
