package org.w3id.grandbargain.kb.vocabulary;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * What the loader and the materialiser need to know of the ontology: its classes and properties by
 * local name, each property's kind, domain and range, the subclass and subproperty closures
 * (including the alignments with external vocabularies), and the controlled values by notation.
 *
 * <pre>{@code
 * OntologyIndex ontology = OntologyIndex.read(Path.of("ontology/grand-bargain.ttl"));
 * PropertySpec when = ontology.property("when").orElseThrow();
 * }</pre>
 */
public final class OntologyIndex {

  /** Whether a property links to resources or to literals. */
  public enum Kind {
    OBJECT,
    DATATYPE
  }

  /**
   * One property of the ontology.
   *
   * @param iri the property
   * @param kind object or datatype property
   * @param domain its declared domain
   * @param range its declared range
   */
  public record PropertySpec(Node iri, Kind kind, Node domain, Node range) {
    /** The property's local name in the ontology namespace. */
    public String localName() {
      return iri.getURI().substring(GB.NS.length());
    }
  }

  private final Graph graph;
  private final Map<String, Node> classes = new TreeMap<>();
  private final Map<String, PropertySpec> properties = new TreeMap<>();
  private final Map<Node, Set<Node>> superClasses = new LinkedHashMap<>();
  private final Map<Node, Set<Node>> superProperties = new LinkedHashMap<>();
  private final Map<Node, Map<String, Node>> conceptsByNotation = new LinkedHashMap<>();
  private final Map<Node, Optional<String>> editorial = new LinkedHashMap<>();

  private OntologyIndex(Graph graph) {
    this.graph = graph;
    index();
  }

