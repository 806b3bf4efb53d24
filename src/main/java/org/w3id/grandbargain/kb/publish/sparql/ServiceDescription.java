package org.w3id.grandbargain.kb.publish.sparql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.w3id.grandbargain.kb.publish.core.Assets;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.IriSpace;
import org.w3id.grandbargain.kb.publish.core.Links;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Representation;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;

/**
 * The SPARQL 1.1 Service Description of the endpoint, answered to a GET without a query: the
 * supported language and result formats, the union default graph, the named graphs; or, to a
 * browser, a page with a query form and example questions, which its script turns into a query
 * editor (YASGUI) preloaded with the named queries. A browser that follows a link to a query
 * ({@code /kb/sparql?query=...}, without {@code format}) gets that page with the query in the
 * editor; a program, which asks for a result format or for anything, gets the answer.
 */
public final class ServiceDescription {
  static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  private static final String FORMATS = "http://www.w3.org/ns/formats/";

  private static final String EXAMPLE =
      """
      PREFIX gb: <https://w3id.org/grand-bargain/ontology#>
      PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

      # Who blocked what, according to whom?
      SELECT ?who ?what ?speaker
      WHERE {
        GRAPH ?claim { ?w gb:blocked ?x }
        ?claim gb:claimant/rdfs:label ?speaker .
        ?w rdfs:label ?who .
        ?x rdfs:label ?what .
      }
      """;

  private static final org.apache.jena.query.Query GRAPH_SIZES =
      org.w3id.grandbargain.kb.SparqlResources.query(ServiceDescription.class, "graph-sizes.rq");

  private final Site site;
  private final Map<String, Long> graphSizes;

  ServiceDescription(Site site) {
    this.site = site;
    Map<String, Long> sizes = new java.util.TreeMap<>();
    site.publication()
        .knowledge()
        .select(
            GRAPH_SIZES,
            org.apache.jena.sparql.engine.binding.BindingFactory.empty(),
            row ->
                sizes.put(row.getResource("g").getURI(), row.getLiteral("statements").getLong()));
    this.graphSizes = Map.copyOf(sizes);
  }

  /** The parameters by which a request names the answer's format, which a page never answers. */
  private static final List<String> FORMAT_PARAMETERS = List.of("format", "output", "results");

  /**
   * The media types of the endpoint's answers, before HTML: a request that accepts one of them as
   * much as HTML (any {@code *}{@code /*}) gets the answer.
   */
  private static final List<String> ANSWER_TYPES =
      java.util.stream.Stream.concat(
              EditorData.RESULT_FORMATS.stream().map(EditorData.Format::mediaType),
              java.util.stream.Stream.of(
                  "application/json",
                  "application/xml",
                  "text/plain",
                  Representation.TURTLE.mediaType(),
                  Representation.JSONLD.mediaType(),
                  Representation.NTRIPLES.mediaType(),
                  Representation.RDFXML.mediaType()))
          .toList();

  /**
   * Whether a request with a query is a browser following a link to it: it names no format and
   * prefers HTML to every format an answer comes in.
   */
  static boolean wantsPage(HttpServletRequest request) {
    for (String p : FORMAT_PARAMETERS) {
      if (request.getParameter(p) != null) {
        return false;
      }
    }
    List<String> offers = new ArrayList<>(ANSWER_TYPES);
    offers.add(Representation.HTML.mediaType());
    try {
      return Representation.HTML.mediaType().equals(HttpSupport.negotiate(request, offers));
    } catch (HttpError noneAcceptable) {
      return false;
    }
  }

