package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.load.EditorialStatements.Support;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.TIME;

/**
 * Converts a time as the source gives it into OWL-Time, keeping its precision, and keeps apart what
 * the source prints from what the editors read into it.
 *
 * <p>Forms accepted in data files:
 *
 * <pre>
 * when: 2003-05-03                              # a day
 * when: {date: 2003-05, qualifier: early}      # early May 2003
 * when: {date: 2003-02, qualifier: by}         # by February 2003: no lower bound
 * when: {from: 2002, to: 2003}                 # an interval, each end a date or a date mapping
 * when: {minimumDuration: P1Y}                 # more than a year, ends unknown
 * when: {date: 2003-10, printedAs: October 1983, reason: "..."}   # the editors' reading of a misprint
 * when: {date: 2003-05-03, qualifier: after, reason: "..."}       # a date the source leaves to the context
 * </pre>
 *
 * <p>An instant becomes a {@code time:Instant} with its position ({@code time:inXSDDate}, {@code
 * time:inXSDgYearMonth} or {@code time:inXSDgYear}), its precision and its qualifier, in the
 * claims' voice; its English label and the bounds it implies ({@code gb:notBefore}/{@code
 * gb:notAfter}) are derived, in the editors' voice. With {@code printedAs} (which needs a {@code
 * reason}) the position is the editors' reading, described by a {@code gb:Reading}, and only the
 * printed form stays the claim's; with a {@code reason} and no {@code printedAs} the source prints
 * no date at all, and the whole time is the editors'. An interval becomes a {@code
 * time:ProperInterval} with its beginning and end. IRIs lie below the subject's: {@code
 * <subject>/<field>}, {@code .../beginning}, {@code .../end}, {@code .../reading}.
 */
final class TimeValues {
  private static final Set<String> INSTANT_KEYS =
      Set.of("date", "qualifier", "printedAs", "reason", "confidence", "evidence", "label");
  private static final Set<String> INTERVAL_KEYS = Set.of("from", "to", "minimumDuration", "label");
  private static final Set<String> END_KEYS = Set.of("date", "qualifier", "label");

  private TimeValues() {}

  /**
   * A converted time.
   *
   * @param node its IRI
   * @param editorsOnly whether the source gives no time at all, so that even the link to it is the
   *     editors'
   */
  record Converted(Node node, boolean editorsOnly) {}

  /** How a time's statements divide between the voices. */
  private enum Mode {
    /** As the source prints it: the structure is the claim's, the derived values the editors'. */
    PRINTED,
    /** The source prints it otherwise: the printed form is the claim's, the rest the editors'. */
    READING,
    /** The source prints no time: all of it is the editors'. */
    CONTEXT
  }

  private record Bounds(Node node, LocalDate notBefore, LocalDate notAfter) {}

  /**
   * Converts one time value, emitting its triples, and returns its IRI.
   *
   * @param readingLabel the label of the reading, should the value be one
   * @param confidences the confidence concepts by notation
   */
  static Converted convert(
      JsonNode value,
      Node iri,
      FieldContext ctx,
      String readingLabel,
      Map<String, Node> confidences) {
    if (value.isValueNode() && !value.isNull()) {
      instant(LiteralValues.date(value.asText(), ctx), null, null, null, iri, Mode.PRINTED, ctx);
      return new Converted(iri, false);
    }
    if (!value.isObject()) {
      throw ctx.fail("expected a date or a mapping with 'date', or 'from'/'to'");
    }
    if (value.has("from") || value.has("to") || value.has("minimumDuration")) {
      ctx.checkKeys(value, INTERVAL_KEYS, "an interval");
      interval(value, iri, ctx);
      return new Converted(iri, false);
    }
    ctx.checkKeys(value, INSTANT_KEYS, "a time");
    if (!value.hasNonNull("date")) {
      throw ctx.fail("a time mapping needs 'date' (or 'from', 'to', 'minimumDuration')");
    }
    String printedAs = LiteralValues.optionalText(value, "printedAs", ctx);
    Support support = EditorialStatements.of(value, ctx, confidences);
    if (printedAs != null && ctx.voices().claimGraphs().isEmpty()) {
      throw ctx.fail(
          "'printedAs' is what a source prints, so it belongs in the graph of a claim, and this"
              + " entry's statements are the editors'; give the date in an article's entry or"
              + " addition whose 'accordingTo' cites the claims that print it");
    }
    if (printedAs != null && support.reason() == null) {
      throw ctx.fail(
          "'printedAs' needs a 'reason': why the editors read '"
              + printedAs
              + "' as "
              + value.get("date").asText());
    }
    if (support.reason() == null && !support.isEmpty()) {
      throw ctx.fail("'confidence' and 'evidence' go with the 'reason' for the editors' reading");
    }
    Mode mode =
        support.reason() == null ? Mode.PRINTED : printedAs != null ? Mode.READING : Mode.CONTEXT;
    PartialDate date = LiteralValues.date(value.get("date").asText(), ctx);
    Node position =
        instant(
            date,
            qualifier(value, ctx),
            printedAs,
            LiteralValues.optionalText(value, "label", ctx),
            iri,
            mode,
            ctx);
    if (mode != Mode.PRINTED) {
      EditorialStatements.describe(
          NodeFactory.createURI(iri.getURI() + "/reading"),
          GB.Reading.asNode(),
          readingLabel,
          iri,
          position,
          date.literal(),
          support,
          ctx);
    }
    return new Converted(iri, mode == Mode.CONTEXT);
  }