  /** Reads and indexes the ontology file; a syntax error becomes a configuration error. */
  public static OntologyIndex read(Path file) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFDataMgr.read(graph, file.toString());
    } catch (RiotException e) {
      throw new ConfigurationException("ontology " + file + ": " + e.getMessage(), e);
    }
    return new OntologyIndex(graph);
  }

  /** Indexes an ontology already in a graph. */
  public static OntologyIndex of(Graph graph) {
    return new OntologyIndex(graph);
  }

  private void index() {
    Node owlClass = OWL.Class.asNode();
    graph
        .find(Node.ANY, RDF.type.asNode(), owlClass)
        .forEachRemaining(
            t -> {
              if (isOwn(t.getSubject())) {
                classes.put(localName(t.getSubject()), t.getSubject());
              }
            });
    indexProperties(OWL.ObjectProperty.asNode(), Kind.OBJECT);
    indexProperties(OWL.DatatypeProperty.asNode(), Kind.DATATYPE);
    graph
        .find(Node.ANY, RDF.type.asNode(), GB.EditorialProperty.asNode())
        .forEachRemaining(
            t -> {
              var reason = graph.find(t.getSubject(), GB.editorialReason.asNode(), Node.ANY);
              editorial.put(
                  t.getSubject(),
                  reason.hasNext()
                      ? Optional.of(reason.next().getObject().getLiteralLexicalForm())
                      : Optional.empty());
            });
    Map<Node, Set<Node>> directSuperClasses = direct(RDFS.subClassOf.asNode());
    addEquivalents(directSuperClasses, OWL.equivalentClass.asNode());
    Map<Node, Set<Node>> directSuperProperties = direct(RDFS.subPropertyOf.asNode());
    addEquivalents(directSuperProperties, OWL.equivalentProperty.asNode());
    for (Node c : directSuperClasses.keySet()) {
      superClasses.put(c, closure(c, directSuperClasses));
    }
    for (Node p : directSuperProperties.keySet()) {
      superProperties.put(p, closure(p, directSuperProperties));
    }
    for (Node conceptClass : classes.values()) {
      if (isSubClassOf(conceptClass, SKOS.Concept.asNode())) {
        Map<String, Node> byNotation = new TreeMap<>();
        graph
            .find(Node.ANY, RDF.type.asNode(), conceptClass)
            .forEachRemaining(
                t ->
                    graph
                        .find(t.getSubject(), SKOS.notation.asNode(), Node.ANY)
                        .forEachRemaining(
                            n ->
                                byNotation.put(
                                    n.getObject().getLiteralLexicalForm(), n.getSubject())));
        conceptsByNotation.put(conceptClass, Collections.unmodifiableMap(byNotation));
      }
    }
  }

  private void indexProperties(Node type, Kind kind) {
    graph
        .find(Node.ANY, RDF.type.asNode(), type)
        .forEachRemaining(
            t -> {
              Node p = t.getSubject();
              if (isOwn(p)) {
                Node domain = single(p, RDFS.domain.asNode());
                Node range = single(p, RDFS.range.asNode());
                properties.put(localName(p), new PropertySpec(p, kind, domain, range));
              }
            });
  }

  private Node single(Node subject, Node predicate) {
    var it = graph.find(subject, predicate, Node.ANY);
    if (!it.hasNext()) {
      throw new ConfigurationException(
          "ontology: " + subject.getURI() + " has no " + predicate.getLocalName());
    }
    Node value = it.next().getObject();
    if (it.hasNext()) {
      throw new ConfigurationException(
          "ontology: " + subject.getURI() + " has more than one " + predicate.getLocalName());
    }
    return value;
  }

  private Map<Node, Set<Node>> direct(Node predicate) {
    Map<Node, Set<Node>> direct = new LinkedHashMap<>();
    graph
        .find(Node.ANY, predicate, Node.ANY)
        .forEachRemaining(
            t ->
                direct
                    .computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>())
                    .add(t.getObject()));
    return direct;
  }

  private void addEquivalents(Map<Node, Set<Node>> direct, Node equivalence) {
    graph
        .find(Node.ANY, equivalence, Node.ANY)
        .forEachRemaining(
            (Triple t) -> {
              direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
              direct.computeIfAbsent(t.getObject(), k -> new LinkedHashSet<>()).add(t.getSubject());
            });
  }

  private static Set<Node> closure(Node start, Map<Node, Set<Node>> direct) {
    Set<Node> seen = new LinkedHashSet<>();
    Deque<Node> todo = new ArrayDeque<>(direct.getOrDefault(start, Set.of()));
    while (!todo.isEmpty()) {
      Node next = todo.pop();
      if (!next.equals(start) && seen.add(next)) {
        todo.addAll(direct.getOrDefault(next, Set.of()));
      }
    }
    return Collections.unmodifiableSet(seen);
  }

  private static boolean isOwn(Node node) {
    return node.isURI() && node.getURI().startsWith(GB.NS);
  }

  private static String localName(Node node) {
    return node.getURI().substring(GB.NS.length());
  }

  /** The ontology's triples. */
  public Graph graph() {
    return graph;
  }

  /** A class of the ontology namespace, by local name. */
  public Optional<Node> ontologyClass(String localName) {
    return Optional.ofNullable(classes.get(localName));
  }

  /** A property of the ontology namespace, by local name. */
  public Optional<PropertySpec> property(String localName) {
    return Optional.ofNullable(properties.get(localName));
  }

  /** Every class of the ontology namespace, by local name, sorted. */
  public Map<String, Node> classes() {
    return Collections.unmodifiableMap(classes);
  }

  /** Every property of the ontology namespace, by local name, sorted. */
  public Map<String, PropertySpec> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** All superclasses of a class, transitively, not including the class itself. */
  public Set<Node> superClassesOf(Node cls) {
    return superClasses.getOrDefault(cls, Set.of());
  }

  /** All superproperties of a property, transitively, not including the property itself. */
  public Set<Node> superPropertiesOf(Node property) {
    return superProperties.getOrDefault(property, Set.of());
  }

  /** Whether {@code cls} is {@code ancestor} or one of its subclasses. */
  public boolean isSubClassOf(Node cls, Node ancestor) {
    return cls.equals(ancestor) || superClassesOf(cls).contains(ancestor);
  }

  /** Whether the class holds controlled values (it is a subclass of skos:Concept). */
  public boolean isConceptClass(Node cls) {
    return conceptsByNotation.containsKey(cls);
  }

  /** The controlled values of a concept class, by notation. */
  public Map<String, Node> conceptsOf(Node conceptClass) {
    return conceptsByNotation.getOrDefault(conceptClass, Map.of());
  }

  /**
   * Whether statements of a property are always the editors' voice (it is a {@code
   * gb:EditorialProperty}), wherever a data file writes them.
   */
  public boolean isEditorial(Node property) {
    return editorial.containsKey(property);
  }

  /**
   * Why the editors make every statement of an editorial property ({@code gb:editorialReason});
   * empty when each statement needs a reason of its own, or the property is not editorial.
   */
  public Optional<String> editorialReason(Node property) {
    return editorial.getOrDefault(property, Optional.empty());
  }

  /** Creates the IRI node of a local name in the ontology namespace. */
  public static Node term(String localName) {
    return NodeFactory.createURI(GB.NS + localName);
  }
}
