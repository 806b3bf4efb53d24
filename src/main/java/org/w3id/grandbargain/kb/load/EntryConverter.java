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
import org.w3id.grandbargain.kb.load.EditorialStatements.Support;
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
 * <p>Which voice a field speaks in follows from its property alone. A property the ontology
 * declares a {@code gb:EditorialProperty} (label, name, description, alternative name, note,
 * identification, external link) is the editors': it goes to the editorial graph of the entry's
 * scope. Every other field of an article's entry, and the entry's type, is what its claims state:
 * it goes to the graph of each claim listed in {@code accordingTo}. Shared entries, and an
 * article's record (the article, its claims, the documents it cites, its text copy), are the
 * editors' own and go to the editorial graph whole.
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
          "sameAs", new StandardKey(OWL.sameAs.asNode(), false),
          "exactMatch", new StandardKey(SKOS.exactMatch.asNode(), false),
          "closeMatch", new StandardKey(SKOS.closeMatch.asNode(), false));

  /** The link properties: each link needs evidence, and points into Wikidata or DBpedia. */
  static final Set<Node> LINKS =
      Set.of(OWL.sameAs.asNode(), SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode());

  /** A Wikidata item or an English DBpedia resource, as the links may name them. */
  static final java.util.regex.Pattern EXTERNAL =
      java.util.regex.Pattern.compile(
          "http://www\\.wikidata\\.org/entity/Q[1-9][0-9]*|http://dbpedia\\.org/resource/[^\\s/?#<>\"]+");

  /** Classes whose entries may stand in an article without a claim: the provenance record. */
  private static final List<Node> SELF_ATTESTED =
      List.of(GB.Claim.asNode(), GB.Document.asNode(), GB.TextCopy.asNode());

  private static final String NEEDS_CLAIMS =
      "needs 'accordingTo': the claims of the article that state these facts";

  private final OntologyIndex ontology;
  private final SymbolTable symbols;
  private final DatasetGraph out;
  private final Map<String, TextCopy> copies = new HashMap<>();

  /** The IRIs minted for fields (times, editorial statements), with the field that minted each. */
  private final Map<Node, String> minted = new HashMap<>();

  EntryConverter(OntologyIndex ontology, SymbolTable symbols, DatasetGraph out) {
    this.ontology = ontology;
    this.symbols = symbols;
    this.out = out;
  }

  /** Converts a top-level entry of a data file. */
  void convert(Entry entry) {
    convert(entry, null);
  }

  private Node convert(Entry entry, Voices inherited) {
    Symbol symbol = subject(entry);
    Node subject = symbol.iri();
    Voices voices = voices(entry, symbol, inherited);
    if (!entry.isAddition()) {
      if (!voices.canState()) {
        throw new LoadException(entry.file(), entry.describe(), NEEDS_CLAIMS);
      }
      for (Node type : symbol.types()) {
        voices.stated().add(subject, RDF.type.asNode(), type);
      }
    } else if (entry.body().has(ACCORDING_TO) && statesNothing(entry)) {
      throw new LoadException(
          entry.file(),
          entry.describe(),
          "'accordingTo' names claims, but every field here is the editors' (labels, notes,"
              + " identifications, links); drop 'accordingTo' or add what the claims state");
    }
    entry
        .body()
        .properties()
        .forEach(
            field -> {
              if (!STRUCTURAL.contains(field.getKey())) {
                convertField(field.getKey(), field.getValue(), symbol, entry, voices);
              }
            });
    return subject;
  }

  /** Whether every field of an entry is of an editorial property. */
  private boolean statesNothing(Entry entry) {
    for (var it = entry.body().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!STRUCTURAL.contains(key) && !isEditorial(key)) {
        return false;
      }
    }
    return true;
  }

  private boolean isEditorial(String key) {
    Node p = predicate(key);
    return p != null && ontology.isEditorial(p);
  }

  /** The property a field's key names: a standard key's, or the ontology's; null for neither. */
  private Node predicate(String key) {
    StandardKey standard = STANDARD_KEYS.get(key);
    return standard != null
        ? standard.property()
        : ontology.property(key).map(PropertySpec::iri).orElse(null);
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

  private Voices voices(Entry entry, Symbol symbol, Voices inherited) {
    JsonNode according = entry.body().get(ACCORDING_TO);
    Scope scope = entry.scope();
    if (scope.isShared()) {
      if (according != null) {
        throw new LoadException(
            entry.file(),
            entry.describe(),
            "'accordingTo' is for an article's entries; shared entries hold no claims");
      }
      return new Voices(out, List.of(), Graphs.SHARED, true);
    }
    Node editorial = Graphs.article(scope.article());
    if (according != null) {
      List<Node> graphs = new ArrayList<>();
      for (JsonNode claimId : according.isArray() ? according : List.of(according)) {
        if (!claimId.isTextual()) {
          throw new LoadException(
              entry.file(),
              entry.describe(),
              "field 'accordingTo': expected the id of a claim (or a list of them), not "
                  + (claimId == according
                      ? "a mapping"
                      : claimId.isContainerNode() ? "a list or mapping in the list" : claimId));
        }
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
      return new Voices(out, graphs, editorial, false);
    }
    if (inherited != null) {
      return inherited;
    }
    boolean selfAttested =
        !entry.isAddition()
            && symbol.types().stream()
                .anyMatch(t -> SELF_ATTESTED.stream().anyMatch(c -> ontology.isSubClassOf(t, c)));
    return new Voices(out, List.of(), editorial, selfAttested);
  }

  private void convertField(
      String key, JsonNode value, Symbol subject, Entry entry, Voices voices) {
    StandardKey standard = STANDARD_KEYS.get(key);
    PropertySpec spec = standard != null ? null : ontology.property(key).orElse(null);
    Node predicate = predicate(key);
    FieldContext probe = new FieldContext(entry, subject.iri(), key, voices, voices.editors());
    if (predicate == null) {
      throw probe.fail("unknown field: neither a property of the ontology nor a standard key");
    }
    if (spec != null) {
      checkDomain(spec, subject, probe);
    }
    boolean editorial = ontology.isEditorial(predicate);
    if (!editorial && !voices.canState()) {
      throw new LoadException(entry.file(), entry.describe(), NEEDS_CLAIMS);
    }
    if (predicate.equals(GB.nameInSource.asNode()) && entry.scope().isShared()) {
      throw probe.fail(
          "the name a source prints belongs to an article: give it there, in an addition about '"
              + subject.entry().id()
              + "' citing the claims that print it");
    }
    FieldContext ctx = editorial ? probe : probe.withOut(voices.stated());
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
      JsonNode given = values.get(i);
      String suffix = nth(i, values.size());
      if (!editorial && isEditorialMapping(given)) {
        throw ctx.fail(
            "only the editors' fields (labels, notes, identifications, links) take a reason of"
                + " their own; what a claim states is the claim's");
      }
      Support support = Support.NONE;
      if (editorial) {
        support =
            EditorialStatements.support(given, ctx, ontology.conceptsOf(GB.Confidence.asNode()));
        requireSupport(predicate, support, ctx);
      }
      JsonNode v = isEditorialMapping(given) ? given.get(EditorialStatements.VALUE) : given;
      Node object;
      Emitter link = ctx.out();
      if (standard != null) {
        object = standard.text() ? text(v, ctx) : externalIri(v, ctx);
        if (LINKS.contains(predicate) && !EXTERNAL.matcher(object.getURI()).matches()) {
          throw ctx.fail(
              "'"
                  + object.getURI()
                  + "' is not a Wikidata item (http://www.wikidata.org/entity/Q...) or an English"
                  + " DBpedia resource (http://dbpedia.org/resource/...)");
        }
      } else if (spec.kind() == Kind.DATATYPE) {
        object = LiteralValues.convert(v, spec.range(), ctx);
      } else if (spec.range().equals(TIME.TemporalEntity.asNode())) {
        Node iri =
            mint(
                ctx.subject().getURI() + "/" + key + suffix,
                ctx,
                "; a claim that dates it otherwise describes its own account, as an entry of its"
                    + " own");
        TimeValues.Converted time =
            TimeValues.convert(
                v,
                iri,
                ctx,
                "Reading of a date: " + symbols.displayName(subject),
                ontology.conceptsOf(GB.Confidence.asNode()));
        object = time.node();
        if (time.editorsOnly()) {
          link = voices.editors();
        }
      } else {
        object = objectValue(v, spec, ctx);
      }
      link.add(ctx.subject(), predicate, object);
      if (!support.isEmpty()) {
        statement(subject, predicate, object, key, suffix, support, ctx);
      }
    }
  }

  /**
   * The suffix that tells apart the IRIs minted for the values of one list: {@code -1}, {@code -2},
   * ... for the {@code i}th (from 0) of {@code n} values, none for a single value.
   */
  static String nth(int i, int n) {
    return n > 1 ? "-" + (i + 1) : "";
  }

  private static boolean isEditorialMapping(JsonNode value) {
    return value.isObject() && value.has(EditorialStatements.VALUE);
  }

  /** Refuses an editorial value that lacks the reason or evidence its property asks for. */
  private void requireSupport(Node predicate, Support support, FieldContext ctx) {
    if (predicate.equals(GB.identifiedAs.asNode())) {
      if (support.reason() == null || support.confidence() == null) {
        throw ctx.fail(
            "an identification needs 'value', 'confidence' (identified or probable) and 'reason':"
                + " why the editors identify whom the source describes, with its 'evidence'");
      }
    } else if (LINKS.contains(predicate)) {
      if (support.evidence().isEmpty()) {
        throw ctx.fail(
            "a link needs its evidence: {value: <IRI>, evidence: {url: ..., retrieved:"
                + " YYYY-MM-DD, excerpt: ...}}");
      }
      if (predicate.equals(SKOS.closeMatch.asNode()) && support.reason() == null) {
        throw ctx.fail(
            "a close match needs a 'reason' of its own: how the linked item differs from this"
                + " resource");
      }
    } else if (ontology.editorialReason(predicate).isEmpty() && support.reason() == null) {
      throw ctx.fail("needs a 'reason' of its own: the editors give one for every such statement");
    }
  }

  private void statement(
      Symbol subject,
      Node predicate,
      Node object,
      String key,
      String suffix,
      Support support,
      FieldContext ctx) {
    Node kind;
    String iri;
    String label;
    if (predicate.equals(GB.identifiedAs.asNode())) {
      kind = GB.Identification.asNode();
      iri = "/identification";
      label =
          "Identification: "
              + symbols.displayName(subject)
              + ", identified as "
              + displayName(object);
    } else if (LINKS.contains(predicate)) {
      kind = GB.ExternalLink.asNode();
      iri =
          predicate.equals(OWL.sameAs.asNode())
              ? "/link"
              : predicate.equals(SKOS.exactMatch.asNode()) ? "/exact-match" : "/close-match";
      label = "Link: " + symbols.displayName(subject) + " to " + object.getURI();
    } else {
      kind = GB.EditorialStatement.asNode();
      iri = "/" + key + "-statement";
      label = "Editorial statement: the " + key + " of " + symbols.displayName(subject);
    }
    EditorialStatements.describe(
        mint(subject.iri().getURI() + iri + suffix, ctx, ""),
        kind,
        label,
        subject.iri(),
        predicate,
        object,
        support,
        ctx);
  }

  /**
   * Mints the IRI of what a field describes (a time, an editorial statement), refusing one that
   * another field has minted: two fields about one entry that each give it a time of the same
   * property, or an identification or link, would describe two things under one IRI.
   */
  private Node mint(String iri, FieldContext ctx, String otherwise) {
    Node node = NodeFactory.createURI(iri);
    String by =
        ctx.entry().file() + ": " + ctx.entry().describe() + ", field '" + ctx.field() + "'";
    String earlier = minted.putIfAbsent(node, by);
    if (earlier != null) {
      throw ctx.fail(
          "mints <"
              + iri
              + ">, which "
              + earlier
              + " already describes; give every value of '"
              + ctx.field()
              + "' for this entry in one list, in one field"
              + otherwise);
    }
    return node;
  }

  private String displayName(Node node) {
    if (node.isURI()) {
      return symbols.byIri(node).map(symbols::displayName).orElse(node.getURI());
    }
    return node.getLiteralLexicalForm();
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

  private Node objectValue(JsonNode v, PropertySpec spec, FieldContext ctx) {
    Node range = spec.range();
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
      Node nested = convert(ctx.entry().nested((ObjectNode) v), ctx.voices());
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
    if (v == null || !v.isValueNode() || v.isNull()) {
      throw ctx.fail("expected text");
    }
    return LiteralValues.english(v.asText(), ctx);
  }

  /** An absolute http(s) IRI, checked by Jena's IRI parser. */
  static Node externalIri(JsonNode v, FieldContext ctx) {
    if (v == null || !v.isValueNode()) {
      throw ctx.fail("expected an IRI");
    }
    String text = v.asText();
    try {
      IRIx iri = IRIx.create(text);
      String scheme = iri.scheme();
      if (iri.isRelative()
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
    List<Long> paragraphs = new ArrayList<>();
    JsonNode starts = copy.entry().body().get("paragraphStart");
    if (starts != null) {
      for (JsonNode s : starts.isArray() ? starts : List.of(starts)) {
        if (!s.isIntegralNumber()
            || s.asLong() < 0
            || (!paragraphs.isEmpty() && s.asLong() <= paragraphs.get(paragraphs.size() - 1))) {
          throw ctx.fail(
              "the article's copy has a 'paragraphStart' that is not a list of increasing"
                  + " positions");
        }
        if (s.asLong() >= count.asLong()) {
          throw ctx.fail(
              "the article's copy has a 'paragraphStart' "
                  + s.asLong()
                  + " beyond its text, which has "
                  + count.asLong()
                  + " characters");
        }
        paragraphs.add(s.asLong());
      }
    }
    return new TextCopy(
        copy.iri(), copy.entry().body().get("retrievedFrom").asText(), count.asLong(), paragraphs);
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
