package org.w3id.grandbargain.kb.query;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.engine.iterator.QueryIteratorWrapper;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;

/**
 * The link of Jena's service executor chain through which every SERVICE call of a query passes,
 * whatever its place in the query (a sub-query, EXISTS, an expression of BIND, GROUP BY or ORDER
 * BY): it lets a call through only to an allowlisted endpoint, at a public address unless the
 * operator routed it, with the remote part bounded to one row more than the policy allows, and it
 * turns a remote failure into a {@link ServiceFailedException}.
 *
 * <p>The refusal happens before the call is handed on, so nothing is contacted: not the host, not a
 * name server for an IRI off the allowlist.
 */
final class ServiceGuard implements ChainingServiceExecutor {
  private final ServicePolicy policy;

  ServiceGuard(ServicePolicy policy) {
    this.policy = policy;
  }

  @Override
  public QueryIterator createExecution(
      OpService opExecute,
      OpService opOriginal,
      Binding binding,
      ExecutionContext execCxt,
      ServiceExecutor chain) {
    try {
      return new Bounded(
          call(opExecute, opOriginal, binding, execCxt, chain),
          iri(opExecute),
          policy.maxRows(),
          execCxt);
    } catch (ServiceRefusedException | ServiceFailedException e) {
      stop(execCxt, e);
      throw e;
    }
  }

  /**
   * Records the problem for whoever runs the query and cancels the rest of the execution, which
   * would otherwise go on (a FILTER takes an error for "false") and try the call again per row.
   */
  private static void stop(ExecutionContext execCxt, org.w3id.grandbargain.kb.KbException e) {
    ServiceCalls.of(execCxt.getContext()).ifPresent(p -> p.record(e));
    java.util.concurrent.atomic.AtomicBoolean cancel = execCxt.getCancelSignal();
    if (cancel != null) {
      cancel.set(true);
    }
  }

  private static String iri(OpService op) {
    Node node = op.getService();
    return node.isURI() ? node.getURI() : NodeFmtLib.strTTL(node);
  }

  private QueryIterator call(
      OpService opExecute,
      OpService opOriginal,
      Binding binding,
      ExecutionContext execCxt,
      ServiceExecutor chain) {
    Node written = opOriginal.getService();
    if (!written.isURI()) {
      throw new ServiceRefusedException(
          "SERVICE "
              + NodeFmtLib.strTTL(written)
              + " is refused: the endpoint must be written as an IRI, not a variable");
    }
    String iri = iri(opExecute);
    ServiceEndpoint endpoint = allowed(iri);
    URI address = endpoint.address();
    if (!endpoint.isRouted()) {
      checkPublic(iri, address.getHost());
    }
    int made = ServiceCalls.of(execCxt.getContext()).map(ServiceCalls::call).orElse(1);
    if (made > policy.maxCalls()) {
      throw new ServiceFailedException(
          "SERVICE <"
              + iri
              + "> is not called: the query has made "
              + policy.maxCalls()
              + " SERVICE calls, the most one query may make (one per row that reaches a SERVICE)",
          null);
    }
    OpSlice bounded = new OpSlice(opExecute.getSubOp(), Long.MIN_VALUE, policy.maxRows() + 1L);
    OpService call =
        new OpService(NodeFactory.createURI(address.toString()), bounded, opExecute.getSilent());
    try {
      return chain.createExecution(call, opOriginal, binding, execCxt);
    } catch (QueryExceptionHTTP | HttpException e) {
      throw failed(iri, e);
    } catch (RuntimeException e) {
      if (e.getCause() instanceof java.net.http.HttpTimeoutException
          || e.getCause() instanceof java.io.IOException) {
        throw failed(iri, e);
      }
      throw e;
    }
  }

  private ServiceEndpoint allowed(String iri) {
    URI uri;
    try {
      uri = new URI(iri);
    } catch (URISyntaxException e) {
      throw new ServiceRefusedException("SERVICE <" + iri + "> is refused: not an address");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ServiceRefusedException(
          "SERVICE <" + iri + "> is refused: only http and https endpoints may be called");
    }
    if (uri.getHost() == null) {
      throw new ServiceRefusedException(
          "SERVICE <" + iri + "> is refused: the address has no host");
    }
    return policy
        .find(uri)
        .orElseThrow(
            () ->
                new ServiceRefusedException(
                    "SERVICE <"
                        + iri
                        + "> is refused: not on the allowlist ("
                        + (policy.endpoints().isEmpty()
                            ? "empty: SERVICE is disabled"
                            : policy.endpoints().stream()
                                .map(e -> e.iri().toString())
                                .collect(Collectors.joining(", ")))
                        + ")"));
  }

