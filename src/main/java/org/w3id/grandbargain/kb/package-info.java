/**
 * Grand Bargain KB: the facts of a news article, with their attribution, as linked open data.
 *
 * <p>The data flows through one package per stage: {@code vocabulary} (the ontology's terms),
 * {@code load} (curated YAML to triples), {@code validate} (SHACL and text anchors), {@code store}
 * (TDB2 releases and dumps), {@code query} (named SPARQL queries) and, on top, {@code cli}. This
 * package holds what all stages share: the project layout and the exception family.
 */
package org.w3id.grandbargain.kb;
