package org.w3id.grandbargain.kb.store;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.grandbargain.kb.NotFoundException;

/**
 * An open release: its TDB2 dataset, whose default graph is the union of all named graphs, so that
 * a query without {@code GRAPH} sees every fact while {@code GRAPH ?claim { ... }} still tells
 * which claim states what. Close it to release the database.
 *
 * <pre>{@code
 * try (KnowledgeBase kb = KnowledgeBase.open(store.current().orElseThrow())) {
 *   ... QueryExecution.dataset(kb.dataset()) ...
 * }
 * }</pre>
 */
public final class KnowledgeBase implements AutoCloseable {
  private final Release release;
  private final DatasetGraph tdb;
  private final Dataset dataset;

  private KnowledgeBase(Release release, DatasetGraph tdb) {
    this.release = release;
    this.tdb = tdb;
    tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
    this.dataset = DatasetFactory.wrap(tdb);
  }

  /** Opens a release's store. */
  public static KnowledgeBase open(Release release) {
    if (!java.nio.file.Files.isDirectory(release.tdb2())) {
      throw new NotFoundException("release " + release.id() + " has no TDB2 store");
    }
    return new KnowledgeBase(release, DatabaseMgr.connectDatasetGraph(release.tdb2().toString()));
  }

  /** Opens the store's current release, which must exist. */
  public static KnowledgeBase openCurrent(ReleaseStore store) {
    return open(
        store
            .current()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no release built yet in " + store.root() + "; run 'build'")));
  }

  public Release release() {
    return release;
  }

  /** The dataset, with the union of all graphs as its default graph. */
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public void close() {
    TDBInternal.expel(tdb);
  }
}
