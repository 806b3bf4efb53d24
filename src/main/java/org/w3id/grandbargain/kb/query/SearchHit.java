package org.w3id.grandbargain.kb.query;

import java.util.Objects;

/**
 * A hit of the search ({@link Knowledge#search(String, int)}): a resource and what a list of hits
 * shows of it.
 *
 * @param iri the resource
 * @param label its label
 * @param type the labels of its most specific classes, for people ({@code "person"})
 * @param description the first sentence of its description, or "" when it has none
 * @param match how it matched: {@code exact} (a whole name), {@code words} (every word of the
 *     search is a word of a name), {@code prefix}, {@code fuzzy} (within one or two letters),
 *     {@code some words}, or {@code description}
 * @param matched the name or description that matched
 * @param matchedKind what {@code matched} is: {@code label}, {@code alternative} (an alternative
 *     name), {@code printed} (the name as a source prints it) or {@code description}
 */
public record SearchHit(
    String iri,
    String label,
    String type,
    String description,
    String match,
    String matched,
    String matchedKind) {
  public SearchHit {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(label, "label");
    type = type == null ? "" : type;
    description = description == null ? "" : description;
  }
}
