package org.w3id.grandbargain.kb.query;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.QueryFile;
import org.w3id.grandbargain.kb.vocabulary.GB;
import org.w3id.grandbargain.kb.vocabulary.PROV;
import org.w3id.grandbargain.kb.vocabulary.Prefixes;

/**
 * Re-fetches the external snapshots from their endpoints: each query of {@code queries/external/}
 * (a CONSTRUCT over the knowledge base's links, with SERVICE to the dataset's endpoint, under the
 * query policy) replaces {@code <data>/external/<name>.ttl} with its answer and the snapshot's own
 * description: obtained from the endpoint, by that query, on that day, under the dataset's licence.
 * The file is replaced only once the whole answer is in hand; an endpoint that fails or answers
 * nothing leaves it as it was.
 *
 * <p>A query names its endpoint, dataset and licence in its header ({@code #+ endpoint:}, {@code #+
 * dataset:}, {@code #+ license:}) and gets {@code ?graph} (the snapshot's graph) and {@code
 * ?retrieved} (the day) bound.
 */
public final class SnapshotRefresh {

  private final Dataset kb;
  private final QueryPolicy policy;

  public SnapshotRefresh(Dataset kb, QueryPolicy policy) {
    this.kb = kb;
    this.policy = policy;
  }

  /** What one refresh wrote: the snapshot, its file and how many statements it holds. */
  public record Result(String name, Path file, long statements) {}

  /**
   * Refreshes the named snapshots (all of {@code queries} if none is named) into {@code external}.
   *
   * @throws ConfigurationException for an unknown snapshot or a query without its headers
   * @throws ServiceFailedException when an endpoint fails or answers nothing
   */
  public List<Result> refresh(
      Path queries, Path external, List<String> names, LocalDate retrieved) {
    List<String> chosen = new ArrayList<>(names);
    if (chosen.isEmpty()) {
      try (var files = Files.list(queries)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".rq"))
            .sorted()
            .forEach(f -> chosen.add(f.substring(0, f.length() - 3)));
      } catch (IOException e) {
        throw new ConfigurationException("cannot list " + queries + ": " + e.getMessage(), e);
      }
    }
    List<Result> results = new ArrayList<>();
    for (String name : chosen) {
      results.add(refresh(queries.resolve(name + ".rq"), name, external, retrieved));
    }
    return results;
  }

  private Result refresh(Path file, String name, Path external, LocalDate retrieved) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("no snapshot query " + file);
    }
    QueryFile f =
        QueryFile.read(file)
            .allowOnly(List.of("summary", "description", "endpoint", "dataset", "license"));
    Map<String, String> headers = new LinkedHashMap<>();
    for (String key : List.of("summary", "endpoint", "dataset", "license")) {
      headers.put(key, f.required(key));
    }
    headers.put("description", f.joined("description") == null ? "" : f.joined("description"));
    String text = f.text();
    Query query = f.query();
    if (!query.isConstructType()) {
      throw new ConfigurationException(file + ": a snapshot query is a CONSTRUCT");
    }
    String graph = GB.GRAPH + "external/" + name;
    var binding =
        BindingFactory.builder()
            .add(Var.alloc("graph"), NodeFactory.createURI(graph))
            .add(
                Var.alloc("retrieved"),
                NodeFactory.createLiteralDT(retrieved.toString(), XSDDatatype.XSDdate))
            .build();
    Model facts = new DatasetKnowledge(kb, policy).construct(query, binding);
    String references = graph + "/reference/";
    boolean anyFact =
        facts.listStatements().toList().stream()
            .anyMatch(
                st ->
                    !st.getSubject().isURIResource()
                        || !st.getSubject().getURI().startsWith(references));
    if (!anyFact) {
      throw new ServiceFailedException(
          "SERVICE <"
              + headers.get("endpoint")
              + "> answered no facts for "
              + name
              + "; the snapshot is left as it was",
          null);
    }
    long statements = facts.size();
    Model out = ModelFactory.createDefaultModel();
    out.setNsPrefixes(Prefixes.standard());
    out.setNsPrefix("wd", "http://www.wikidata.org/entity/");
    out.setNsPrefix("pr", "http://www.wikidata.org/prop/reference/");
    String endpoint = headers.get("endpoint");
    String calledAt =
        policy
            .services()
            .find(java.net.URI.create(endpoint))
            .map(e -> e.address().toString())
            .orElse(endpoint);
    String mirror = calledAt.equals(endpoint) ? "" : " (called at its mirror " + calledAt + ")";
    headers.put("mirror", mirror);
    describe(out, graph, headers, text, retrieved, calledAt);
    out.add(facts);
    StringWriter turtle = new StringWriter();
    turtle.write(
        "# "
            + headers.get("summary")
            + ".\n# Written by refresh-external from "
            + headers.get("endpoint")
            + headers.get("mirror")
            + " on "
            + retrieved
            + "; run it again to refresh.\n\n");
    RDFDataMgr.write(turtle, out, RDFFormat.TURTLE_PRETTY);
    Path target = external.resolve(name + ".ttl");
    try {
      Files.createDirectories(external);
      Path temp = Files.createTempFile(external, name, ".ttl.part");
      Files.writeString(temp, turtle.toString(), StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target, e);
    }
    return new Result(name, target, statements);
  }

  private static void describe(
      Model out,
      String graph,
      Map<String, String> headers,
      String text,
      LocalDate retrieved,
      String calledAt) {
    Resource g = out.createResource(graph);
    g.addProperty(RDF.type, out.createResource(GB.ExternalSnapshot.getURI()))
        .addProperty(GB.label, out.createLiteral(headers.get("summary"), "en"))
        .addProperty(
            DCTerms.description,
            out.createLiteral(
                "Fetched by refresh-external from the endpoint "
                    + headers.get("endpoint")
                    + headers.get("mirror")
                    + " with the query gb:query, on "
                    + retrieved
                    + ". "
                    + headers.getOrDefault("description", ""),
                "en"))
        .addProperty(GB.snapshotOf, out.createResource(headers.get("dataset")))
        .addProperty(GB.obtainedBy, out.createResource(GB.endpointQuery.getURI()))
        .addProperty(DCTerms.license, out.createResource(headers.get("license")))
        .addProperty(
            DCTerms.created, out.createTypedLiteral(retrieved.toString(), XSDDatatype.XSDdate))
        .addProperty(PROV.wasAttributedTo, out.createResource(GB.ID + "editors"))
        .addProperty(DCTerms.source, out.createResource(calledAt))
        .addProperty(GB.query, text);
  }
}
