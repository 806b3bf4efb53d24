package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex.Kind;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex.PropertySpec;
import org.w3id.grandbargain.kb.vocabulary.TIME;

/**
 * Turns entries into quads. A field's key is a property of the ontology (by local name) or one of a
 * few standard keys; the property's kind and range, read from the ontology, choose the value
 * converter: references, controlled values, times, anchors or literals.
 *
 * <p>Where the quads go: shared entries into the shared graph; an article's entry into the graph of
 * each claim listed in its {@code accordingTo}; claims, documents and text copies, which are the
 * record of provenance itself, into the article's graph.
 */
final class EntryConverter {
  /** The key listing the claims that state an entry's facts. */
  static final String ACCORDING_TO = "accordingTo";

  private static final Set<String> STRUCTURAL =
      Set.of(Entry.ID, Entry.ABOUT, SymbolTable.TYPE, ACCORDING_TO);

  /** Keys for terms of other vocabularies, with the property each writes. */
  private record StandardKey(Node property, boolean text) {}

  private static final Map<String, StandardKey> STANDARD_KEYS =
      Map.of(
          "description", new StandardKey(DCTerms.description.asNode(), true),
          "altLabel", new StandardKey(SKOS.altLabel.asNode(), true),
          "note", new StandardKey(SKOS.editorialNote.asNode(), true),
          "sameAs", new StandardKey(OWL.sameAs.asNode(), false));

  /** Classes whose entries may stand in an article without a claim: the provenance record. */
  private static final List<Node> SELF_ATTESTED =
      List.of(GB.Claim.asNode(), GB.Document.asNode(), GB.TextCopy.asNode());

  private final OntologyIndex ontology;
  private final SymbolTable symbols;
  private final DatasetGraph out;
  private final Map<String, TextCopy> copies = new HashMap<>();

  EntryConverter(OntologyIndex ontology, SymbolTable symbols, DatasetGraph out) {
    this.ontology = ontology;
    this.symbols = symbols;
    this.out = out;
  }

  /** Converts a top-level entry of a data file. */
  void convert(Entry entry) {
    convert(entry, null);
  }

  private Node convert(Entry entry, List<Node> inheritedGraphs) {
    Symbol symbol = subject(entry);
    Node subject = symbol.iri();
    Emitter emitter = new Emitter(out, graphs(entry, symbol, inheritedGraphs));
    if (!entry.isAddition()) {
      for (Node type : symbol.types()) {
        emitter.add(subject, RDF.type.asNode(), type);
      }
    }
    entry
        .body()
        .properties()
        .forEach(
            field -> {
              if (!STRUCTURAL.contains(field.getKey())) {
                FieldContext ctx = new FieldContext(entry, subject, field.getKey(), emitter);
                convertField(field.getValue(), symbol, ctx);
              }
            });
    return subject;
  }

  private Symbol subject(Entry entry) {
    if (!entry.isAddition()) {
      return symbols.resolve(entry.scope(), entry.id());
    }
    JsonNode about = entry.body().get(Entry.ABOUT);
    if (!about.isTextual()) {
      throw new LoadException(entry.file(), entry.describe(), "'about' must be an id");
    }
    Symbol target = symbols.resolve(entry.scope(), about.asText());
    if (target == null) {
      throw new LoadException(
          entry.file(), entry.describe(), "unknown reference '" + about.asText() + "' in 'about'");
    }
    return target;
  }

