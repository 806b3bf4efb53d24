package org.w3id.grandbargain.kb.load;

import java.util.Objects;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * The result of loading: the knowledge base as quads in memory, with what it was made from.
 *
 * @param dataset every named graph: shared, per article, per claim, inferred, ontology
 * @param ontology the ontology index used
 * @param corpus the entries as read
 * @param symbols the definitions with their IRIs
 */
public record LoadedData(
    DatasetGraph dataset, OntologyIndex ontology, Corpus corpus, SymbolTable symbols) {
  public LoadedData {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(ontology, "ontology");
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(symbols, "symbols");
  }
}
