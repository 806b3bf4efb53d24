package org.w3id.grandbargain.kb.query;

import org.w3id.grandbargain.kb.KbException;

/**
 * An allowed SERVICE call that did not give a usable answer: the endpoint failed, did not answer in
 * time, answered with a redirect (which is never followed), or returned more rows than the policy
 * bounds.
 */
public final class ServiceFailedException extends KbException {
  private static final long serialVersionUID = 1L;

  public ServiceFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
