package org.w3id.grandbargain.kb.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.grandbargain.kb.ProjectLayout;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.publish.core.Publication;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * A real server on a free port over a real TDB2 release, wired by {@link KbServer#build} exactly as
 * {@code serve} wires it. The release holds the real article and the fictional second one (which
 * has an id with non-ASCII letters); it is built once per test run into a temporary folder and only
 * read. Close the server to stop it.
 */
public final class TestServer implements AutoCloseable {
  private static final java.util.Map<Boolean, ReleaseStore> STORES = new java.util.HashMap<>();

  private final Publication publication;
  private final FusekiServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestServer(ServerSettings settings, boolean withSecondArticle) {
    this.publication = Publication.open(layout(withSecondArticle), store(withSecondArticle));
    this.server = KbServer.build(settings, publication).start();
  }

  /**
   * The layout a test release is built from: the project's data, and the second article too unless
   * only the real article is wanted.
   */
  public static ProjectLayout layout(boolean withSecondArticle) {
    return withSecondArticle
        ? TestProject.layout().withExtraData(List.of(TestProject.resource("second-article/data")))
        : TestProject.layout();
  }

  /** The store of the test release with both articles, built on first use. */
  public static ReleaseStore store() {
    return store(true);
  }

  /** The store of a test release, built on first use and only read afterwards. */
  public static synchronized ReleaseStore store(boolean withSecondArticle) {
    return STORES.computeIfAbsent(
        withSecondArticle,
        both -> {
          try {
            Path dir = Files.createTempDirectory("grand-bargain-test-store");
            ReleaseStore store = new ReleaseStore(dir);
            new ReleaseBuilder(layout(both), store).build(m -> {});
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestProject.deleteQuietly(dir)));
            return store;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Starts a server over both articles with the given settings (use port 0). */
  public static TestServer start(ServerSettings settings) {
    return new TestServer(settings, true);
  }

  /** Starts a server over the real article alone, on a free port. */
  public static TestServer startRealArticleOnly() {
    return new TestServer(
        ServerSettings.builder().port(0).services(StandIns.get().services()).build(), false);
  }

  /** Starts a server over the real article alone with the given settings (use port 0). */
  public static TestServer startRealArticleOnly(ServerSettings settings) {
    return new TestServer(settings, false);
  }

  /**
   * Starts a server with the defaults, on a free port, with small pages to exercise paging, and
   * SERVICE routed to the stand-ins of Wikidata and DBpedia.
   */
  public static TestServer start() {
    return start(
        ServerSettings.builder().port(0).pageSize(10).services(StandIns.get().services()).build());
  }

  public Publication publication() {
    return publication;
  }

  /** How many requests Fuseki's query operation of the endpoint has handled, by its counters. */
  public long queriesHandled() {
    return server
        .getDataAccessPointRegistry()
        .get("/kb")
        .getDataService()
        .getEndpoints(org.apache.jena.fuseki.server.Operation.Query)
        .stream()
        .mapToLong(e -> e.getCounters().value(org.apache.jena.fuseki.server.CounterName.Requests))
        .sum();
  }

  /** The port of health and metrics, or -1 when the settings gave none. */
  public int opsPort() {
    return KbServer.opsPort(server);
  }

  /** The server's address, ending in '/'. */
  public String base() {
    return "http://localhost:" + server.getHttpPort() + "/";
  }

  public String url(String path) {
    return base() + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** A GET with optional header pairs (name, value, ...), redirects not followed. */
  public HttpResponse<byte[]> get(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  /** A POST of {@code body} as {@code contentType}. */
  public HttpResponse<byte[]> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Sends any request, redirects not followed. A request sent on a pooled connection that the
   * server closed after its previous answer (as Jetty does after refusing a request whose body it
   * did not read) reaches no one and is sent once more.
   */
  public HttpResponse<byte[]> send(HttpRequest request) {
    try {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
          throw e;
        }
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response body as UTF-8 text. */
  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A response header, or "" when absent. */
  public static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  /** A request builder for a path of this server. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(url(path)));
  }

  @Override
  public void close() {
    server.stop();
    publication.close();
  }
}
