package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.TIME;

/**
 * Converts a time as the source gives it into OWL-Time, keeping its precision.
 *
 * <p>Forms accepted in data files:
 *
 * <pre>
 * when: 2003-05-03                              # a day
 * when: {date: 2003-05, qualifier: early}      # early May 2003
 * when: {date: 2003-02, qualifier: by}         # by February 2003: no lower bound
 * when: {from: 2002, to: 2003}                 # an interval, each end a date or a date mapping
 * when: {minimumDuration: P1Y}                 # more than a year, ends unknown
 * when: {date: 2003-10, printedAs: "...", note: "..."}   # a date printed otherwise in the source
 * </pre>
 *
 * <p>An instant becomes a {@code time:Instant} with its position ({@code time:inXSDDate}, {@code
 * time:inXSDgYearMonth} or {@code time:inXSDgYear}), its precision, its qualifier and the bounds
 * {@code gb:notBefore}/{@code gb:notAfter} it implies; an interval becomes a {@code
 * time:ProperInterval} with its beginning and end. Each gets a label in English and an IRI below
 * the subject's: {@code <subject>/<field>}, {@code .../beginning}, {@code .../end}.
 */
final class TimeValues {
  private static final Set<String> INSTANT_KEYS =
      Set.of("date", "qualifier", "printedAs", "note", "label");
  private static final Set<String> INTERVAL_KEYS =
      Set.of("from", "to", "minimumDuration", "note", "label");

  private TimeValues() {}

  /** Converts one time value, emitting its triples, and returns its IRI. */
  static Node convert(JsonNode value, Node iri, FieldContext ctx) {
    return convert(value, iri, ctx, true).node();
  }

  private record Converted(Node node, LocalDate notBefore, LocalDate notAfter) {}

  private static Converted convert(JsonNode value, Node iri, FieldContext ctx, boolean top) {
    if (value.isValueNode() && !value.isNull()) {
      return instant(LiteralValues.date(value.asText(), ctx), null, null, null, null, iri, ctx);
    }
    if (!value.isObject()) {
      throw ctx.fail("expected a date or a mapping with 'date', or 'from'/'to'");
    }
    boolean interval = value.has("from") || value.has("to") || value.has("minimumDuration");
    if (interval && !top) {
      throw ctx.fail("the ends of an interval must be dates, not intervals");
    }
    checkKeys(value, interval ? INTERVAL_KEYS : INSTANT_KEYS, ctx);
    if (interval) {
      return interval(value, iri, ctx);
    }
    if (!value.hasNonNull("date")) {
      throw ctx.fail("a time mapping needs 'date' (or 'from', 'to', 'minimumDuration')");
    }
    DateQualifier qualifier = null;
    if (value.hasNonNull("qualifier")) {
      try {
        qualifier = DateQualifier.of(value.get("qualifier").asText());
      } catch (IllegalArgumentException e) {
        throw ctx.fail(e.getMessage(), e);
      }
    }
    return instant(
        LiteralValues.date(value.get("date").asText(), ctx),
        qualifier,
        text(value, "printedAs"),
        text(value, "note"),
        text(value, "label"),
        iri,
        ctx);
  }

  private static Converted instant(
      PartialDate date,
      DateQualifier qualifier,
      String printedAs,
      String note,
      String label,
      Node iri,
      FieldContext ctx) {
    Emitter out = ctx.out();
    out.add(iri, RDF.type.asNode(), TIME.Instant.asNode());
    String english = qualifier == null ? date.english() : qualifier.english(date);
    out.add(iri, GB.label.asNode(), LiteralValues.english(label == null ? english : label, ctx));
    Node position =
        switch (date.unit().getLocalName()) {
          case "unitDay" -> TIME.inXSDDate.asNode();
          case "unitMonth" -> TIME.inXSDgYearMonth.asNode();
          default -> TIME.inXSDgYear.asNode();
        };
    out.add(iri, position, date.literal());
    out.add(iri, GB.precision.asNode(), date.unit().asNode());
    LocalDate notBefore = null;
    LocalDate notAfter = null;
    if (qualifier != null) {
      out.add(iri, GB.qualifier.asNode(), qualifier.concept().asNode());
    }
    if (qualifier == null || qualifier.keepsLowerBound()) {
      notBefore = date.first();
      out.add(iri, GB.notBefore.asNode(), day(notBefore));
    }
    if (qualifier == null || qualifier.keepsUpperBound()) {
      notAfter = date.last();
      out.add(iri, GB.notAfter.asNode(), day(notAfter));
    }
    if (printedAs != null) {
      out.add(iri, GB.printedAs.asNode(), NodeFactory.createLiteralString(printedAs));
    }
    if (note != null) {
      out.add(iri, SKOS.editorialNote.asNode(), LiteralValues.english(note, ctx));
    }
    return new Converted(iri, notBefore, notAfter);
  }

