package org.w3id.grandbargain.kb.publish.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.query.DatasetKnowledge;
import org.w3id.grandbargain.kb.query.Knowledge;
import org.w3id.grandbargain.kb.query.QueryCatalog;
import org.w3id.grandbargain.kb.query.QueryPolicy;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.store.ReleaseStore;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * What the server publishes: the open current release, its ontology and shapes, the named queries,
 * the dataset's own description, and what the pages list (every resource with its label and class),
 * read once when the server starts. Close it to release the TDB2 store.
 */
public final class Publication implements AutoCloseable {
  private static final Query RESOURCES = SparqlResources.query(Publication.class, "resources.rq");
  private static final Query LABELS = SparqlResources.query(Publication.class, "labels.rq");
  private static final Query CLAIMS = SparqlResources.query(Publication.class, "claims.rq");
  private static final Query EDITORIAL_GRAPHS =
      SparqlResources.query(Publication.class, "editorial-graphs.rq");
  private static final Query CLAIM_RECORDS =
      SparqlResources.query(Publication.class, "claim-records.rq");
  private static final Query DERIVED_GRAPHS =
      SparqlResources.query(Publication.class, "derived-graphs.rq");
  private static final Query IDENTIFIED = SparqlResources.query(Publication.class, "identified.rq");
  private static final Query LABEL_STATEMENTS =
      SparqlResources.query(Publication.class, "label-statements.rq");
  private static final Query CLASSES =
      SparqlResources.query(Publication.class, "class-partitions.rq");
  private static final Query GRAPHS = SparqlResources.query(Publication.class, "graphs.rq");

  /**
   * The policy of the publication's own reads when it opens (what the pages list, read once): the
   * offline policy, with time for the largest corpus.
   */
  private static final QueryPolicy OPENING =
      QueryPolicy.offline().withTimeout(Duration.ofMinutes(10));

  /**
   * A resource of the knowledge base, for indexes.
   *
   * @param iri its IRI
   * @param label its label
   * @param classIri its most specific class
   * @param classLabel that class's label
   */
  public record Entry(String iri, String label, String classIri, String classLabel) {}

  /**
   * A claim, as pages show who makes it.
   *
   * @param iri the claim, which is also the name of the graph of what it states
   * @param label what it says, in the editors' words
   * @param article the article that reports it
   * @param claimant who makes it
   * @param claimantLabel their name
   * @param medium how it reached the article (an e-mail, remarks, a court record, ...)
   * @param modality how firmly it is made (asserted, a conjecture, second-hand), or null
   * @param start where in the article it begins
   * @param paragraph the paragraph of the article it is in, or 0
   * @param passage the link a browser follows to its passage, or null
   */
  public record ClaimInfo(
      String iri,
      String label,
      String article,
      String claimant,
      String claimantLabel,
      String medium,
      String modality,
      long start,
      int paragraph,
      String passage) {}

  /**
   * An identification of the editors, as a page shows it beside what the source describes.
   *
   * @param iri the entity the editors identify the described one as
   * @param confidence how firmly: identified or probable
   */
  public record Identified(String iri, String confidence, String graph, String statement) {}

  private static final org.apache.jena.rdf.model.Resource PROV_DERIVED =
      ResourceFactory.createResource(
          org.w3id.grandbargain.kb.vocabulary.PROV.wasDerivedFrom.getURI());
  private static final org.apache.jena.rdf.model.Resource PROV_ATTRIBUTED =
      ResourceFactory.createResource(
          org.w3id.grandbargain.kb.vocabulary.PROV.wasAttributedTo.getURI());

