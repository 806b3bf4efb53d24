package org.w3id.grandbargain.kb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * Reads the SPARQL queries that the stages run internally, kept as {@code .rq} files beside the
 * classes that use them; parameters are bound at run time by substitution.
 */
public final class SparqlResources {
  private SparqlResources() {}

  /** Parses the query file {@code name} in the package of {@code owner}. */
  public static Query query(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing query resource " + name + " beside " + owner.getName());
      }
      return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