  private List<Node> graphs(Entry entry, Symbol symbol, List<Node> inherited) {
    JsonNode according = entry.body().get(ACCORDING_TO);
    Scope scope = entry.scope();
    if (scope.isShared()) {
      if (according != null) {
        throw new LoadException(
            entry.file(),
            entry.describe(),
            "'accordingTo' is for an article's entries; shared entries hold no claims");
      }
      return List.of(Graphs.SHARED);
    }
    if (according != null) {
      List<Node> graphs = new ArrayList<>();
      for (JsonNode claimId : according.isArray() ? according : List.of(according)) {
        Symbol claim = symbols.article(scope.article()).get(claimId.asText());
        if (claim == null) {
          throw new LoadException(
              entry.file(),
              entry.describe(),
              "field 'accordingTo': unknown claim '" + claimId.asText() + "' in this article");
        }
        if (claim.types().stream().noneMatch(t -> ontology.isSubClassOf(t, GB.Claim.asNode()))) {
          throw new LoadException(
              entry.file(),
              entry.describe(),
              "field 'accordingTo': '" + claimId.asText() + "' is not a Claim");
        }
        if (!graphs.contains(claim.iri())) {
          graphs.add(claim.iri());
        }
      }
      if (graphs.isEmpty()) {
        throw new LoadException(
            entry.file(), entry.describe(), "field 'accordingTo': no claim given");
      }
      return graphs;
    }
    if (inherited != null) {
      return inherited;
    }
    boolean selfAttested =
        !entry.isAddition()
            && symbol.types().stream()
                .anyMatch(t -> SELF_ATTESTED.stream().anyMatch(c -> ontology.isSubClassOf(t, c)));
    if (!selfAttested) {
      throw new LoadException(
          entry.file(),
          entry.describe(),
          "needs 'accordingTo': the claims of the article that state these facts");
    }
    return List.of(Graphs.article(scope.article()));
  }

