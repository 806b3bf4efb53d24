package org.w3id.grandbargain.kb.publish.dataset;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.w3id.grandbargain.kb.SparqlResources;
import org.w3id.grandbargain.kb.publish.core.Links;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.store.DumpFile;
import org.w3id.grandbargain.kb.store.Release;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * The dataset's description in VoID and DCAT: the curated {@code data/dataset.ttl} plus what the
 * release knows: version and date, the SPARQL endpoint, every dump as a distribution with its size,
 * checksum and triples, class and property partitions, the linksets to Wikidata and DBpedia, and
 * example resources. Absolute addresses use the site's address.
 */
public final class DatasetDescription {
  /** The dataset's IRI, which is also the address of this description. */
  private static final String DATASET = Links.DATASET;

  private static final String SPDX = "http://spdx.org/rdf/terms#";
  private static final Query CLASSES =
      SparqlResources.query(Publication.class, "class-partitions.rq");
  private static final Query PROPERTIES =
      SparqlResources.query(DatasetDescription.class, "property-partitions.rq");
  private static final Query LINKSETS =
      SparqlResources.query(DatasetDescription.class, "linksets.rq");
  private static final Query ANNOTATIONS =
      SparqlResources.query(DatasetDescription.class, "findings-annotations.rq");

  /** Example resources named in the description: the article, its grand bargain, a claim. */
  private static final List<String> EXAMPLES =
      List.of(
          "ips-2006-03-28-cabal",
          "ips-2006-03-28-cabal/grand-bargain",
          "ips-2006-03-28-cabal/wilkerson-no-negotiations",
          "lawrence-wilkerson");

  private final Publication publication;
  private final Model statistics;

  DatasetDescription(Publication publication) {
    this.publication = publication;
    this.statistics = statistics();
  }

  /** The description, with absolute links under {@code site}. */
  Model describe(String site) {
    Release release = publication.release();
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefixes(Prefixes.standard());
    m.setNsPrefix("void", VOID.NS);
    m.setNsPrefix("dcat", DCAT.NS);
    m.setNsPrefix("spdx", SPDX);
    m.add(publication.datasetDescription());
    m.add(statistics);
    Resource ds = m.createResource(DATASET);
    ds.addProperty(RDF.type, VOID.Dataset).addProperty(RDF.type, DCAT.Dataset);
    ds.addProperty(OWL.versionInfo, release.id());
    ds.addProperty(m.createProperty(DCAT.NS, "version"), release.id());
    ds.addLiteral(
        DCTerms.modified,
        m.createTypedLiteral(
            release.builtAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
            XSDDatatype.XSDdate));
    ds.addProperty(DCAT.landingPage, m.createResource(site));
    Resource endpoint = m.createResource(site + "kb/sparql");
    ds.addProperty(VOID.sparqlEndpoint, endpoint);
    Resource service = m.createResource(site + "kb/sparql#service");
    service
        .addProperty(RDF.type, DCAT.DataService)
        .addProperty(DCAT.endpointURL, endpoint)
        .addProperty(DCAT.servesDataset, ds)
        .addProperty(
            DCTerms.conformsTo, m.createResource("https://www.w3.org/TR/sparql11-protocol/"))
        .addProperty(
            DCTerms.title, m.createLiteral("SPARQL endpoint of the Grand Bargain KB", "en"));
    ds.addProperty(m.createProperty(DCAT.NS, "service"), service);
    ds.addLiteral(VOID.triples, release.triples());
    for (DumpFile f : release.files()) {
      Resource file = m.createResource(site + "download/" + release.id() + "/" + f.path());
      Resource latest = m.createResource(site + "download/latest/" + f.path());
      boolean dump = f.path().startsWith("dumps/");
      if (dump) {
        ds.addProperty(VOID.dataDump, latest);
      }
      Resource dist =
          m.createResource(site + "download/" + release.id() + "/" + f.path() + "#distribution");
      ds.addProperty(DCAT.distribution, dist);
      dist.addProperty(RDF.type, DCAT.Distribution)
          .addProperty(DCTerms.title, m.createLiteral(f.format() + (dump ? " dump" : ""), "en"))
          .addProperty(DCAT.downloadURL, file)
          .addProperty(DCAT.accessURL, latest)
          .addProperty(
              DCAT.mediaType,
              m.createResource("https://www.iana.org/assignments/media-types/" + f.mediaType()))
          .addLiteral(
              DCAT.byteSize,
              m.createTypedLiteral(Long.toString(f.bytes()), XSDDatatype.XSDnonNegativeInteger))
          .addLiteral(VOID.triples, f.statements())
          .addProperty(DCTerms.license, m.createResource(f.license()));
      if (f.gzip()) {
        dist.addProperty(
            DCAT.compressFormat,
            m.createResource("https://www.iana.org/assignments/media-types/application/gzip"));
      }
      Resource checksum =
          m.createResource(site + "download/" + release.id() + "/" + f.path() + "#sha256");
      dist.addProperty(m.createProperty(SPDX, "checksum"), checksum);
      checksum
          .addProperty(RDF.type, m.createResource(SPDX + "Checksum"))
          .addProperty(
              m.createProperty(SPDX, "algorithm"),
              m.createResource(SPDX + "checksumAlgorithm_sha256"))
          .addLiteral(
              m.createProperty(SPDX, "checksumValue"),
              m.createTypedLiteral(f.sha256(), XSDDatatype.XSDhexBinary));
    }
    for (String example : EXAMPLES) {
      if (publication.isResource(GB.ID + example)) {
        ds.addProperty(VOID.exampleResource, m.createResource(GB.ID + example));
      }
    }
    return m;
  }