  private void checkPublic(String iri, String host) {
    List<InetAddress> addresses = policy.resolver().apply(host);
    if (addresses.isEmpty()) {
      throw new ServiceFailedException(
          "SERVICE <" + iri + "> failed: the host " + host + " does not resolve (offline?)", null);
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        throw new ServiceRefusedException(
            "SERVICE <"
                + iri
                + "> is refused: the host "
                + host
                + " resolves to "
                + a.getHostAddress()
                + ", inside the server's own network");
      }
    }
  }

  /**
   * Whether an address is public: outside the loopback, unspecified, link-local, private, shared,
   * benchmarking, documentation, reserved and multicast ranges, and for an IPv6 address that embeds
   * an IPv4 one (NAT64, 6to4, IPv4-compatible), outside them for that one too.
   */
  static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      int b0 = b[0] & 0xff;
      int b1 = b[1] & 0xff;
      if ((b0 & 0xfe) == 0xfc // fc00::/7, unique local
          || (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)) {
        return false; // 2001:db8::/32, documentation
      }
      if (b0 == 0x20 && b1 == 0x02) { // 2002::/16, 6to4: the IPv4 address in bytes 2 to 5
        return isPublicIpv4(java.util.Arrays.copyOfRange(b, 2, 6));
      }
      boolean nat64 = b0 == 0 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
      boolean compatible = true; // ::a.b.c.d
      for (int i = 0; i < 12; i++) {
        compatible &= b[i] == 0;
        if (i >= 4 && b[i] != 0) {
          nat64 = false;
        }
      }
      if (nat64 || compatible) {
        return isPublicIpv4(java.util.Arrays.copyOfRange(b, 12, 16));
      }
      return true;
    }
    return isPublicIpv4(b);
  }

  private static boolean isPublicIpv4(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    int third = b[2] & 0xff;
    return first != 0 // 0.0.0.0/8
        && first != 10 // 10.0.0.0/8
        && first != 127 // 127.0.0.0/8
        && !(first == 169 && second == 254) // 169.254.0.0/16, link-local
        && !(first == 172 && second >= 16 && second < 32) // 172.16.0.0/12
        && !(first == 192 && second == 168) // 192.168.0.0/16
        && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, shared
        && !(first == 192 && second == 0 && (third == 0 || third == 2)) // IETF, documentation
        && !(first == 198 && (second == 18 || second == 19)) // 198.18.0.0/15, benchmarking
        && !(first == 198 && second == 51 && third == 100) // documentation
        && !(first == 203 && second == 0 && third == 113) // documentation
        && first < 224; // multicast, reserved 240.0.0.0/4 and broadcast
  }

  private static ServiceFailedException failed(String iri, RuntimeException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof QueryExceptionHTTP http && http.getStatusCode() / 100 == 3) {
      why = "it answered with a redirect (" + http.getStatusCode() + "), which is not followed";
    }
    return new ServiceFailedException("SERVICE <" + iri + "> failed: " + why, e);
  }

  /** Fails once a call has returned more rows than the bound. */
  private static final class Bounded extends QueryIteratorWrapper {
    private final String iri;
    private final int max;
    private final ExecutionContext execCxt;
    private int n;

    Bounded(QueryIterator rows, String iri, int max, ExecutionContext execCxt) {
      super(rows);
      this.iri = iri;
      this.max = max;
      this.execCxt = execCxt;
    }

    @Override
    protected Binding moveToNextBinding() {
      if (++n > max) {
        ServiceFailedException e =
            new ServiceFailedException(
                "SERVICE <" + iri + "> returned more than " + max + " rows, the bound of one call",
                null);
        stop(execCxt, e);
        throw e;
      }
      return super.moveToNextBinding();
    }
  }
}
