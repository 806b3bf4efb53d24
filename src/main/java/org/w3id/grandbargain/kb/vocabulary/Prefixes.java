package org.w3id.grandbargain.kb.vocabulary;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OA;
import org.apache.jena.vocabulary.ORG;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;

/** The prefixes used in every serialisation the project writes, in one table. */
public final class Prefixes {
  /** Wikidata entities. */
  public static final String WIKIDATA = "http://www.wikidata.org/entity/";

  /** DBpedia resources. */
  public static final String DBPEDIA = "http://dbpedia.org/resource/";

  /** schema.org, in the http form that schema.org's own JSON-LD context uses. */
  public static final String SCHEMA = "http://schema.org/";

  private static final PrefixMapping STANDARD =
      PrefixMapping.Factory.create()
          .setNsPrefix("gb", GB.NS)
          .setNsPrefix("rdf", RDF.uri)
          .setNsPrefix("rdfs", RDFS.uri)
          .setNsPrefix("owl", OWL.NS)
          .setNsPrefix("xsd", XSD.NS)
          .setNsPrefix("dcterms", DCTerms.NS)
          .setNsPrefix("foaf", FOAF.NS)
          .setNsPrefix("org", ORG.NS)
          .setNsPrefix("prov", PROV.NS)
          .setNsPrefix("schema", SCHEMA)
          .setNsPrefix("skos", SKOS.uri)
          .setNsPrefix("time", TIME.NS)
          .setNsPrefix("oa", OA.NS)
          .setNsPrefix("wd", WIKIDATA)
          .setNsPrefix("dbr", DBPEDIA)
          .lock();

  private Prefixes() {}

  /** The standard prefix table (read-only). */
  public static PrefixMapping standard() {
    return STANDARD;
  }
}