  private final KnowledgeBase kb;
  private final Knowledge knowledge;
  private final ReleaseStore store;
  private final QueryCatalog queries;
  private final Model datasetDescription;
  private final Graph ontology;
  private final List<Entry> resources;
  private final java.util.Set<String> resourceIris;
  private final List<String> graphs;
  private final Map<String, String> labels;
  private final Map<String, Long> classCounts;
  private final Map<String, ClaimInfo> claims;
  private final Map<String, List<Identified>> identifications;
  private final Map<String, String> editorialGraphs;
  private final Map<String, List<org.apache.jena.sparql.core.Quad>> editorialGraphDescriptions;
  private final Map<String, List<org.apache.jena.sparql.core.Quad>> claimRecords;
  private final Map<String, String> derivedFrom;
  private final Map<String, List<org.apache.jena.sparql.core.Quad>> derivedGraphDescriptions;
  private final Map<String, List<org.apache.jena.sparql.core.Quad>> labelStatements;
  private final org.w3id.grandbargain.kb.vocabulary.OntologyIndex ontologyIndex;

  private Publication(
      KnowledgeBase kb, ReleaseStore store, QueryCatalog queries, Model datasetDescription) {
    this.kb = kb;
    this.knowledge = new DatasetKnowledge(kb, OPENING);
    this.store = store;
    this.queries = queries;
    this.datasetDescription = datasetDescription;
    this.ontology =
        RDFDataMgr.loadGraph(
            kb.release().file("ontology/" + ProjectLayout.ONTOLOGY_FILE).toString());
    this.resources = readResources();
    this.resourceIris = java.util.Set.copyOf(resources.stream().map(Entry::iri).toList());
    this.graphs = readGraphs();
    this.labels = readLabels();
    this.classCounts = readClassCounts();
    this.ontologyIndex = org.w3id.grandbargain.kb.vocabulary.OntologyIndex.of(ontology);
    Map<String, ClaimInfo> byClaim = new LinkedHashMap<>();
    select(
        CLAIMS,
        s ->
            byClaim.put(
                s.getResource("claim").getURI(),
                new ClaimInfo(
                    s.getResource("claim").getURI(),
                    s.getLiteral("label").getString(),
                    s.getResource("article").getURI(),
                    s.getResource("claimant").getURI(),
                    s.getLiteral("claimantLabel").getString(),
                    s.getLiteral("medium").getString(),
                    s.contains("modality") ? s.getLiteral("modality").getString() : null,
                    s.getLiteral("start").getLong(),
                    s.contains("paragraph") ? s.getLiteral("paragraph").getInt() : 0,
                    s.contains("passage") ? s.getResource("passage").getURI() : null)));
    this.claims = java.util.Collections.unmodifiableMap(byClaim);
    Map<String, List<Identified>> identified = new LinkedHashMap<>();
    select(
        IDENTIFIED,
        s ->
            identified
                .computeIfAbsent(s.getResource("described").getURI(), k -> new ArrayList<>())
                .add(
                    new Identified(
                        s.getResource("identified").getURI(),
                        s.getLiteral("confidence").getString(),
                        s.getResource("graph").getURI(),
                        s.getResource("statement").getURI())));
    this.identifications = Map.copyOf(identified);
    this.editorialGraphDescriptions =
        quadsBy(EDITORIAL_GRAPHS, "graph", "graph", "graph", "p", "o");
    this.editorialGraphs = objectsOf(editorialGraphDescriptions, PROV_ATTRIBUTED);
    this.claimRecords = quadsBy(CLAIM_RECORDS, "claim", "g", "s", "p", "o");
    this.derivedGraphDescriptions = quadsBy(DERIVED_GRAPHS, "graph", "in", "graph", "p", "o");
    this.derivedFrom = objectsOf(derivedGraphDescriptions, PROV_DERIVED);
    this.labelStatements = quadsBy(LABEL_STATEMENTS, "x", "g", "x", "p", "label");
  }

  /**
   * The rows of a query as quads, grouped by the IRI in one of its variables, in the order of the
   * rows.
   *
   * @param key the variable that groups the rows
   * @param g the variable of the quad's graph, then those of its subject, predicate and object
   */
  private Map<String, List<org.apache.jena.sparql.core.Quad>> quadsBy(
      Query query, String key, String g, String s, String p, String o) {
    Map<String, List<org.apache.jena.sparql.core.Quad>> by = new LinkedHashMap<>();
    select(
        query,
        row ->
            by.computeIfAbsent(row.getResource(key).getURI(), k -> new ArrayList<>())
                .add(
                    org.apache.jena.sparql.core.Quad.create(
                        row.get(g).asNode(),
                        row.get(s).asNode(),
                        row.get(p).asNode(),
                        row.get(o).asNode())));
    by.replaceAll((k, quads) -> List.copyOf(quads));
    return java.util.Collections.unmodifiableMap(by);
  }

