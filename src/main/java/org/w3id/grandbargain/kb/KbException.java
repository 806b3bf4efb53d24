package org.w3id.grandbargain.kb;

/**
 * The root of the project's small exception family. Each subclass is turned into an exit code by
 * the command line in one place, and into an HTTP status by the server in one place.
 */
public abstract class KbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected KbException(String message) {
    super(message);
  }

  protected KbException(String message, Throwable cause) {
    super(message, cause);
  }
}