  /** The dataset's partition for a class or a property, linked from the dataset. */
  private static Resource partition(
      Resource ds, org.apache.jena.rdf.model.Property link, String kind, String iri) {
    Resource part =
        ds.getModel()
            .createResource(DATASET + "#" + kind + "-" + Integer.toHexString(iri.hashCode()));
    ds.addProperty(link, part);
    return part;
  }

  private Model statistics() {
    Model m = ModelFactory.createDefaultModel();
    Resource ds = m.createResource(DATASET);
    select(
        CLASSES,
        s -> {
          String cls = s.getResource("class").getURI();
          partition(ds, VOID.classPartition, "class", cls)
              .addProperty(VOID._class, m.createResource(cls))
              .addLiteral(VOID.entities, s.getLiteral("entities").getLong());
        });
    select(
        PROPERTIES,
        s -> {
          String p = s.getResource("property").getURI();
          partition(ds, VOID.propertyPartition, "property", p)
              .addProperty(VOID.property, m.createResource(p))
              .addLiteral(VOID.triples, s.getLiteral("triples").getLong());
        });
    select(
        ANNOTATIONS,
        s ->
            ds.addProperty(
                m.createProperty("http://www.w3.org/ns/dqv#", "hasQualityAnnotation"),
                s.getResource("annotation")));
    select(
        LINKSETS,
        s -> {
          String target = s.getLiteral("target").getString();
          Map<String, String> targets =
              Map.of("wikidata", "https://www.wikidata.org/", "dbpedia", "https://dbpedia.org/");
          if (!targets.containsKey(target)) {
            return;
          }
          Resource relation = s.getResource("relation");
          String local = relation.getLocalName().replaceAll("([A-Z])", "-$1").toLowerCase();
          Resource linkset = m.createResource(DATASET + "#linkset-" + target + "-" + local);
          ds.addProperty(VOID.subset, linkset);
          linkset
              .addProperty(RDF.type, VOID.Linkset)
              .addProperty(
                  RDFS.label,
                  m.createLiteral(
                      "Links to " + label(target) + " by " + relation.getLocalName(), "en"))
              .addProperty(VOID.subjectsTarget, ds)
              .addProperty(VOID.objectsTarget, m.createResource(targets.get(target)))
              .addProperty(VOID.linkPredicate, relation)
              .addLiteral(VOID.triples, s.getLiteral("links").getLong());
          m.createResource(targets.get(target)).addProperty(RDF.type, VOID.Dataset);
        });
    return m;
  }

  private static String label(String target) {
    return target.equals("wikidata") ? "Wikidata" : "DBpedia";
  }

  private void select(
      Query query, java.util.function.Consumer<org.apache.jena.query.QuerySolution> row) {
    publication
        .knowledge()
        .select(query, org.apache.jena.sparql.engine.binding.BindingFactory.empty(), row);
  }

  /** A literal of the curated description, for the HTML page. */
  static String text(Model description, Property p) {
    var it = description.listObjectsOfProperty(ResourceFactory.createResource(DATASET), p);
    if (!it.hasNext()) {
      return "";
    }
    var node = it.next();
    return node.isLiteral() ? ((Literal) node).getLexicalForm() : node.asResource().getURI();
  }
}
