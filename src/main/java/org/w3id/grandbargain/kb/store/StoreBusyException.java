package org.w3id.grandbargain.kb.store;

import org.w3id.grandbargain.kb.KbException;

/** Another process holds what an operation needs alone: another build of the same store. */
public class StoreBusyException extends KbException {
  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message) {
    super(message);
  }
}
