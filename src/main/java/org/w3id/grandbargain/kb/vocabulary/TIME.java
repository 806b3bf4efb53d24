package org.w3id.grandbargain.kb.vocabulary;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of W3C OWL-Time ({@value #NS}) that the knowledge base writes. */
public final class TIME {
  public static final String NS = "http://www.w3.org/2006/time#";

  public static final Resource TemporalEntity = resource("TemporalEntity");
  public static final Resource Instant = resource("Instant");
  public static final Resource ProperInterval = resource("ProperInterval");
  public static final Resource TemporalUnit = resource("TemporalUnit");
  public static final Resource unitDay = resource("unitDay");
  public static final Resource unitMonth = resource("unitMonth");
  public static final Resource unitYear = resource("unitYear");

  public static final Property hasTime = property("hasTime");
  public static final Property hasBeginning = property("hasBeginning");
  public static final Property hasEnd = property("hasEnd");
  public static final Property inXSDDate = property("inXSDDate");
  public static final Property inXSDgYearMonth = property("inXSDgYearMonth");
  public static final Property inXSDgYear = property("inXSDgYear");
  public static final Property hasXSDDuration = property("hasXSDDuration");

  private TIME() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS + localName);
  }
}
