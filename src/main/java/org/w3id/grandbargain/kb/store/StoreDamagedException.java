package org.w3id.grandbargain.kb.store;

import org.w3id.grandbargain.kb.KbException;

/**
 * The store cannot be read as published: {@code CURRENT} is missing or names no release, a release
 * has lost its TDB2 store or part of it, a file cannot be read. The message names the place and
 * what to do (most often: run {@code build}, which publishes a fresh release).
 */
public class StoreDamagedException extends KbException {
  private static final long serialVersionUID = 1L;

  public StoreDamagedException(String message) {
    super(message);
  }

  public StoreDamagedException(String message, Throwable cause) {
    super(message, cause);
  }
}