  private static DateQualifier qualifier(JsonNode value, FieldContext ctx) {
    String qualifier = LiteralValues.optionalText(value, "qualifier", ctx);
    if (qualifier == null) {
      return null;
    }
    try {
      return DateQualifier.of(qualifier);
    } catch (IllegalArgumentException e) {
      throw ctx.fail(e.getMessage(), e);
    }
  }

  /** Emits an instant and returns the position property used. */
  private static Node instant(
      PartialDate date,
      DateQualifier qualifier,
      String printedAs,
      String label,
      Node iri,
      Mode mode,
      FieldContext ctx) {
    Emitter editors = ctx.voices().editors();
    Emitter claim = mode == Mode.CONTEXT ? editors : ctx.out();
    Emitter structure = mode == Mode.PRINTED ? ctx.out() : editors;
    claim.add(iri, RDF.type.asNode(), TIME.Instant.asNode());
    Node position =
        switch (date.unit().getLocalName()) {
          case "unitDay" -> TIME.inXSDDate.asNode();
          case "unitMonth" -> TIME.inXSDgYearMonth.asNode();
          default -> TIME.inXSDgYear.asNode();
        };
    structure.add(iri, position, date.literal());
    structure.add(iri, GB.precision.asNode(), date.unit().asNode());
    if (qualifier != null) {
      structure.add(iri, GB.qualifier.asNode(), qualifier.concept().asNode());
    }
    if (printedAs != null) {
      claim.add(iri, GB.printedAs.asNode(), NodeFactory.createLiteralString(printedAs));
    }
    String english = qualifier == null ? date.english() : qualifier.english(date);
    editors.add(
        iri, GB.label.asNode(), LiteralValues.english(label == null ? english : label, ctx));
    Bounds bounds = bounds(iri, date, qualifier);
    addBounds(bounds, editors);
    return position;
  }

  private static Bounds bounds(Node iri, PartialDate date, DateQualifier qualifier) {
    return new Bounds(
        iri,
        qualifier == null || qualifier.keepsLowerBound() ? date.first() : null,
        qualifier == null || qualifier.keepsUpperBound() ? date.last() : null);
  }

  private static void addBounds(Bounds bounds, Emitter editors) {
    if (bounds.notBefore() != null) {
      editors.add(bounds.node(), GB.notBefore.asNode(), day(bounds.notBefore()));
    }
    if (bounds.notAfter() != null) {
      editors.add(bounds.node(), GB.notAfter.asNode(), day(bounds.notAfter()));
    }
  }

  private static void interval(JsonNode value, Node iri, FieldContext ctx) {
    Emitter stated = ctx.out();
    stated.add(iri, RDF.type.asNode(), TIME.ProperInterval.asNode());
    Bounds from = null;
    Bounds to = null;
    if (value.has("from")) {
      from = end(value.get("from"), NodeFactory.createURI(iri.getURI() + "/beginning"), ctx);
      stated.add(iri, TIME.hasBeginning.asNode(), from.node());
    }
    if (value.has("to")) {
      to = end(value.get("to"), NodeFactory.createURI(iri.getURI() + "/end"), ctx);
      stated.add(iri, TIME.hasEnd.asNode(), to.node());
    }
    if (from != null
        && to != null
        && from.notBefore() != null
        && to.notAfter() != null
        && to.notAfter().isBefore(from.notBefore())) {
      throw ctx.fail("the interval ends before it begins");
    }
    String minimum = LiteralValues.optionalText(value, "minimumDuration", ctx);
    if (minimum != null) {
      if (!XSDDatatype.XSDduration.isValid(minimum)) {
        throw ctx.fail("'" + minimum + "' is not an ISO 8601 duration such as P1Y");
      }
      stated.add(
          iri,
          GB.minimumDuration.asNode(),
          NodeFactory.createLiteralDT(minimum, XSDDatatype.XSDduration));
    }
    Emitter editors = ctx.voices().editors();
    addBounds(
        new Bounds(iri, from == null ? null : from.notBefore(), to == null ? null : to.notAfter()),
        editors);
    String label = LiteralValues.optionalText(value, "label", ctx);
    if (label == null) {
      label = intervalLabel(value, minimum, ctx);
    }
    editors.add(iri, GB.label.asNode(), LiteralValues.english(label, ctx));
  }

  /** One end of an interval: a date, or a mapping with date, qualifier and label. */
  private static Bounds end(JsonNode value, Node iri, FieldContext ctx) {
    if (value.isValueNode() && !value.isNull()) {
      PartialDate date = LiteralValues.date(value.asText(), ctx);
      instant(date, null, null, null, iri, Mode.PRINTED, ctx);
      return bounds(iri, date, null);
    }
    if (!value.isObject() || value.has("from") || value.has("to")) {
      throw ctx.fail("the ends of an interval must be dates, not intervals");
    }
    ctx.checkKeys(value, END_KEYS, "an end of an interval");
    if (!value.hasNonNull("date")) {
      throw ctx.fail("an end of an interval needs 'date'");
    }
    PartialDate date = LiteralValues.date(value.get("date").asText(), ctx);
    DateQualifier qualifier = qualifier(value, ctx);
    instant(
        date,
        qualifier,
        null,
        LiteralValues.optionalText(value, "label", ctx),
        iri,
        Mode.PRINTED,
        ctx);
    return bounds(iri, date, qualifier);
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

  private static Node day(LocalDate date) {
    return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
  }
}
