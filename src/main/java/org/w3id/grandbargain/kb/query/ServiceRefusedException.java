package org.w3id.grandbargain.kb.query;

import org.w3id.grandbargain.kb.KbException;

/**
 * A SERVICE call that the query policy does not allow: an endpoint off the allowlist, a variable
 * endpoint, a scheme other than http(s), an address inside the server's own network. It is raised
 * before any connection is made.
 */
public final class ServiceRefusedException extends KbException {
  private static final long serialVersionUID = 1L;

  public ServiceRefusedException(String message) {
    super(message);
  }
}
