package org.w3id.grandbargain.kb.publish.timeline;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.publish.core.Attribution;
import org.w3id.grandbargain.kb.publish.core.Attribution.Source;
import org.w3id.grandbargain.kb.publish.core.Attribution.Through;
import org.w3id.grandbargain.kb.publish.core.Links;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.Publication.ClaimInfo;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.TIME;

/**
 * The timeline as a reader sees it: every event and dated proposal, in the order of the named query
 * {@code timeline}, grouped by year and then by month, each with its date at the precision it is
 * given, who states the date (the source, or the editors' reading beside what the article prints)
 * and who states the event.
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(site);
 * timeline.years().forEach(y -> System.out.println(y.heading()));
 * }</pre>
 *
 * @param years the dated entries, by year in order
 * @param undated the entries without a date, last
 * @param count how many entries in all
 * @param dated how many of them have a date
 */
public record Timeline(List<Year> years, List<Item> undated, int count, int dated) {
  private static final Query ATTESTATIONS =
      SparqlResources.query(Timeline.class, "attestations.rq");
  private static final Query READINGS = SparqlResources.query(Timeline.class, "readings.rq");

  /**
   * The entries of one year.
   *
   * @param heading the year
   * @param anchor its fragment identifier
   * @param months its months in order, those whose month is not given first
   */
  public record Year(String heading, String anchor, List<Month> months) {}

  /**
   * The entries of one month, or those of a year whose month is not given.
   *
   * @param heading {@code May 2003}, or {@code 2003, month not given}
   * @param anchor its fragment identifier
   * @param items its entries in date order
   */
  public record Month(String heading, String anchor, List<Item> items) {}

  /**
   * Who states something, as the shared template {@code by} shows it.
   *
   * @param by one attribution per voice and speaker
   */
  public record Voices(List<Attribution> by) {}

  /**
   * One event or dated proposal.
   *
   * @param anchor its fragment identifier on the page
   * @param href its page
   * @param label its label
   * @param type its most specific class
   * @param when the date in words, or null
   * @param datetime the date as a machine reads it ({@code 2003}, {@code 2003-05}, {@code
   *     2003-05-03}), or null
   * @param span the days it may fall on and the precision it is given to, or null
   * @param dateBy who states the date: the source, or the editors with their reason
   * @param reading whether the date is the editors' reading (of a date the article prints otherwise
   *     or leaves to the context)
   * @param printedAs what the article prints instead, or null
   * @param printedBy who prints it
   * @param by who states the event, through which claims and how
   */
  public record Item(
      String anchor,
      String href,
      String label,
      String type,
      String when,
      String datetime,
      String span,
      Voices dateBy,
      boolean reading,
      String printedAs,
      Voices printedBy,
      List<Attribution> by) {}

  /** One row of the named query {@code timeline}, with what it needs of the others. */
  private record Row(
      String event,
      String label,
      String type,
      String when,
      String printedAs,
      boolean byEditors,
      String precision,
      String qualifier,
      LocalDate notBefore,
      LocalDate notAfter) {

    boolean isDated() {
      return notBefore != null || notAfter != null;
    }

    LocalDate bound() {
      return notBefore != null ? notBefore : notAfter;
    }

    /** The month heading's key: 1 to 12, or 0 where the month is not given. */
    int month() {
      boolean toTheMonth =
          TIME.unitMonth.getURI().equals(precision) || TIME.unitDay.getURI().equals(precision);
      return toTheMonth ? bound().getMonthValue() : 0;
    }
  }

  /** A claim through which something is stated, with what its graph holds of the date. */
  private record Attestation(ClaimInfo claim, boolean dates, boolean prints) {}

