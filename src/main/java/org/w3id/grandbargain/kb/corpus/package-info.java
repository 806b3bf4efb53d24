/**
 * Synthetic corpora for measuring the build: {@link
 * org.w3id.grandbargain.kb.corpus.CorpusGenerator} writes a project folder with any number of
 * articles in the real data format, each made from the real article's structure with made-up words,
 * and marked as synthetic throughout. Nothing here is part of the knowledge base.
 */
package org.w3id.grandbargain.kb.corpus;