  private void convertField(JsonNode value, Symbol subject, FieldContext ctx) {
    StandardKey standard = STANDARD_KEYS.get(ctx.field());
    PropertySpec spec = standard != null ? null : ontology.property(ctx.field()).orElse(null);
    if (standard == null && spec == null) {
      throw ctx.fail("unknown field: neither a property of the ontology nor a standard key");
    }
    if (spec != null) {
      checkDomain(spec, subject, ctx);
    }
    List<JsonNode> values = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(values::add);
      if (values.isEmpty()) {
        throw ctx.fail("empty list");
      }
    } else {
      values.add(value);
    }
    for (int i = 0; i < values.size(); i++) {
      JsonNode v = values.get(i);
      Node predicate = standard != null ? standard.property() : spec.iri();
      Node object;
      if (standard != null) {
        object = standard.text() ? text(v, ctx) : externalIri(v, ctx);
      } else if (spec.kind() == Kind.DATATYPE) {
        object = LiteralValues.convert(v, spec.range(), ctx);
      } else {
        object = objectValue(v, spec, i, values.size(), ctx);
      }
      ctx.out().add(ctx.subject(), predicate, object);
    }
  }

  private void checkDomain(PropertySpec spec, Symbol subject, FieldContext ctx) {
    Node domain = spec.domain();
    if (domain.equals(OWL.Thing.asNode())) {
      return;
    }
    if (subject.types().stream().noneMatch(t -> ontology.isSubClassOf(t, domain))) {
      throw ctx.fail("does not apply to " + names(subject.types()) + "; it is for " + name(domain));
    }
  }

  private Node objectValue(JsonNode v, PropertySpec spec, int index, int count, FieldContext ctx) {
    Node range = spec.range();
    if (range.equals(TIME.TemporalEntity.asNode())) {
      String suffix = count > 1 ? "-" + (index + 1) : "";
      Node iri = NodeFactory.createURI(ctx.subject().getURI() + "/" + ctx.field() + suffix);
      return TimeValues.convert(v, iri, ctx);
    }
    if (range.equals(GB.TextSpan.asNode())) {
      return AnchorValues.convert(v, copyFor(ctx), ctx);
    }
    if (ontology.isConceptClass(range)) {
      return concept(v, range, ctx);
    }
    if (v.isObject()) {
      if (!v.has(Entry.ID)) {
        throw ctx.fail("an entry written inline needs an 'id'");
      }
      Node nested = convert(ctx.entry().nested((ObjectNode) v), ctx.out().graphs());
      checkRange(symbols.resolve(ctx.entry().scope(), v.get(Entry.ID).asText()), range, ctx);
      return nested;
    }
    if (!v.isTextual()) {
      throw ctx.fail("expected an id or an IRI, found '" + v.asText() + "'");
    }
    String text = v.asText();
    if (text.contains(":")) {
      return externalIri(v, ctx);
    }
    Symbol target = symbols.resolve(ctx.entry().scope(), text);
    if (target == null) {
      throw ctx.fail("unknown reference '" + text + "'");
    }
    checkRange(target, range, ctx);
    return target.iri();
  }

  private void checkRange(Symbol target, Node range, FieldContext ctx) {
    if (range.equals(OWL.Thing.asNode()) || !range.getURI().startsWith(GB.NS)) {
      return;
    }
    if (target.types().stream().noneMatch(t -> ontology.isSubClassOf(t, range))) {
      throw ctx.fail(
          "'"
              + target.entry().id()
              + "' is "
              + names(target.types())
              + ", but this field expects "
              + name(range));
    }
  }

  private Node concept(JsonNode v, Node conceptClass, FieldContext ctx) {
    Map<String, Node> known = ontology.conceptsOf(conceptClass);
    Node concept = known.get(v.asText());
    if (concept == null) {
      throw ctx.fail(
          "unknown value '"
              + v.asText()
              + "' for "
              + name(conceptClass)
              + "; use one of: "
              + String.join(", ", known.keySet()));
    }
    return concept;
  }

  private static Node text(JsonNode v, FieldContext ctx) {
    if (!v.isValueNode() || v.isNull()) {
      throw ctx.fail("expected text");
    }
    return LiteralValues.english(v.asText(), ctx);
  }

  /** An absolute http(s) IRI, checked by Jena's IRI parser. */
  static Node externalIri(JsonNode v, FieldContext ctx) {
    String text = v.asText();
    try {
      IRIx iri = IRIx.create(text);
      String scheme = iri.scheme();
      if (!iri.isAbsolute()
          || scheme == null
          || !(scheme.equals("http") || scheme.equals("https"))) {
        throw ctx.fail("'" + text + "' is not an absolute http or https IRI");
      }
      return NodeFactory.createURI(iri.str());
    } catch (IRIException e) {
      throw ctx.fail("'" + text + "' is not a valid IRI: " + e.getMessage(), e);
    }
  }

  /** The text copy of the article whose claims this field anchors. */
  private TextCopy copyFor(FieldContext ctx) {
    Scope scope = ctx.entry().scope();
    if (scope.isShared()) {
      throw ctx.fail("anchors belong to an article's claims, not to shared entries");
    }
    return copies.computeIfAbsent(scope.article(), slug -> readCopy(slug, ctx));
  }

  private TextCopy readCopy(String slug, FieldContext ctx) {
    Symbol article = symbols.article(slug).get(slug);
    if (article == null) {
      throw ctx.fail(
          "the article folder '"
              + slug
              + "' has no entry with id '"
              + slug
              + "' to describe the article");
    }
    JsonNode copyRef = article.entry().body().get("hasCopy");
    Symbol copy = null;
    if (copyRef != null && copyRef.isObject() && copyRef.has(Entry.ID)) {
      copy = symbols.article(slug).get(copyRef.get(Entry.ID).asText());
    } else if (copyRef != null && copyRef.isTextual()) {
      copy = symbols.resolve(Scope.article(slug), copyRef.asText());
    }
    if (copy == null
        || !copy.entry().body().hasNonNull("retrievedFrom")
        || !copy.entry().body().hasNonNull("characterCount")) {
      throw ctx.fail(
          "the article '"
              + slug
              + "' needs 'hasCopy' with 'retrievedFrom' and 'characterCount' to count anchors in");
    }
    JsonNode count = copy.entry().body().get("characterCount");
    if (!count.isIntegralNumber()) {
      throw ctx.fail("the article's copy has a 'characterCount' that is not a whole number");
    }
    return new TextCopy(
        copy.iri(), copy.entry().body().get("retrievedFrom").asText(), count.asLong());
  }

  private static String names(List<Node> types) {
    return String.join(" and ", types.stream().map(EntryConverter::name).toList());
  }

  private static String name(Node cls) {
    String uri = cls.getURI();
    String local = uri.startsWith(GB.NS) ? uri.substring(GB.NS.length()) : uri;
    return ("AEIOU".indexOf(local.charAt(0)) >= 0 ? "an " : "a ") + local;
  }
}
