package org.w3id.grandbargain.kb;

import java.util.List;

/**
 * The knowledge base does not conform to its SHACL shapes, so it is not published. Carries one
 * readable line per violation (focus node, path, constraint, message).
 */
public class ValidationException extends KbException {
  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  public ValidationException(List<String> violations) {
    super(
        "the knowledge base does not conform to its shapes ("
            + violations.size()
            + " violation"
            + (violations.size() == 1 ? "" : "s")
            + "):\n  "
            + String.join("\n  ", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
