package org.w3id.grandbargain.kb.store;

import org.w3id.grandbargain.kb.KbException;

/**
 * A build could not write the store: the disk is full, the folder is read-only or not writable. The
 * published release is left as it was.
 */
public class StoreWriteException extends KbException {
  private static final long serialVersionUID = 1L;

  public StoreWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