  /** Reads the timeline of the site's release. */
  public static Timeline of(Site site) {
    Publication publication = site.publication();
    Links links = site.links();
    List<Row> rows = new ArrayList<>();
    Map<String, Row> seen = new LinkedHashMap<>();
    site.knowledge()
        .select(
            publication.queries().get("timeline").query(),
            BindingFactory.empty(),
            s -> {
              Row row = row(s);
              if (seen.putIfAbsent(row.event(), row) == null) {
                rows.add(row);
              }
            });
    Map<String, List<Attestation>> attestations = new LinkedHashMap<>();
    site.knowledge()
        .select(
            ATTESTATIONS,
            BindingFactory.empty(),
            s -> {
              ClaimInfo claim = publication.claim(s.getResource("claim").getURI());
              if (claim != null) {
                attestations
                    .computeIfAbsent(s.getResource("event").getURI(), k -> new ArrayList<>())
                    .add(
                        new Attestation(
                            claim,
                            s.getLiteral("dates").getBoolean(),
                            s.getLiteral("prints").getBoolean()));
              }
            });
    Map<String, List<Attribution>> readings = new LinkedHashMap<>();
    site.knowledge()
        .select(READINGS, BindingFactory.empty(), s -> reading(s, publication, links, readings));

    TreeMap<Integer, TreeMap<Integer, List<Item>>> byYear = new TreeMap<>();
    List<Item> undated = new ArrayList<>();
    for (Row row : rows) {
      List<Attestation> claims = new ArrayList<>(attestations.getOrDefault(row.event(), List.of()));
      claims.sort(
          Comparator.comparingLong((Attestation a) -> a.claim().start())
              .thenComparing(a -> a.claim().iri()));
      Item item = item(row, claims, readings.getOrDefault(row.event(), List.of()), links);
      if (row.isDated()) {
        byYear
            .computeIfAbsent(row.bound().getYear(), y -> new TreeMap<>())
            .computeIfAbsent(
                row.month() * 2 + (row.notBefore() == null && row.month() > 0 ? 1 : 0),
                m -> new ArrayList<>())
            .add(item);
      } else {
        undated.add(item);
      }
    }
    List<Year> years = new ArrayList<>();
    byYear.forEach(
        (year, months) -> {
          List<Month> list = new ArrayList<>();
          // a month's entries, then those known only to come no later than in it
          months.forEach(
              (key, items) -> {
                int month = key / 2;
                boolean upTo = key % 2 == 1;
                list.add(
                    month == 0
                        ? new Month(year + ", month not given", "y" + year + "-00", items)
                        : new Month(
                            (upTo ? "Up to " : "")
                                + monthName(month)
                                + " "
                                + year
                                + (upTo ? ", start not known" : ""),
                            String.format(Locale.ROOT, "y%d-%02d", year, month)
                                + (upTo ? "-up-to" : ""),
                            items));
              });
          years.add(new Year(String.valueOf(year), "y" + year, list));
        });
    return new Timeline(years, undated, rows.size(), rows.size() - undated.size());
  }

  /** Whether any entry is undated, for the template. */
  public boolean hasUndated() {
    return !undated.isEmpty();
  }

  private static Row row(QuerySolution s) {
    return new Row(
        s.getResource("event").getURI(),
        text(s, "label"),
        text(s, "type"),
        text(s, "when"),
        text(s, "printedAs"),
        "editors".equals(text(s, "dateBy")),
        s.contains("precision") ? s.getResource("precision").getURI() : null,
        text(s, "qualifier"),
        day(s, "notBefore"),
        day(s, "notAfter"));
  }

  private static void reading(
      QuerySolution s,
      Publication publication,
      Links links,
      Map<String, List<Attribution>> readings) {
    String agent = publication.editorsOf(s.getResource("graph").getURI());
    if (agent == null) {
      return;
    }
    List<Source> sources = new ArrayList<>();
    if (s.contains("url")) {
      sources.add(
          new Source(s.getResource("url").getURI(), text(s, "retrieved"), text(s, "excerpt")));
    }
    Attribution.merge(
        readings.computeIfAbsent(s.getResource("event").getURI(), k -> new ArrayList<>()),
        new Attribution(
            "editors",
            links.text(agent),
            links.href(agent),
            List.of(),
            text(s, "reason"),
            null,
            s.contains("confidence") ? links.text(s.getResource("confidence").getURI()) : null,
            sources));
  }

