package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One item of a data file, as written: either a definition (it has an {@code id}) or an addition of
 * facts about an entry defined elsewhere (it has {@code about}).
 *
 * @param file the file, as shown in messages
 * @param line the line the item starts on (1-based)
 * @param scope shared or one article's
 * @param body the item's fields as parsed, including {@code id} or {@code about}
 */
public record Entry(String file, int line, Scope scope, ObjectNode body) {
  /** The key that names a definition. */
  public static final String ID = "id";

  /** The key that names the entry an addition is about. */
  public static final String ABOUT = "about";

  public Entry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(body, "body");
  }

  /** The id of a definition, or null for an addition. */
  public String id() {
    return body.hasNonNull(ID) ? body.get(ID).asText() : null;
  }

  /** Whether this item adds facts about an entry defined elsewhere. */
  public boolean isAddition() {
    return !body.has(ID);
  }

  /** The item as named in messages: {@code entry 'swiss-rebuke' (line 12)}. */
  public String describe() {
    if (isAddition()) {
      String about = body.hasNonNull(ABOUT) ? body.get(ABOUT).asText() : "?";
      return "addition about '" + about + "' (line " + line + ")";
    }
    return "entry '" + id() + "' (line " + line + ")";
  }

  /** An entry written inline in a field of this one; it shares this entry's file and line. */
  public Entry nested(ObjectNode nestedBody) {
    return new Entry(file, line, scope, nestedBody);
  }
}
