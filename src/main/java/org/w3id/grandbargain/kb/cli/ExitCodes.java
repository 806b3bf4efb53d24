package org.w3id.grandbargain.kb.cli;

import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.NotFoundException;
import org.w3id.grandbargain.kb.ValidationException;
import org.w3id.grandbargain.kb.query.ServiceFailedException;
import org.w3id.grandbargain.kb.query.ServiceRefusedException;
import org.w3id.grandbargain.kb.store.StoreBusyException;
import org.w3id.grandbargain.kb.store.StoreDamagedException;
import org.w3id.grandbargain.kb.store.StoreWriteException;

/** The exit codes of the command line, and the one place where exceptions become them. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int CONFIGURATION = 3;
  static final int LOAD = 4;
  static final int VALIDATION = 5;
  static final int NOT_FOUND = 6;
  static final int DRIFT = 7;
  static final int WORDING = 8;
  static final int SERVICE_REFUSED = 9;
  static final int SERVICE_FAILED = 10;
  static final int STORE_BUSY = 11;
  static final int STORE_DAMAGED = 12;
  static final int STORE_WRITE = 13;

  private ExitCodes() {}

  static int of(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof ServiceRefusedException) {
        return SERVICE_REFUSED;
      }
      if (c instanceof ServiceFailedException) {
        return SERVICE_FAILED;
      }
      if (c instanceof org.w3id.grandbargain.kb.query.QueryLimitException) {
        return CONFIGURATION;
      }
      if (c instanceof StoreBusyException) {
        return STORE_BUSY;
      }
      if (c instanceof StoreDamagedException) {
        return STORE_DAMAGED;
      }
      if (c instanceof StoreWriteException) {
        return STORE_WRITE;
      }
    }
    if (e instanceof LoadException) {
      return LOAD;
    }
    if (e instanceof ValidationException) {
      return VALIDATION;
    }
    if (e instanceof NotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof ConfigurationException) {
      return CONFIGURATION;
    }
    return FAILURE;
  }
}