  private static Item item(
      Row row, List<Attestation> claims, List<Attribution> readings, Links links) {
    List<Attribution> by = new ArrayList<>();
    List<Attribution> dateBy = new ArrayList<>();
    List<Attribution> printedBy = new ArrayList<>();
    for (Attestation a : claims) {
      Attribution said = said(a.claim(), links);
      Attribution.merge(by, said);
      if (a.dates() && !row.byEditors()) {
        Attribution.merge(dateBy, said);
      }
      if (a.prints()) {
        Attribution.merge(printedBy, said);
      }
    }
    if (row.byEditors()) {
      readings.forEach(r -> Attribution.merge(dateBy, r));
    }
    return new Item(
        anchor(row.event()),
        links.href(row.event()),
        row.label(),
        row.type(),
        row.when(),
        datetime(row),
        span(row),
        row.when() == null ? null : new Voices(dateBy),
        row.byEditors(),
        row.printedAs(),
        new Voices(printedBy),
        by);
  }

  /** An entry's fragment identifier: its IRI below the namespace, unique across articles. */
  private static String anchor(String iri) {
    return iri.startsWith(GB.ID)
        ? iri.substring(GB.ID.length()).replace('/', '-')
        : Publication.localName(iri);
  }

  private static Attribution said(ClaimInfo c, Links links) {
    return Attribution.source(
        c.claimantLabel(),
        links.href(c.claimant()),
        new Through(links.href(c.iri()), c.label(), c.medium(), c.modality()));
  }

  /** The date for machines, at its precision: a year, a month or a day. */
  private static String datetime(Row row) {
    if (!row.isDated() || row.precision() == null) {
      return null;
    }
    LocalDate d = row.bound();
    if (row.precision().equals(TIME.unitDay.getURI())) {
      return d.toString();
    }
    if (row.precision().equals(TIME.unitMonth.getURI())) {
      return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
    }
    return String.format(Locale.ROOT, "%04d", d.getYear());
  }

  /**
   * The days a date may fall on and the precision it is given to: {@code 1–31 May 2003, given to
   * the month, early in it}; {@code by 28 February 2003, no start known, given to the month}.
   */
  private static String span(Row row) {
    if (!row.isDated()) {
      return row.when() == null ? null : "no dates known";
    }
    List<String> parts = new ArrayList<>();
    if (row.notBefore() == null || !row.notBefore().equals(row.notAfter())) {
      parts.add(range(row.notBefore(), row.notAfter())); // a single day needs no range
    }
    String unit = unit(row.precision());
    boolean open = row.notBefore() == null || row.notAfter() == null;
    parts.add(
        unit == null ? "an interval" : (open ? "its bound given to the " : "given to the ") + unit);
    if (row.qualifier() != null && unit != null) {
      switch (row.qualifier()) {
        case "early" -> parts.add("early in the " + unit);
        case "mid" -> parts.add("in the middle of the " + unit);
        case "late" -> parts.add("late in the " + unit);
        default -> {}
      }
    }
    return String.join(", ", parts);
  }

  private static String unit(String precision) {
    if (precision == null) {
      return null;
    }
    if (precision.equals(TIME.unitDay.getURI())) {
      return "day";
    }
    if (precision.equals(TIME.unitMonth.getURI())) {
      return "month";
    }
    return precision.equals(TIME.unitYear.getURI()) ? "year" : null;
  }

  /** The days between two bounds, either of which may be unknown. */
  private static String range(LocalDate from, LocalDate to) {
    if (from != null && to != null) {
      if (from.equals(to)) {
        return day(from);
      }
      if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
        return from.getDayOfMonth() + "–" + day(to);
      }
      if (from.getYear() == to.getYear()) {
        return from.getDayOfMonth() + " " + monthName(from.getMonthValue()) + " – " + day(to);
      }
      return day(from) + " – " + day(to);
    }
    if (to != null) {
      return "by " + day(to) + ", no start known";
    }
    return "from " + day(from) + ", no end known";
  }

  private static String day(LocalDate d) {
    return d.getDayOfMonth() + " " + monthName(d.getMonthValue()) + " " + d.getYear();
  }

  private static String monthName(int month) {
    return java.time.Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String text(QuerySolution s, String var) {
    RDFNode n = s.get(var);
    if (n == null) {
      return null;
    }
    return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
  }

  private static LocalDate day(QuerySolution s, String var) {
    String lexical = text(s, var);
    return lexical == null ? null : LocalDate.parse(lexical);
  }
}
