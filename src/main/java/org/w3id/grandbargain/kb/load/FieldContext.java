package org.w3id.grandbargain.kb.load;

import org.apache.jena.graph.Node;
import org.w3id.grandbargain.kb.LoadException;

/**
 * The field being converted: which entry, which subject, which field, the voices of the entry and
 * the one this field speaks in. {@link #fail(String)} builds the error that names entry and field.
 *
 * @param entry the entry, for messages
 * @param subject the resource the field describes
 * @param field the field's key
 * @param voices where the entry's statements go
 * @param out the voice of this field: the claims' or the editors'
 */
record FieldContext(Entry entry, Node subject, String field, Voices voices, Emitter out) {

  /** The same field, speaking in the editors' voice. */
  FieldContext editors() {
    return withOut(voices.editors());
  }

  /** The same field, speaking in another voice. */
  FieldContext withOut(Emitter voice) {
    return new FieldContext(entry, subject, field, voices, voice);
  }

  LoadException fail(String problem) {
    return new LoadException(entry.file(), entry.describe(), "field '" + field + "': " + problem);
  }

  LoadException fail(String problem, Throwable cause) {
    return new LoadException(
        entry.file(), entry.describe(), "field '" + field + "': " + problem, cause);
  }
}
