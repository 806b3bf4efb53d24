/**
 * Stage 2, load: reads the curated YAML under {@code data/} and turns it into named graphs.
 *
 * <p>{@link org.w3id.grandbargain.kb.load.CorpusReader} reads the files, {@link
 * org.w3id.grandbargain.kb.load.SymbolTable} mints an IRI for every definition and resolves
 * references, and one converter per concern writes the triples: entries and references, literals,
 * times (OWL-Time with their precision) and anchors (RFC 5147 text spans). {@link
 * org.w3id.grandbargain.kb.load.Entailments} then materialises the ontology's alignments.
 */
package org.w3id.grandbargain.kb.load;
