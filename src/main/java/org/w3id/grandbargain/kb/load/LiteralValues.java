package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Converts scalar values to literals, by the range the ontology declares for the property: English
 * text for {@code rdf:langString}, checked numbers, durations and dates for the XSD types. Each
 * range has one converter in a table; a value that does not fit names itself in the error.
 */
final class LiteralValues {
  /** The language tag of all text the project writes. */
  static final String LANGUAGE = "en";

  private static final Map<String, BiFunction<String, FieldContext, Node>> BY_RANGE =
      Map.of(
          RDF.langString.getURI(), LiteralValues::english,
          XSDDatatype.XSDstring.getURI(), (text, ctx) -> NodeFactory.createLiteralString(text),
          XSDDatatype.XSDnonNegativeInteger.getURI(), LiteralValues::nonNegativeInteger,
          XSDDatatype.XSDduration.getURI(), LiteralValues::duration,
          XSDDatatype.XSDdate.getURI(), LiteralValues::day,
          RDFS.Literal.getURI(), LiteralValues::dateAtPrecision);

  private LiteralValues() {}

  static Node convert(JsonNode value, Node range, FieldContext ctx) {
    if (!value.isValueNode() || value.isNull()) {
      throw ctx.fail(
          "expected a single value, found " + (value.isNull() ? "nothing" : "a structure"));
    }
    var converter = BY_RANGE.get(range.getURI());
    if (converter == null) {
      throw ctx.fail("the ontology gives the range " + range + ", which data files cannot write");
    }
    return converter.apply(value.asText(), ctx);
  }

  /**
   * The text under a key of a mapping, as written; null if the key is absent or null. Fails if the
   * value is a list or mapping, or blank.
   */
  static String optionalText(JsonNode mapping, String key, FieldContext ctx) {
    JsonNode v = mapping.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw ctx.fail("'" + key + "' must be text, not a " + (v.isArray() ? "list" : "mapping"));
    }
    if (v.asText().isBlank()) {
      throw ctx.fail("'" + key + "' is empty");
    }
    return v.asText();
  }

  static Node english(String text, FieldContext ctx) {
    if (text.isBlank()) {
      throw ctx.fail("empty text");
    }
    return NodeFactory.createLiteralLang(text.strip(), LANGUAGE);
  }

  private static Node nonNegativeInteger(String text, FieldContext ctx) {
    try {
      BigInteger n = new BigInteger(text.strip());
      if (n.signum() < 0) {
        throw ctx.fail("'" + text + "' is negative");
      }
      return NodeFactory.createLiteralDT(n.toString(), XSDDatatype.XSDnonNegativeInteger);
    } catch (NumberFormatException e) {
      throw ctx.fail("'" + text + "' is not a whole number", e);
    }
  }

  private static Node duration(String text, FieldContext ctx) {
    if (!XSDDatatype.XSDduration.isValid(text.strip())) {
      throw ctx.fail("'" + text + "' is not an ISO 8601 duration such as P1Y or P12Y6M");
    }
    return NodeFactory.createLiteralDT(text.strip(), XSDDatatype.XSDduration);
  }

  private static Node day(String text, FieldContext ctx) {
    PartialDate date = date(text, ctx);
    if (date.day() == 0) {
      throw ctx.fail("'" + text + "' is not a full date (YYYY-MM-DD)");
    }
    return date.literal();
  }

  private static Node dateAtPrecision(String text, FieldContext ctx) {
    return date(text, ctx).literal();
  }

  static PartialDate date(String text, FieldContext ctx) {
    try {
      return PartialDate.parse(text);
    } catch (IllegalArgumentException e) {
      throw ctx.fail(e.getMessage(), e);
    }
  }
}
