package org.w3id.grandbargain.kb;

/** A setting or a project folder is missing or unusable: a path, an option, a query name. */
public class ConfigurationException extends KbException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