  /** For each group of quads, the IRI object of its quad with a predicate, where it has one. */
  private static Map<String, String> objectsOf(
      Map<String, List<org.apache.jena.sparql.core.Quad>> quads,
      org.apache.jena.rdf.model.Resource predicate) {
    Map<String, String> objects = new LinkedHashMap<>();
    quads.forEach(
        (k, list) ->
            list.stream()
                .filter(q -> q.getPredicate().getURI().equals(predicate.getURI()))
                .findFirst()
                .ifPresent(q -> objects.put(k, q.getObject().getURI())));
    return java.util.Collections.unmodifiableMap(objects);
  }

  private Map<String, String> readLabels() {
    Map<String, String> map = new java.util.HashMap<>();
    select(
        LABELS,
        s -> {
          if (s.get("x").isURIResource()) {
            map.putIfAbsent(s.getResource("x").getURI(), s.getLiteral("label").getString());
          }
        });
    return Map.copyOf(map);
  }

  private Map<String, Long> readClassCounts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    select(
        CLASSES,
        s -> counts.put(s.getResource("class").getURI(), s.getLiteral("entities").getLong()));
    return java.util.Collections.unmodifiableMap(counts);
  }

  private void select(Query query, java.util.function.Consumer<QuerySolution> row) {
    knowledge.select(query, BindingFactory.empty(), row);
  }

  /**
   * Opens the store's current release with the named queries and the dataset description it holds
   * (its own copies, made when it was built, not the working tree's).
   */
  public static Publication open(ProjectLayout layout, ReleaseStore store) {
    KnowledgeBase kb = KnowledgeBase.openCurrent(store);
    try {
      var release = kb.release();
      Path description = release.file(ReleaseStore.DATASET_DESCRIPTION);
      Path queries = release.file(ReleaseStore.QUERIES_DIR);
      if (!Files.isDirectory(queries)) {
        throw new org.w3id.grandbargain.kb.store.StoreDamagedException(
            "release "
                + release.id()
                + " holds no copy of its named queries; run 'build' to publish a fresh release");
      }
      if (!Files.isRegularFile(description)) {
        throw new org.w3id.grandbargain.kb.ConfigurationException(
            "release "
                + release.id()
                + " has no dataset description: its first data folder had no dataset.ttl");
      }
      Model model = ModelFactory.createDefaultModel();
      RDFDataMgr.read(model, description.toString());
      QueryCatalog catalog = QueryCatalog.read(queries);
      return new Publication(kb, store, catalog, model);
    } catch (RuntimeException e) {
      kb.close();
      throw e;
    }
  }

  private List<Entry> readResources() {
    Map<String, Entry> byIri = new LinkedHashMap<>();
    knowledge.select(
        RESOURCES,
        BindingFactory.binding(Var.alloc("prefix"), NodeFactory.createLiteralString(GB.ID)),
        (QuerySolution s) -> {
          String iri = s.getResource("r").getURI();
          String cls = s.getResource("class").getURI();
          String clsLabel =
              s.contains("classLabel") ? s.getLiteral("classLabel").getString() : localName(cls);
          byIri.putIfAbsent(iri, new Entry(iri, s.getLiteral("label").getString(), cls, clsLabel));
        });
    return List.copyOf(byIri.values());
  }

  private List<String> readGraphs() {
    List<String> names = new ArrayList<>();
    select(GRAPHS, s -> names.add(s.getResource("g").getURI()));
    names.sort(null);
    return List.copyOf(names);
  }

  public static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(cut + 1);
  }

  public KnowledgeBase kb() {
    return kb;
  }

  /**
   * The knowledge of the release, through the one seam that reads it, under the policy of its
   * opening reads; {@link Knowledge#withPolicy} gives it the server's.
   */
  public Knowledge knowledge() {
    return knowledge;
  }

  public Release release() {
    return kb.release();
  }

  public ReleaseStore store() {
    return store;
  }

  public QueryCatalog queries() {
    return queries;
  }

  /** The curated description of the dataset (data/dataset.ttl). */
  public Model datasetDescription() {
    return datasetDescription;
  }

  /** The ontology the release was built with. */
  public Graph ontology() {
    return ontology;
  }

  /**
   * Every resource the knowledge base mints (under {@code id/}), sorted by class label and label.
   */
  public List<Entry> resources() {
    return resources;
  }

  /** The IRIs of the named graphs, sorted. */
  public List<String> graphs() {
    return graphs;
  }

  /** Whether an IRI of the namespace is a resource of the knowledge base. */
  public boolean isResource(String iri) {
    return resourceIris.contains(iri);
  }

  /** The label of any IRI that has one in the knowledge base (ontology terms included). */
  public String label(String iri) {
    return labels.get(iri);
  }

  /** A claim, or null if the IRI is not a claim's. */
  public ClaimInfo claim(String iri) {
    return claims.get(iri);
  }

  /** Whom the editors identify what a source describes as; empty when they identify no one. */
  public List<Identified> identifications(String iri) {
    return identifications.getOrDefault(iri, List.of());
  }

  /** Every claim, by IRI. */
  public Map<String, ClaimInfo> claims() {
    return claims;
  }

  /** The agent an editorial graph is attributed to, or null if the IRI is not one. */
  public String editorsOf(String graph) {
    return editorialGraphs.get(graph);
  }

  /** How an editorial graph describes itself, in itself. */
  public List<org.apache.jena.sparql.core.Quad> editorialGraphDescription(String graph) {
    return editorialGraphDescriptions.getOrDefault(graph, List.of());
  }

  /**
   * The graph whose statements entail those of a derived graph, or null if the IRI names no derived
   * graph.
   */
  public String derivedFrom(String graph) {
    return derivedFrom.get(graph);
  }

  /** How the editors describe a derived graph, in the graph that holds the description. */
  public List<org.apache.jena.sparql.core.Quad> derivedGraphDescription(String graph) {
    return derivedGraphDescriptions.getOrDefault(graph, List.of());
  }

  /** What an editorial graph holds, as it says of itself (its description), or null. */
  public String editorialGraphPurpose(String graph) {
    return editorialGraphDescription(graph).stream()
        .filter(
            q -> q.getPredicate().equals(org.apache.jena.vocabulary.DCTerms.description.asNode()))
        .map(q -> q.getObject().getLiteralLexicalForm())
        .findFirst()
        .orElse(null);
  }

  /** The editors' record of a claim and of its anchor, each statement in its graph. */
  public List<org.apache.jena.sparql.core.Quad> claimRecord(String claim) {
    return claimRecords.getOrDefault(claim, List.of());
  }

  /** The statements that give a resource its label or name, each in the graph that holds it. */
  public List<org.apache.jena.sparql.core.Quad> labelStatements(String iri) {
    return labelStatements.getOrDefault(iri, List.of());
  }

  /** The ontology the release was built with, indexed: closures, editorial properties. */
  public org.w3id.grandbargain.kb.vocabulary.OntologyIndex ontologyIndex() {
    return ontologyIndex;
  }

  /** Instances per class (every class, the ontology's and the aligned vocabularies'). */
  public Map<String, Long> classCounts() {
    return classCounts;
  }

  /** Whether an IRI names a graph of the knowledge base. */
  public boolean isGraph(String iri) {
    return graphs.contains(iri);
  }

  @Override
  public void close() {
    kb.close();
  }

  @Override
  public String toString() {
    return "Publication[" + Objects.toString(kb.release().id()) + "]";
  }
}
