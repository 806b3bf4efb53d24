/**
 * Stage 1, vocabulary: one class per namespace with a constant per term ({@link
 * org.w3id.grandbargain.kb.vocabulary.GB} for the project's own ontology), the prefix table, and
 * {@link org.w3id.grandbargain.kb.vocabulary.OntologyIndex}, which reads the ontology so that the
 * later stages take property kinds, ranges and alignments from it rather than from code.
 */
package org.w3id.grandbargain.kb.vocabulary;
