package org.w3id.grandbargain.kb;

/** Something asked for by name does not exist: a named query, a release, a resource. */
public class NotFoundException extends KbException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
