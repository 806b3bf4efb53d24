package org.w3id.grandbargain.kb.load;

import java.util.regex.Pattern;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * Where an entry is defined: in the shared entities every article may refer to, or in one article's
 * folder. The scope decides the IRI: {@code id/<id>} for shared entries, {@code id/<article>/<id>}
 * for an article's own.
 *
 * @param article the article's folder name, or null for the shared scope
 */
public record Scope(String article) {
  /**
   * Ids and article folder names: lowercase letters (of any script, so that a name keeps its
   * accents), digits and single hyphens.
   */
  public static final Pattern SLUG =
      Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}]+(-[\\p{Ll}\\p{Lo}\\p{Nd}]+)*");

  /** The shared scope. */
  public static final Scope SHARED = new Scope(null);

  public Scope {
    if (article != null && !SLUG.matcher(article).matches()) {
      throw new ConfigurationException(
          "article folder name '"
              + article
              + "' is not a slug (lowercase letters, digits, single hyphens)");
    }
  }

  /** The scope of one article's folder. */
  public static Scope article(String slug) {
    return new Scope(slug);
  }

  public boolean isShared() {
    return article == null;
  }

  @Override
  public String toString() {
    return isShared() ? "shared" : "article " + article;
  }
}
