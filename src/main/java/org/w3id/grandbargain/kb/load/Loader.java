package org.w3id.grandbargain.kb.load;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * Turns the curated data into the knowledge base's quads: reads the ontology and the data folders,
 * resolves every reference, converts each entry, adds the ontology graph and materialises the
 * alignments' entailments. Any bad input stops the load with a {@link LoadException} naming the
 * file, the entry and the problem; nothing is written anywhere.
 *
 * <pre>{@code
 * LoadedData data = Loader.load(ProjectLayout.fromRoot(Path.of(".")));
 * }</pre>
 */
public final class Loader {
  private Loader() {}

  /** Loads the project's data as laid out. */
  public static LoadedData load(ProjectLayout layout) {
    OntologyIndex ontology = OntologyIndex.read(layout.ontology());
    return load(ontology, layout.dataRoots());
  }

  /** Loads data folders against an ontology already read. */
  public static LoadedData load(OntologyIndex ontology, List<java.nio.file.Path> dataRoots) {
    Corpus corpus = new CorpusReader().read(dataRoots);
    SymbolTable symbols = SymbolTable.build(corpus, ontology);
    DatasetGraph dataset = DatasetGraphFactory.create();
    EntryConverter converter = new EntryConverter(ontology, symbols, dataset);
    corpus.shared().forEach(converter::convert);
    corpus.articles().values().forEach(entries -> entries.forEach(converter::convert));
    ontology
        .graph()
        .find()
        .forEachRemaining(
            t -> dataset.add(Graphs.ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
    Entailments.materialise(dataset, ontology);
    return new LoadedData(dataset, ontology, corpus, symbols);
  }
}
