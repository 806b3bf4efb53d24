package org.w3id.grandbargain.kb;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.grandbargain.kb.query.QueryPolicy;
import org.w3id.grandbargain.kb.query.ServicePolicy;

/**
 * Local stand-ins for the external endpoints, started once per test run and stopped when it ends:
 * two embedded Fuseki servers, one playing the Wikidata Query Service and one DBpedia, each serving
 * a small, clearly labelled extract ({@code src/test/resources/stand-ins/}); a stand-in endpoint
 * that answers every request with a redirect to a forbidden address, one that answers slowly; and a
 * forbidden listener, a socket that counts every connection made to it, which no test may ever
 * reach.
 *
 * <p>{@link #policy()} is the default allowlist with its two endpoints routed to the stand-ins, so
 * queries written for the real endpoints run unchanged against them.
 */
public final class StandIns {
  private static StandIns instance;

  private final FusekiServer wikidata;
  private final FusekiServer dbpedia;
  private final ServerSocket forbidden;
  private final AtomicInteger contacts = new AtomicInteger();

  private StandIns() {
    try {
      forbidden = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread listener =
        new Thread(
            () -> {
              while (!forbidden.isClosed()) {
                try (Socket s = forbidden.accept()) {
                  contacts.incrementAndGet();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "forbidden-listener");
    listener.setDaemon(true);
    listener.start();
    String target = forbiddenAddress();
    wikidata =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .verbose(false)
            .add("/wikidata", extract("stand-ins/wikidata.ttl"), false)
            .addServlet(
                "/redirect/sparql",
                answering(
                    resp -> {
                      resp.setStatus(302);
                      resp.setHeader("Location", target);
                    }))
            .addServlet(
                "/slow/sparql",
                answering(
                    resp -> {
                      try {
                        Thread.sleep(3_000);
                        resp.setStatus(503);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }))
            .build()
            .start();
    dbpedia =
        FusekiServer.create()
            .port(0)
            .loopback(true)
            .verbose(false)
            .add("/dbpedia", extract("stand-ins/dbpedia.ttl"), false)
            .build()
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  wikidata.stop();
                  dbpedia.stop();
                  try {
                    forbidden.close();
                  } catch (IOException e) {
                    // closing at exit
                  }
                }));
  }

  /** A servlet that answers every request the same way. */
  private static HttpServlet answering(java.util.function.Consumer<HttpServletResponse> answer) {
    return new HttpServlet() {
      private static final long serialVersionUID = 1L;

      @Override
      protected void service(HttpServletRequest req, HttpServletResponse resp) {
        answer.accept(resp);
      }
    };
  }

  /** The stand-ins, started on first use. */
  public static synchronized StandIns get() {
    if (instance == null) {
      instance = new StandIns();
    }
    return instance;
  }

  private static DatasetGraph extract(String resource) {
    DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
    RDFDataMgr.read(dsg.getDefaultGraph(), TestProject.resource(resource).toString());
    return dsg;
  }

  /** The stand-in for the Wikidata Query Service. */
  public String wikidataEndpoint() {
    return "http://localhost:" + wikidata.getHttpPort() + "/wikidata/sparql";
  }

  /** The stand-in for DBpedia's endpoint. */
  public String dbpediaEndpoint() {
    return "http://localhost:" + dbpedia.getHttpPort() + "/dbpedia/sparql";
  }

  /** A stand-in endpoint that answers with a redirect to {@link #forbiddenAddress()}. */
  public String redirectingEndpoint() {
    return "http://localhost:" + wikidata.getHttpPort() + "/redirect/sparql";
  }

  /** A stand-in endpoint that takes three seconds to answer, with an error. */
  public String slowEndpoint() {
    return "http://localhost:" + wikidata.getHttpPort() + "/slow/sparql";
  }

  /** The forbidden listener's address, as a SPARQL endpoint would be written. */
  public String forbiddenAddress() {
    return "http://127.0.0.1:" + forbidden.getLocalPort() + "/sparql";
  }

  /** The forbidden listener's port. */
  public int forbiddenPort() {
    return forbidden.getLocalPort();
  }

  /** How many connections the forbidden listener has accepted so far. */
  public int forbiddenContacts() {
    return contacts.get();
  }

  /** The default allowlist, each endpoint routed to its stand-in. */
  public ServicePolicy services() {
    return ServicePolicy.builder()
        .route(ServicePolicy.WIKIDATA, wikidataEndpoint())
        .route(ServicePolicy.DBPEDIA, dbpediaEndpoint())
        .build();
  }

  /** The default query policy with {@link #services()}. */
  public QueryPolicy policy() {
    return QueryPolicy.defaults().withServices(services());
  }
}
