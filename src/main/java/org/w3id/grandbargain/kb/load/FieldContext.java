package org.w3id.grandbargain.kb.load;

import org.apache.jena.graph.Node;
import org.w3id.grandbargain.kb.LoadException;

/**
 * The field being converted: which entry, which subject, which field, and where its triples go.
 * {@link #fail(String)} builds the error that names all of them.
 */
record FieldContext(Entry entry, Node subject, String field, Emitter out) {

  LoadException fail(String problem) {
    return new LoadException(entry.file(), entry.describe(), "field '" + field + "': " + problem);
  }

  LoadException fail(String problem, Throwable cause) {
    return new LoadException(
        entry.file(), entry.describe(), "field '" + field + "': " + problem, cause);
  }
}
