package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * Every definition in the corpus, by scope and id, with its minted IRI. References in an article
 * resolve first among the article's own entries, then among the shared ones; an article may not
 * reuse a shared id, and no two definitions in a scope may share an id.
 *
 * <p>IRIs: {@code https://w3id.org/grand-bargain/id/<id>} for shared entries, {@code
 * .../id/<article>/<id>} for an article's entries, and {@code .../id/<article>} for the article
 * itself (the entry whose id is the folder name).
 */
public final class SymbolTable {
  /** The key that names an entry's classes. */
  public static final String TYPE = "type";

  private final Map<String, Symbol> shared = new LinkedHashMap<>();
  private final Map<String, Map<String, Symbol>> articles = new LinkedHashMap<>();
  private final Map<Node, Symbol> byIri = new java.util.HashMap<>();
  private final OntologyIndex ontology;

  private SymbolTable(OntologyIndex ontology) {
    this.ontology = ontology;
  }

  /** Registers every definition of the corpus, including entries written inline in fields. */
  public static SymbolTable build(Corpus corpus, OntologyIndex ontology) {
    SymbolTable table = new SymbolTable(ontology);
    for (Entry entry : corpus.shared()) {
      table.register(entry, table.shared);
    }
    for (var article : corpus.articles().entrySet()) {
      String slug = article.getKey();
      Map<String, Symbol> own = new LinkedHashMap<>();
      table.articles.put(slug, own);
      Symbol clash = table.shared.get(slug);
      if (clash != null) {
        throw new LoadException(
            clash.entry().file(),
            clash.entry().describe(),
            "the shared id '" + slug + "' is also the name of an article folder");
      }
      for (Entry entry : article.getValue()) {
        table.register(entry, own);
      }
    }
    return table;
  }

  private void register(Entry entry, Map<String, Symbol> into) {
    if (!entry.isAddition()) {
      String id = entry.body().get(Entry.ID).asText();
      if (!entry.body().get(Entry.ID).isValueNode() || !Scope.SLUG.matcher(id).matches()) {
        throw new LoadException(
            entry.file(),
            "entry '" + entry.body().get(Entry.ID).asText() + "' (line " + entry.line() + ")",
            "invalid id: use lowercase letters, digits and single hyphens");
      }
      if (entry.body().has(Entry.ABOUT)) {
        throw new LoadException(
            entry.file(), entry.describe(), "an entry has either 'id' or 'about', not both");
      }
      Symbol earlier = into.get(id);
      if (earlier != null) {
        throw new LoadException(
            entry.file(),
            entry.describe(),
            "duplicate id '"
                + id
                + "', already defined in "
                + earlier.entry().file()
                + " (line "
                + earlier.entry().line()
                + ")");
      }
      if (!entry.scope().isShared() && shared.containsKey(id)) {
        Symbol sharedOne = shared.get(id);
        throw new LoadException(
            entry.file(),
            entry.describe(),
            "id '"
                + id
                + "' is already a shared entry ("
                + sharedOne.entry().file()
                + ", line "
                + sharedOne.entry().line()
                + "); refer to it instead of redefining it");
      }
      Symbol symbol = new Symbol(mint(entry.scope(), id), entry, types(entry));
      into.put(id, symbol);
      byIri.put(symbol.iri(), symbol);
    } else if (!entry.body().hasNonNull(Entry.ABOUT)) {
      throw new LoadException(
          entry.file(),
          "item at line " + entry.line(),
          "an entry needs an 'id' (to define something) or 'about' (to add facts to an entry)");
    }
    for (ObjectNode nested : nestedDefinitions(entry.body())) {
      register(entry.nested(nested), into);
    }
  }

  /**
   * The maps with an {@code id}, written as values of this entry's fields, directly or as the
   * {@code value} of an editorial value.
   */
  static List<ObjectNode> nestedDefinitions(ObjectNode body) {
    List<ObjectNode> nested = new ArrayList<>();
    body.properties()
        .forEach(
            field -> {
              JsonNode value = field.getValue();
              if (value.isArray()) {
                value.forEach(v -> addIfDefinition(v, nested));
              } else {
                addIfDefinition(value, nested);
              }
            });
    return nested;
  }

  private static void addIfDefinition(JsonNode value, List<ObjectNode> into) {
    if (value.isObject() && value.has(Entry.ID)) {
      into.add((ObjectNode) value);
    } else if (value.isObject() && value.has(EditorialStatements.VALUE)) {
      addIfDefinition(value.get(EditorialStatements.VALUE), into);
    }
  }

  private List<Node> types(Entry entry) {
    JsonNode type = entry.body().get(TYPE);
    if (type == null || type.isNull()) {
      throw new LoadException(entry.file(), entry.describe(), "missing 'type'");
    }
    List<Node> types = new ArrayList<>();
    for (JsonNode t : type.isArray() ? type : List.of(type)) {
      String name = t.asText();
      Node cls =
          ontology
              .ontologyClass(name)
              .orElseThrow(
                  () ->
                      new LoadException(
                          entry.file(),
                          entry.describe(),
                          "unknown type '" + name + "': not a class of the ontology"));
      types.add(cls);
    }
    return types;
  }

  private static Node mint(Scope scope, String id) {
    if (scope.isShared()) {
      return NodeFactory.createURI(GB.ID + id);
    }
    if (id.equals(scope.article())) {
      return NodeFactory.createURI(GB.ID + id);
    }
    return NodeFactory.createURI(GB.ID + scope.article() + "/" + id);
  }

  /** The definition an id refers to from a scope, or null if there is none. */
  public Symbol resolve(Scope from, String id) {
    if (!from.isShared()) {
      Symbol own = articles.getOrDefault(from.article(), Map.of()).get(id);
      if (own != null) {
        return own;
      }
    }
    return shared.get(id);
  }

  /** The definition that minted an IRI. */
  public java.util.Optional<Symbol> byIri(Node iri) {
    return java.util.Optional.ofNullable(byIri.get(iri));
  }

  /** The name by which messages and generated labels call a definition: its label, name or id. */
  public String displayName(Symbol symbol) {
    for (String key : List.of("label", "name")) {
      JsonNode v = symbol.entry().body().get(key);
      if (v != null && v.isObject()) {
        v = v.get(EditorialStatements.VALUE);
      }
      if (v != null && v.isTextual()) {
        return v.asText().strip();
      }
    }
    return symbol.entry().id();
  }

  /** The shared definitions, by id. */
  public Map<String, Symbol> shared() {
    return Collections.unmodifiableMap(shared);
  }

  /** One article's own definitions, by id. */
  public Map<String, Symbol> article(String slug) {
    return Collections.unmodifiableMap(articles.getOrDefault(slug, Map.of()));
  }
}
