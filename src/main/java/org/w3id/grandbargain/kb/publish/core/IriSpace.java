package org.w3id.grandbargain.kb.publish.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.w3id.grandbargain.kb.vocabulary.GB;

/**
 * The mapping between the persistent namespace and this server's paths. The knowledge base mints
 * its IRIs under {@link GB#BASE}; the server answers for them under a configurable base, so that
 * the same release can be served locally or behind the namespace's redirect. A thing's IRI {@code
 * <base>id/x} is served at {@code /id/x}, which redirects (303) to its description at {@code
 * /doc/id/x}.
 *
 * @param base the namespace the server answers for, ending in '/'
 */
public record IriSpace(String base) {

  /**
   * The path (starting with '/', not percent-encoded) at which an IRI of the knowledge base is
   * served, if it is one.
   */
  public Optional<String> pathOf(String iri) {
    String canonical = canonical(iri);
    if (canonical.startsWith(GB.BASE)) {
      return Optional.of("/" + canonical.substring(GB.BASE.length()));
    }
    return Optional.empty();
  }

  /** The IRI of the knowledge base that a request path (decoded, starting with '/') stands for. */
  public String iriOf(String path) {
    return GB.BASE + path.substring(1);
  }

  /**
   * An IRI of the namespace in any of the forms a client may give it: under the configured base,
   * with http instead of https, with a fragment; returned in the knowledge base's own form without
   * the fragment.
   */
  public String canonical(String iri) {
    String s = iri;
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    for (String prefix : new String[] {base, GB.BASE, GB.BASE.replaceFirst("^https:", "http:")}) {
      if (s.startsWith(prefix)) {
        return GB.BASE + s.substring(prefix.length());
      }
    }
    return s;
  }

  /** The fragment of an IRI, or null. */
  public static String fragment(String iri) {
    int hash = iri.indexOf('#');
    return hash < 0 ? null : iri.substring(hash + 1);
  }

  /** The href of the description of a knowledge base IRI: {@code /doc/id/x}, percent-encoded. */
  public String docHref(String iri) {
    String path = pathOf(iri).orElseThrow();
    String fragment = fragment(iri);
    String target;
    if (path.startsWith("/id/") || path.startsWith("/graph/")) {
      target = "/doc" + path;
    } else {
      target = path;
    }
    return encode(target) + (fragment == null ? "" : "#" + fragment);
  }

  /** The path of an absolute URL, with its query and fragment removed. */
  public static String pathOfUrl(String url) {
    return URI.create(url).getRawPath();
  }

  /** A value percent-encoded for a query string. */
  public static String encodeQuery(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A path with its non-ASCII and reserved characters percent-encoded, '/' kept. */
  public static String encode(String path) {
    try {
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + path, e);
    }
  }
}
