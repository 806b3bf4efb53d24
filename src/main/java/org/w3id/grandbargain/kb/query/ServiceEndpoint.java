package org.w3id.grandbargain.kb.query;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * An endpoint that SERVICE may call: the IRI a query names, and the address actually contacted. The
 * address is the IRI itself unless the endpoint is routed to a mirror the operator runs (a local
 * copy of Wikidata, a test stand-in); only a routed address may lie inside the server's own
 * network, since the operator named it.
 *
 * @param iri the endpoint IRI as queries write it, for example {@code
 *     https://query.wikidata.org/sparql}
 * @param address where the calls go
 */
public record ServiceEndpoint(URI iri, URI address) {

  public ServiceEndpoint {
    Objects.requireNonNull(iri, "iri");
    Objects.requireNonNull(address, "address");
  }

  /** An endpoint called at its own address. */
  public static ServiceEndpoint of(String iri) {
    URI uri = parse("SERVICE endpoint", iri);
    return new ServiceEndpoint(uri, uri);
  }

  /** An endpoint whose calls go to another address, which may be local. */
  public static ServiceEndpoint routed(String iri, String address) {
    return new ServiceEndpoint(parse("SERVICE endpoint", iri), parse("route address", address));
  }

  /** Whether calls go somewhere other than the IRI. */
  public boolean isRouted() {
    return !iri.equals(address);
  }

  /** Whether an IRI written in a query names this endpoint (scheme and host in any case). */
  boolean matches(URI other) {
    return iri.equals(normalise(other));
  }

  /**
   * Parses an endpoint address: absolute http or https with a host, no fragment.
   *
   * @throws ConfigurationException naming the value and what is wrong with it
   */
  static URI parse(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(what + " is empty");
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          what + " '" + value + "' is not an address: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawFragment() != null) {
      throw new ConfigurationException(
          what + " '" + value + "' must be an absolute http(s) address with a host, no fragment");
    }
    return normalise(uri);
  }

  /** Lower-cases scheme and host, drops a default port, gives an empty path as "/". */
  static URI normalise(URI uri) {
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    StringBuilder s = new StringBuilder().append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      s.append(uri.getRawUserInfo()).append('@');
    }
    s.append(host);
    if (port != -1) {
      s.append(':').append(port);
    }
    s.append(path);
    if (uri.getRawQuery() != null) {
      s.append('?').append(uri.getRawQuery());
    }
    return URI.create(s.toString());
  }
}
