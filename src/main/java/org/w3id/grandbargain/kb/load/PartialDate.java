package org.w3id.grandbargain.kb.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Resource;
import org.w3id.grandbargain.kb.vocabulary.TIME;

/**
 * A calendar date known to the day, the month or the year, written {@code 2003-05-03}, {@code
 * 2003-05} or {@code 2003}. It is never completed with an invented day or month: its bounds are the
 * first and last days it may stand for.
 *
 * @param year the year
 * @param month the month, or 0 when only the year is known
 * @param day the day, or 0 when only the month or year is known
 */
public record PartialDate(int year, int month, int day) {
  private static final Pattern SYNTAX = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  public PartialDate {
    if (month < 0 || month > 12) {
      throw new IllegalArgumentException("month " + month + " is not between 1 and 12");
    }
    if (day != 0 && month == 0) {
      throw new IllegalArgumentException("a day needs a month");
    }
    if (day != 0) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            String.format("%04d-%02d-%02d is not a calendar date", year, month, day), e);
      }
    }
  }

  /**
   * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
   *
   * @throws IllegalArgumentException naming the value when it is not one of those or not a real
   *     date
   */
  public static PartialDate parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    }
    int year = Integer.parseInt(m.group(1));
    int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (m.group(2) != null && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("'" + text + "' is not a date: no month " + month);
    }
    if (m.group(3) != null && day < 1) {
      throw new IllegalArgumentException("'" + text + "' is not a calendar date");
    }
    return new PartialDate(year, month, day);
  }

  /** The OWL-Time unit of the precision. */
  public Resource unit() {
    return day != 0 ? TIME.unitDay : month != 0 ? TIME.unitMonth : TIME.unitYear;
  }

  /** The first day the date may stand for. */
  public LocalDate first() {
    return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
  }

  /** The last day the date may stand for. */
  public LocalDate last() {
    if (day != 0) {
      return LocalDate.of(year, month, day);
    }
    if (month != 0) {
      return YearMonth.of(year, month).atEndOfMonth();
    }
    return LocalDate.of(year, 12, 31);
  }

  /** The date as an XSD literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear. */
  public Node literal() {
    if (day != 0) {
      return NodeFactory.createLiteralDT(toString(), XSDDatatype.XSDdate);
    }
    if (month != 0) {
      return NodeFactory.createLiteralDT(toString(), XSDDatatype.XSDgYearMonth);
    }
    return NodeFactory.createLiteralDT(toString(), XSDDatatype.XSDgYear);
  }

  /** The date in English: {@code 3 May 2003}, {@code May 2003}, {@code 2003}. */
  public String english() {
    String monthName =
        month == 0 ? "" : Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    if (day != 0) {
      return day + " " + monthName + " " + year;
    }
    return month != 0 ? monthName + " " + year : Integer.toString(year);
  }

  @Override
  public String toString() {
    if (day != 0) {
      return String.format("%04d-%02d-%02d", year, month, day);
    }
    return month != 0 ? String.format("%04d-%02d", year, month) : String.format("%04d", year);
  }
}
