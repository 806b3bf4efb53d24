package org.w3id.grandbargain.kb.publish.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.publish.core.Links;
import org.w3id.grandbargain.kb.query.Knowledge;

/**
 * The places of the knowledge base as one value: those with coordinates, to be drawn on the map,
 * and those without, to be listed as not mapped, each with what the knowledge base locates at it or
 * says is about it, and who says so.
 *
 * <p>A place's coordinates are those of the Wikidata item or DBpedia resource it is the same as, as
 * the external snapshots hold them with the page they were read on; Wikidata's are taken first. A
 * place whose sources disagree by more than {@link #AGREEMENT} degrees is not mapped: a wrong
 * position is worse than none.
 *
 * <pre>{@code
 * PlaceMap map = PlaceMap.read(site.knowledge(), site.links());
 * map.mapped().forEach(p -> System.out.println(p.label() + " " + p.lat() + "," + p.lon()));
 * }</pre>
 *
 * @param mapped the places with coordinates, by name
 * @param unmapped the places without, by name, each with the reason
 */
public record PlaceMap(List<Place> mapped, List<Place> unmapped) {

  /** How far apart, in degrees of latitude or longitude, two sources of a position may be. */
  public static final double AGREEMENT = 0.1;

  private static final Query PLACES = SparqlResources.query(PlaceMap.class, "map-places.rq");
  private static final Query HAPPENINGS =
      SparqlResources.query(PlaceMap.class, "map-happenings.rq");

  public PlaceMap {
    mapped = List.copyOf(mapped);
    unmapped = List.copyOf(unmapped);
  }

  /**
   * A place.
   *
   * @param id its IRI
   * @param label its name
   * @param href its page
   * @param lat its latitude, or null when it is not mapped
   * @param lon its longitude, or null when it is not mapped
   * @param coordinatesFrom where the coordinates come from (a Wikidata item, a DBpedia resource)
   * @param coordinatesHref that item's address
   * @param reference the page the coordinates were read on
   * @param notMapped why it is not mapped, or null
   * @param happenings what the knowledge base locates at it or says is about it
   */
  public record Place(
      String id,
      String label,
      String href,
      Double lat,
      Double lon,
      String coordinatesFrom,
      String coordinatesHref,
      String reference,
      String notMapped,
      List<Happening> happenings) {
    public Place {
      happenings = List.copyOf(happenings);
    }

    /** For templates: whether anything is located at it or about it. */
    public boolean hasHappenings() {
      return !happenings.isEmpty();
    }
  }

  /**
   * Something located at a place or about it, as one graph states it.
   *
   * @param relation {@code located here}, {@code datelined here} or {@code about this place}
   * @param label the thing's name
   * @param href its page
   * @param says who says so: the claim's speaker, or the editors
   * @param saysHref their page
   * @param how the claim's medium and modality, or that it is the editors' record
   * @param voice {@code source} or {@code editors}
   * @param graphHref the page of the claim or graph that states it
   * @param claimBy when the thing is a claim, its own speaker, or null
   * @param claimByHref their page, or null
   * @param claimHow the claim's medium and modality, or null
   */
  public record Happening(
      String relation,
      String label,
      String href,
      String says,
      String saysHref,
      String how,
      String voice,
      String graphHref,
      String claimBy,
      String claimByHref,
      String claimHow) {}

  /** How a claim is made: its medium, and its modality when it has one. */
  private static String manner(Links links, QuerySolution row, String medium, String modality) {
    String how = links.text(row.getResource(medium).getURI());
    return row.contains(modality)
        ? how + ", " + links.text(row.getResource(modality).getURI())
        : how;
  }

  /** Reads the places through the seam to the knowledge. */
  public static PlaceMap read(Knowledge knowledge, Links links) {
    Map<String, List<Happening>> happenings = new LinkedHashMap<>();
    knowledge.select(
        HAPPENINGS,
        BindingFactory.empty(),
        row -> {
          String voice = row.getLiteral("voice").getString();
          String speaker = row.getResource("speaker").getURI();
          String how =
              voice.equals("source")
                  ? manner(links, row, "medium", "modality")
                  : "the editors' record";
          String claimant = row.contains("claimant") ? row.getResource("claimant").getURI() : null;
          String thing = row.getResource("thing").getURI();
          happenings
              .computeIfAbsent(row.getResource("place").getURI(), k -> new ArrayList<>())
              .add(
                  new Happening(
                      row.getLiteral("relation").getString(),
                      links.text(thing),
                      links.href(thing),
                      links.text(speaker),
                      links.href(speaker),
                      how,
                      voice,
                      links.href(row.getResource("graph").getURI()),
                      claimant == null ? null : links.text(claimant),
                      claimant == null ? null : links.href(claimant),
                      claimant == null
                          ? null
                          : manner(links, row, "claimMedium", "claimModality")));
        });
    Map<String, List<QuerySolution>> rows = new LinkedHashMap<>();
    knowledge.select(
        PLACES,
        BindingFactory.empty(),
        row ->
            rows.computeIfAbsent(row.getResource("place").getURI(), k -> new ArrayList<>())
                .add(row));
    List<Place> mapped = new ArrayList<>();
    List<Place> unmapped = new ArrayList<>();
    rows.forEach(
        (iri, found) -> {
          List<Happening> at = happenings.getOrDefault(iri, List.of());
          QuerySolution first = found.get(0);
          if (!first.contains("lat")) {
            unmapped.add(
                place(
                    iri,
                    links,
                    null,
                    "the knowledge base's snapshots of Wikidata and DBpedia give no coordinates"
                        + " for it",
                    at));
            return;
          }
          double lat = first.getLiteral("lat").getDouble();
          double lon = first.getLiteral("long").getDouble();
          boolean agree =
              found.stream()
                  .allMatch(
                      r ->
                          Math.abs(r.getLiteral("lat").getDouble() - lat) <= AGREEMENT
                              && Math.abs(r.getLiteral("long").getDouble() - lon) <= AGREEMENT);
          if (!agree) {
            unmapped.add(place(iri, links, null, "its sources disagree on where it is", at));
            return;
          }
          mapped.add(place(iri, links, first, null, at));
        });
    java.util.Comparator<Place> byName = java.util.Comparator.comparing(Place::label);
    mapped.sort(byName);
    unmapped.sort(byName);
    return new PlaceMap(mapped, unmapped);
  }

  private static Place place(
      String iri, Links links, QuerySolution at, String notMapped, List<Happening> happenings) {
    if (at == null) {
      return new Place(
          iri,
          links.text(iri),
          links.href(iri),
          null,
          null,
          null,
          null,
          null,
          notMapped,
          happenings);
    }
    String item = at.getResource("item").getURI();
    return new Place(
        iri,
        links.text(iri),
        links.href(iri),
        at.getLiteral("lat").getDouble(),
        at.getLiteral("long").getDouble(),
        source(item),
        item,
        at.getResource("reference").getURI(),
        null,
        happenings);
  }

  /** A linked item as people name it: {@code Wikidata Q61}, {@code DBpedia Geneva}. */
  static String source(String item) {
    String wikidata = "http://www.wikidata.org/entity/";
    String dbpedia = "http://dbpedia.org/resource/";
    if (item.startsWith(wikidata)) {
      return "Wikidata " + item.substring(wikidata.length());
    }
    if (item.startsWith(dbpedia)) {
      return "DBpedia "
          + java.net.URLDecoder.decode(
                  item.substring(dbpedia.length()), java.nio.charset.StandardCharsets.UTF_8)
              .replace('_', ' ');
    }
    return item;
  }
}