  private static Converted interval(JsonNode value, Node iri, FieldContext ctx) {
    Emitter out = ctx.out();
    out.add(iri, RDF.type.asNode(), TIME.ProperInterval.asNode());
    Converted from = null;
    Converted to = null;
    if (value.has("from")) {
      from =
          convert(
              value.get("from"), NodeFactory.createURI(iri.getURI() + "/beginning"), ctx, false);
      out.add(iri, TIME.hasBeginning.asNode(), from.node());
    }
    if (value.has("to")) {
      to = convert(value.get("to"), NodeFactory.createURI(iri.getURI() + "/end"), ctx, false);
      out.add(iri, TIME.hasEnd.asNode(), to.node());
    }
    if (from != null
        && to != null
        && from.notBefore() != null
        && to.notAfter() != null
        && to.notAfter().isBefore(from.notBefore())) {
      throw ctx.fail("the interval ends before it begins");
    }
    String minimum = text(value, "minimumDuration");
    if (minimum != null) {
      if (!XSDDatatype.XSDduration.isValid(minimum)) {
        throw ctx.fail("'" + minimum + "' is not an ISO 8601 duration such as P1Y");
      }
      out.add(
          iri,
          GB.minimumDuration.asNode(),
          NodeFactory.createLiteralDT(minimum, XSDDatatype.XSDduration));
    }
    LocalDate notBefore = from == null ? null : from.notBefore();
    LocalDate notAfter = to == null ? null : to.notAfter();
    if (notBefore != null) {
      out.add(iri, GB.notBefore.asNode(), day(notBefore));
    }
    if (notAfter != null) {
      out.add(iri, GB.notAfter.asNode(), day(notAfter));
    }
    String label = text(value, "label");
    if (label == null) {
      label = intervalLabel(value, minimum, ctx);
    }
    out.add(iri, GB.label.asNode(), LiteralValues.english(label, ctx));
    String note = text(value, "note");
    if (note != null) {
      out.add(iri, SKOS.editorialNote.asNode(), LiteralValues.english(note, ctx));
    }
    return new Converted(iri, notBefore, notAfter);
  }

  private static String intervalLabel(JsonNode value, String minimum, FieldContext ctx) {
    String from = value.has("from") ? endLabel(value.get("from"), ctx) : null;
    String to = value.has("to") ? endLabel(value.get("to"), ctx) : null;
    String span;
    if (from != null && to != null) {
      span = from + " to " + to;
    } else if (from != null) {
      span = "from " + from;
    } else if (to != null) {
      span = "until " + to;
    } else {
      span = null;
    }
    String length = minimum == null ? null : "lasting at least " + durationEnglish(minimum);
    if (span == null) {
      return length;
    }
    return length == null ? span : span + ", " + length;
  }

  private static String endLabel(JsonNode end, FieldContext ctx) {
    if (end.isValueNode()) {
      return LiteralValues.date(end.asText(), ctx).english();
    }
    if (end.hasNonNull("label")) {
      return end.get("label").asText();
    }
    PartialDate date = LiteralValues.date(end.path("date").asText(), ctx);
    return end.hasNonNull("qualifier")
        ? DateQualifier.of(end.get("qualifier").asText()).english(date)
        : date.english();
  }

  /**
   * An ISO 8601 duration of years, months and days in English: {@code P12Y6M}: 12 years 6 months.
   */
  static String durationEnglish(String iso) {
    var m = java.util.regex.Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?").matcher(iso);
    if (!m.matches()) {
      return iso;
    }
    StringBuilder sb = new StringBuilder();
    String[] units = {"year", "month", "day"};
    for (int i = 0; i < 3; i++) {
      String n = m.group(i + 1);
      if (n != null) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(n).append(' ').append(units[i]).append(n.equals("1") ? "" : "s");
      }
    }
    return sb.length() == 0 ? iso : sb.toString();
  }

  private static void checkKeys(JsonNode value, Set<String> allowed, FieldContext ctx) {
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw ctx.fail(
            "unknown key '"
                + key
                + "' in a time; allowed here: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode value, String key) {
    return value.hasNonNull(key) ? value.get(key).asText() : null;
  }

  private static Node day(LocalDate date) {
    return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
  }
}
