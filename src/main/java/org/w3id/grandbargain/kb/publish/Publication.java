package org.w3id.grandbargain.kb.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.query.QueryCatalog;
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
  private static final Query CLAIMANTS = SparqlResources.query(Publication.class, "claimants.rq");
  private static final Query CLASSES =
      SparqlResources.query(Publication.class, "class-partitions.rq");

  /**
   * A resource of the knowledge base, for indexes.
   *
   * @param iri its IRI
   * @param label its label
   * @param classIri its most specific class
   * @param classLabel that class's label
   */
  public record Entry(String iri, String label, String classIri, String classLabel) {}

  private final KnowledgeBase kb;
  private final ReleaseStore store;
  private final QueryCatalog queries;
  private final Model datasetDescription;
  private final Graph ontology;
  private final List<Entry> resources;
  private final java.util.Set<String> resourceIris;
  private final List<String> graphs;
  private final Map<String, String> labels;
  private final Map<String, Long> classCounts;
  private final Map<String, String> claimants;

  private Publication(
      KnowledgeBase kb, ReleaseStore store, QueryCatalog queries, Model datasetDescription) {
    this.kb = kb;
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
    Map<String, String> byClaim = new java.util.HashMap<>();
    select(
        CLAIMANTS,
        s -> byClaim.put(s.getResource("claim").getURI(), s.getResource("claimant").getURI()));
    this.claimants = Map.copyOf(byClaim);
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
    Dataset ds = kb.dataset();
    Txn.executeRead(
        ds,
        () -> {
          try (QueryExecution qe = QueryExecution.dataset(ds).query(query).build()) {
            qe.execSelect().forEachRemaining(row);
          }
        });
  }

  /** Opens the store's current release with the project's queries and dataset description. */
  public static Publication open(ProjectLayout layout, ReleaseStore store) {
    Path description = layout.datasetDescription();
    if (!Files.isRegularFile(description)) {
      throw new ConfigurationException("dataset description not found: " + description);
    }
    Model model = ModelFactory.createDefaultModel();
    RDFDataMgr.read(model, description.toString());
    QueryCatalog catalog = QueryCatalog.read(layout.queries());
    return new Publication(KnowledgeBase.openCurrent(store), store, catalog, model);
  }

  private List<Entry> readResources() {
    Map<String, Entry> byIri = new LinkedHashMap<>();
    Dataset ds = kb.dataset();
    Txn.executeRead(
        ds,
        () -> {
          try (QueryExecution qe =
              QueryExecution.dataset(ds)
                  .query(RESOURCES)
                  .substitution("prefix", ResourceFactory.createStringLiteral(GB.ID))
                  .build()) {
            qe.execSelect()
                .forEachRemaining(
                    (QuerySolution s) -> {
                      String iri = s.getResource("r").getURI();
                      String cls = s.getResource("class").getURI();
                      String clsLabel =
                          s.contains("classLabel")
                              ? s.getLiteral("classLabel").getString()
                              : localName(cls);
                      byIri.putIfAbsent(
                          iri, new Entry(iri, s.getLiteral("label").getString(), cls, clsLabel));
                    });
          }
        });
    return List.copyOf(byIri.values());
  }

  private List<String> readGraphs() {
    List<String> names = new ArrayList<>();
    Txn.executeRead(
        kb.dataset(),
        () ->
            kb.dataset()
                .asDatasetGraph()
                .listGraphNodes()
                .forEachRemaining((Node g) -> names.add(g.getURI())));
    names.sort(null);
    return List.copyOf(names);
  }

  static String localName(String iri) {
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
    return iri.substring(cut + 1);
  }

  public KnowledgeBase kb() {
    return kb;
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

  /** The agent who made a claim, or null if the IRI is not a claim's. */
  public String claimantOf(String claim) {
    return claimants.get(claim);
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
