package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
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

  /** The same field, speaking in another voice. */
  FieldContext withOut(Emitter voice) {
    return new FieldContext(entry, subject, field, voices, voice);
  }

  /**
   * Fails unless every key of a mapping is one of those allowed: {@code unknown key 'x' in a time;
   * allowed: date, label, ...}.
   *
   * @param what what the mapping is, for the message ("a time", "an anchor")
   */
  void checkKeys(JsonNode mapping, Set<String> allowed, String what) {
    for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw fail(
            "unknown key '"
                + key
                + "' in "
                + what
                + "; allowed: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  LoadException fail(String problem) {
    return new LoadException(entry.file(), entry.describe(), "field '" + field + "': " + problem);
  }

  LoadException fail(String problem, Throwable cause) {
    return new LoadException(
        entry.file(), entry.describe(), "field '" + field + "': " + problem, cause);
  }
}