  void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
    respond(request, response, null);
  }

  /**
   * Answers the description, or the page; {@code query} is the query a link brought to the page's
   * editor (null for none).
   */
  void respond(HttpServletRequest request, HttpServletResponse response, String query)
      throws IOException {
    Representation rep;
    try {
      rep = query != null ? Representation.HTML : pick(request);
    } catch (HttpError e) {
      HttpSupport.send(response, e.status, "text/plain", e.getMessage() + "\n");
      return;
    }
    // the endpoint's validators may have said so already; Fuseki's response tracker warns of a
    // header added to one it has not seen
    if (response.getHeaders("Vary").isEmpty()) {
      response.setHeader("Vary", "Accept");
    } else if (response.getHeaders("Vary").stream()
        .flatMap(v -> java.util.Arrays.stream(v.split(",")))
        .noneMatch(v -> v.strip().equalsIgnoreCase("Accept"))) {
      response.addHeader("Vary", "Accept");
    }
    String endpoint = site.siteUrl(request) + "kb/sparql";
    if (site.notModified(
        request,
        response,
        3600,
        "sd|" + rep + "|" + endpoint + (query == null ? "" : "|" + query))) {
      return;
    }
    if (rep.isRdf()) {
      SiteServlet.sendRdf(response, describe(endpoint).getGraph(), rep);
      return;
    }
    List<Map<String, Object>> examples = new ArrayList<>();
    for (var q : site.publication().queries().all().values()) {
      if (q.parameters().isEmpty()) {
        examples.add(
            Pages.map(
                "href",
                "/kb/sparql?query=" + IriSpace.encodeQuery(q.text()) + "&format=json",
                "label",
                q.summary()));
      }
    }
    HttpSupport.send(
        response,
        200,
        "text/html",
        site.pages()
            .render(
                "sparql",
                Pages.map(
                    "title",
                    "SPARQL endpoint",
                    "endpoint",
                    endpoint,
                    "timeout",
                    site.settings().queryTimeout().toSeconds(),
                    "maxRows",
                    site.settings().maxResultRows(),
                    "limits",
                    limits(site.settings()),
                    "example",
                    query != null ? query : EXAMPLE,
                    "editorData",
                    EditorData.json(endpoint, site.publication().queries().all().values(), query),
                    "yasguiScript",
                    Assets.library("zazuko__yasgui", "build/yasgui.min.js"),
                    "yasguiStyle",
                    Assets.library("zazuko__yasgui", "build/yasgui.min.css"),
                    "editorScript",
                    Assets.site("editor.js"),
                    "editorStyle",
                    Assets.site("editor.css"),
                    "examples",
                    examples,
                    "alternates",
                    SiteServlet.formats("/kb/sparql", false).stream()
                        .map(
                            m ->
                                Pages.map(
                                    "href",
                                    ((String) m.get("href")).replace("?format=", "?sd="),
                                    "type",
                                    m.get("type")))
                        .toList())));
  }

  /** SD offers RDF first: a client that does not say gets Turtle; a browser asks for HTML. */
  private static Representation pick(HttpServletRequest request) {
    String sd = request.getParameter("sd");
    if (sd != null) {
      return Representation.bySuffix(sd)
          .orElseThrow(
              () ->
                  new HttpError(
                      400, "unknown format '" + sd + "'; use one of " + Representation.suffixes()));
    }
    String chosen =
        HttpSupport.negotiate(
            request,
            List.of(
                Representation.TURTLE.mediaType(),
                Representation.JSONLD.mediaType(),
                Representation.NTRIPLES.mediaType(),
                Representation.RDFXML.mediaType(),
                Representation.HTML.mediaType()));
    return Representation.byMediaType(chosen).orElseThrow();
  }

  /** The limits every query of the endpoint is held to, in words, for the page and the RDF. */
  static List<String> limits(ServerSettings settings) {
    var policy = settings.queryPolicy();
    var admission = settings.admission();
    var services = policy.services().endpoints();
    return List.of(
        "A query runs at most "
            + policy.timeout().toSeconds()
            + " s (a request may ask for less with timeout=); one that runs out answers 503 without Retry-After.",
        "An answer holds at most "
            + policy.maxRows()
            + " rows or triples; a query with a longer answer is refused with 400 (page it with LIMIT and OFFSET), never cut short.",
        "Query text is at most "
            + policy.maxQueryLength()
            + " characters, OFFSET at most "
            + policy.maxOffset()
            + ", and a string a query builds at most "
            + policy.maxStringLength()
            + " characters; past them, 400.",
        services.isEmpty()
            ? "SERVICE calls no endpoint."
            : "SERVICE calls only "
                + String.join(", ", services.stream().map(e -> e.iri().toString()).toList())
                + ", each call at most "
                + policy.services().timeout().toSeconds()
                + " s and "
                + policy.services().maxRows()
                + " rows.",
        "At most "
            + admission.maxQueries()
            + " query requests run at once and "
            + admission.maxWaitingQueries()
            + " wait, each at most "
            + admission.maxWait().toSeconds()
            + " s; past them, 503 with Retry-After.",
        "One client runs at most "
            + admission.perClientQueries()
            + " query requests at once and sends at most "
            + admission.perClientRate()
            + " a second; past either, 429 with Retry-After.",
        "A request body is at most "
            + admission.maxRequestBytes()
            + " bytes (413), its request line and headers at most "
            + admission.maxHeaderBytes()
            + " bytes (431).");
  }

  Model describe(String endpoint) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("sd", SD);
    m.setNsPrefix("void", VOID.NS);
    m.setNsPrefix("dcterms", DCTerms.NS);
    Resource service = m.createResource(endpoint);
    Property p = m.createProperty(SD, "endpoint");
    service.addProperty(RDF.type, m.createResource(SD + "Service"));
    service.addProperty(p, service);
    service.addProperty(
        m.createProperty(SD, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"));
    service.addProperty(
        m.createProperty(SD, "feature"), m.createResource(SD + "UnionDefaultGraph"));
    for (String f :
        List.of(
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "JSON-LD",
            "N-Triples",
            "RDF_XML")) {
      service.addProperty(m.createProperty(SD, "resultFormat"), m.createResource(FORMATS + f));
    }
    service.addProperty(
        DCTerms.title, m.createLiteral("Grand Bargain KB SPARQL endpoint (read-only)", "en"));
    service.addProperty(
        DCTerms.description, m.createLiteral(String.join(" ", limits(site.settings())), "en"));
    Resource dataset = m.createResource(endpoint + "#dataset");
    service.addProperty(m.createProperty(SD, "defaultDataset"), dataset);
    dataset.addProperty(RDF.type, m.createResource(SD + "Dataset"));
    dataset.addProperty(m.createProperty(DCTerms.NS, "source"), m.createResource(Links.DATASET));
    Resource defaultGraph = m.createResource(endpoint + "#default-graph");
    dataset.addProperty(m.createProperty(SD, "defaultGraph"), defaultGraph);
    defaultGraph.addProperty(RDF.type, m.createResource(SD + "Graph"));
    defaultGraph.addLiteral(VOID.triples, site.publication().release().triples());
    int i = 0;
    for (var e : graphSizes.entrySet()) {
      i++;
      Resource named = m.createResource(endpoint + "#named-graph-" + i);
      dataset.addProperty(m.createProperty(SD, "namedGraph"), named);
      named.addProperty(RDF.type, m.createResource(SD + "NamedGraph"));
      named.addProperty(m.createProperty(SD, "name"), m.createResource(e.getKey()));
      Resource g = m.createResource(endpoint + "#graph-" + i);
      named.addProperty(m.createProperty(SD, "graph"), g);
      g.addProperty(RDF.type, m.createResource(SD + "Graph"));
      g.addLiteral(VOID.triples, e.getValue().longValue());
    }
    return m;
  }
}
