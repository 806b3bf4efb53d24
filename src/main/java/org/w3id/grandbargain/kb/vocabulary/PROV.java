package org.w3id.grandbargain.kb.vocabulary;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The terms of W3C PROV-O ({@value #NS}) that the code refers to by name. */
public final class PROV {
  public static final String NS = "http://www.w3.org/ns/prov#";

  public static final Resource Agent = resource("Agent");
  public static final Resource Entity = resource("Entity");
  public static final Resource Activity = resource("Activity");
  public static final Property wasAttributedTo = property("wasAttributedTo");
  public static final Property wasDerivedFrom = property("wasDerivedFrom");
  public static final Property hadPrimarySource = property("hadPrimarySource");

  private PROV() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS + localName);
  }
}
