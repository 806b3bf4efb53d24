package org.w3id.grandbargain.kb.publish.network;

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
 * The network of the knowledge base as one value: its nodes (the agents, proposals, channels,
 * policies, events and documents at either end of an edge) and its edges, one for each relation
 * between two of them and each claim that states it, with who says so and how.
 *
 * <pre>{@code
 * Network network = Network.read(site.knowledge(), site.links());
 * network.edges().forEach(e -> System.out.println(e.from() + " " + e.relation() + " " + e.to()));
 * }</pre>
 *
 * @param nodes the nodes, in the order they first appear in the article
 * @param edges the edges, in the order their claims stand in the article
 * @param relations the relations, each with how many edges it has, in a fixed order
 * @param speakers who says so, each with how many edges they state, by name
 */
public record Network(
    List<Node> nodes, List<Edge> edges, List<Count> relations, List<Count> speakers) {

  /** The relations, in the order the filters list them. */
  public static final List<String> RELATIONS =
      List.of(
          "proposed",
          "transmitted",
          "rebuked",
          "negotiated",
          "favoured",
          "opposed",
          "sought to block",
          "blocked");

  private static final Query EDGES = SparqlResources.query(Network.class, "network-edges.rq");

  public Network {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    relations = List.copyOf(relations);
    speakers = List.copyOf(speakers);
  }

  /**
   * A node.
   *
   * @param id its IRI
   * @param label its name
   * @param kind person, organisation, grouping, proposal, channel, policy, event or document
   * @param href its page
   */
  public record Node(String id, String label, String kind, String href) {}

  /**
   * An edge, as one claim states it.
   *
   * @param id a short id, unique in the network
   * @param relation what {@code from} did to {@code to}: one of {@link #RELATIONS}
   * @param from the IRI of the node it starts from
   * @param to the IRI of the node it ends at
   * @param fromLabel the first node's name
   * @param toLabel the second node's name
   * @param fromHref the first node's page
   * @param toHref the second node's page
   * @param speaker who says so: the claim's speaker
   * @param speakerId the speaker's IRI
   * @param speakerHref the speaker's page
   * @param medium how it reached the article (remarks to the publisher, an e-mail…)
   * @param modality how firmly it is said (asserted, conjecture, second-hand), or null
   * @param manner medium and modality together, as the pages print them
   * @param style {@code asserted}, {@code conjecture} or {@code secondhand}: how the edge is drawn
   * @param claimHref the page of the claim
   * @param event the event the edge is read from, or null
   * @param eventHref that event's page, or null
   */
  public record Edge(
      String id,
      String relation,
      String from,
      String to,
      String fromLabel,
      String toLabel,
      String fromHref,
      String toHref,
      String speaker,
      String speakerId,
      String speakerHref,
      String medium,
      String modality,
      String manner,
      String style,
      String claimHref,
      String event,
      String eventHref) {}

  /**
   * A name with how many edges have it.
   *
   * @param id the value filters use: a relation's name or a speaker's IRI
   * @param label what people read
   * @param count how many edges
   */
  public record Count(String id, String label, long count) {}

  /** Reads the network through the seam to the knowledge. */
  public static Network read(Knowledge knowledge, Links links) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    knowledge.select(
        EDGES,
        BindingFactory.empty(),
        row -> {
          Node from = node(nodes, links, row, "from");
          Node to = node(nodes, links, row, "to");
          String speaker = row.getResource("speaker").getURI();
          String medium = links.text(row.getResource("medium").getURI());
          String modality =
              row.contains("modality") ? links.text(row.getResource("modality").getURI()) : null;
          String style =
              row.contains("modalityKey") ? row.getLiteral("modalityKey").getString() : "asserted";
          String event = row.contains("event") ? row.getResource("event").getURI() : null;
          edges.add(
              new Edge(
                  "e" + (edges.size() + 1),
                  row.getLiteral("relation").getString(),
                  from.id(),
                  to.id(),
                  from.label(),
                  to.label(),
                  from.href(),
                  to.href(),
                  links.text(speaker),
                  speaker,
                  links.href(speaker),
                  medium,
                  modality,
                  modality == null ? medium : medium + ", " + modality,
                  style,
                  links.href(row.getResource("claim").getURI()),
                  event == null ? null : links.text(event),
                  event == null ? null : links.href(event)));
        });
    List<Count> relations = new ArrayList<>();
    for (String r : RELATIONS) {
      long n = edges.stream().filter(e -> e.relation().equals(r)).count();
      if (n > 0) {
        relations.add(new Count(r, r, n));
      }
    }
    Map<String, Count> speakers = new LinkedHashMap<>();
    edges.stream()
        .sorted(java.util.Comparator.comparing(Edge::speaker))
        .forEach(
            e ->
                speakers.merge(
                    e.speakerId(),
                    new Count(e.speakerId(), e.speaker(), 1),
                    (a, b) -> new Count(a.id(), a.label(), a.count() + 1)));
    return new Network(
        List.copyOf(nodes.values()), edges, relations, List.copyOf(speakers.values()));
  }

  private static Node node(Map<String, Node> nodes, Links links, QuerySolution row, String end) {
    String iri = row.getResource(end).getURI();
    String kind = row.getLiteral(end + "Kind").getString();
    return nodes.computeIfAbsent(iri, i -> new Node(i, links.text(i), kind, links.href(i)));
  }

  /**
   * The same network cut to the edges of some relations and some speakers (an empty set keeps all),
   * with the nodes those edges join; the counts stay those of the whole.
   */
  public Network only(java.util.Set<String> relations, java.util.Set<String> speakers) {
    List<Edge> kept =
        edges.stream()
            .filter(e -> relations.isEmpty() || relations.contains(e.relation()))
            .filter(e -> speakers.isEmpty() || speakers.contains(e.speakerId()))
            .toList();
    List<Node> joined =
        nodes.stream()
            .filter(
                n -> kept.stream().anyMatch(e -> e.from().equals(n.id()) || e.to().equals(n.id())))
            .toList();
    return new Network(joined, kept, this.relations, this.speakers);
  }
}
