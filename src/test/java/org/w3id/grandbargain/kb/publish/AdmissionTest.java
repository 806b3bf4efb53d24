package org.w3id.grandbargain.kb.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3id.grandbargain.kb.publish.core.Admission;
import org.w3id.grandbargain.kb.publish.core.ServerSettings;
import org.w3id.grandbargain.kb.query.ServicePolicy;

/**
 * Admission under load, from several clients: each test speaks from its own loopback addresses
 * (127.0.0.x), which the server tells apart as it tells apart clients on a network.
 */
@Timeout(120)
class AdmissionTest {
  /** Runs until the 3 s timeout. */
  private static final String SLOW =
      "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

  private static final String CHEAP = "ASK { ?s ?p ?o }";

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            ServerSettings.builder()
                .port(0)
                .queryTimeout(Duration.ofSeconds(3))
                .services(ServicePolicy.none())
                .admission(
                    Admission.builder()
                        .queries(2, 1, Duration.ofSeconds(1))
                        .perClient(1, 5)
                        .maxRequestBytes(64 << 10)
                        .trustedProxies(java.util.Set.of("127.0.0.51"))
                        .build())
                .ops(0, "127.0.0.1")
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pastTheQueueQueriesAreRefusedAtOnceWithRetryAfterWhilePagesStayUp() throws Exception {
    List<CompletableFuture<Answer>> slow =
        List.of(async("127.0.0.11", query(SLOW)), async("127.0.0.12", query(SLOW)));
    Thread.sleep(500);
    List<CompletableFuture<Answer>> refused =
        List.of(async("127.0.0.13", query(CHEAP)), async("127.0.0.14", query(CHEAP)));
    Answer page = send("127.0.0.15", "/", "");
    assertEquals(200, page.status());
    assertTrue(
        slow.stream().noneMatch(CompletableFuture::isDone),
        "the page was answered while both query places were taken");
    for (CompletableFuture<Answer> f : refused) {
      Answer a = f.get();
      assertEquals(503, a.status(), a.body());
      assertEquals("5", a.header("retry-after"));
      assertEquals(
          "the endpoint is answering as many queries as it can (2 at once, 1 waiting); retry after 5 s",
          a.body().strip());
    }
    for (CompletableFuture<Answer> f : slow) {
      Answer a = f.get();
      assertEquals(503, a.status(), a.body());
      assertEquals("Query timed out", a.body().strip());
      assertNull(a.header("retry-after"), "a query that ran and timed out is not a refusal");
    }
  }

  @Test
  void oneClientPastItsShareIsRefusedAndOtherClientsAreNot() throws Exception {
    CompletableFuture<Answer> greedy = async("127.0.0.21", query(SLOW));
    Thread.sleep(500);
    Answer second = send("127.0.0.21", query(SLOW), "text/csv");
    assertEquals(429, second.status(), second.body());
    assertEquals("5", second.header("retry-after"));
    assertEquals(
        "this client already has 1 queries in progress, the most one client may; retry after 5 s",
        second.body().strip());
    Answer other = send("127.0.0.22", query(CHEAP), "application/sparql-results+json");
    assertEquals(200, other.status(), other.headers() + other.body());
    assertTrue(other.body().contains("\"boolean\" : true"), other.body());
    assertFalse(greedy.isDone(), "the first slow query still runs");
    assertEquals(503, greedy.get().status());
    // the place is freed when the server has ended the exchange, which may be just after the
    // client has read its answer
    Answer after = send("127.0.0.21", query(CHEAP), "text/csv");
    for (int i = 0; i < 50 && after.status() == 429; i++) {
      Thread.sleep(100);
      after = send("127.0.0.21", query(CHEAP), "text/csv");
    }
    assertEquals(200, after.status(), "its place is free: " + after.body());
  }

  @Test
  void behindATrustedProxyEachClientIsTheOneTheProxyAddedLast() throws Exception {
    String proxy = "127.0.0.51";
    CompletableFuture<Answer> greedy =
        CompletableFuture.supplyAsync(
            () -> send(proxy, query(SLOW), "text/csv", "X-Forwarded-For: 203.0.113.7"));
    Thread.sleep(500);
    Answer same =
        send(proxy, query(SLOW), "text/csv", "X-Forwarded-For: 198.51.100.1, 203.0.113.7");
    assertEquals(429, same.status(), "the same client, whatever it wrote first: " + same.body());
    Answer other =
        send(proxy, query(CHEAP), "text/csv", "X-Forwarded-For: 203.0.113.7, 203.0.113.8");
    assertEquals(200, other.status(), "another client through the same proxy: " + other.body());
    Answer untrusted = send("127.0.0.52", query(CHEAP), "text/csv", "X-Forwarded-For: 203.0.113.7");
    assertEquals(
        200, untrusted.status(), "from anyone else the header is ignored: " + untrusted.body());
    assertEquals(503, greedy.get().status());

    Answer site =
        send(
            proxy,
            "/kb/sparql",
            "text/turtle",
            "X-Forwarded-Proto: https",
            "X-Forwarded-Host: evil.example",
            "Forwarded: host=evil.example;proto=https");
    assertEquals(200, site.status());
    assertFalse(site.body().contains("evil.example"), "no header changes the site's address");
  }

  @Test
  void aTrustedProxyIsAnAddressNeverANameToLookUp() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.w3id.grandbargain.kb.ConfigurationException.class,
            () -> Admission.builder().trustedProxies(java.util.Set.of("proxy.example")).build());
    assertEquals("trusted proxy 'proxy.example' is not an IPv4 or IPv6 address", e.getMessage());
    assertEquals(
        java.util.Set.of("0:0:0:0:0:0:0:1"),
        Admission.builder().trustedProxies(java.util.Set.of("::1")).build().trustedProxies());
  }

  @Test
  void aClientOverItsRateIsToldToSlowDownAndOthersAreNot() {
    List<Integer> statuses = new ArrayList<>();
    Answer refused = null;
    for (int i = 0; i < 60 && refused == null; i++) {
      Answer a = send("127.0.0.31", query(CHEAP), "text/csv");
      statuses.add(a.status());
      // a sequential client may find its previous exchange not yet ended on the server (this
      // server allows one query in progress per client); the rate's refusal is the one sought
      if (a.status() == 429 && a.body().contains("a second")) {
        refused = a;
      }
    }
    assertTrue(refused != null, "60 queries in a row from one client: " + statuses);
    assertEquals("5", refused.header("retry-after"));
    assertTrue(
        refused.body().contains("more than 5 queries a second from this client"),
        refused.headers() + "\n" + refused.body());
    assertEquals(200, send("127.0.0.32", query(CHEAP), "text/csv").status());
    assertEquals(200, send("127.0.0.31", "/", "").status(), "pages are not rate-limited");
  }

  @Test
  void oversizedBodiesAndHeadsAreRefusedAndTheServerCarriesOn() {
    String body = "query=" + URLEncoder.encode(CHEAP, StandardCharsets.UTF_8) + "&x=";
    body += "a".repeat(100_000);
    Answer big = post("127.0.0.41", "/kb/sparql", "application/x-www-form-urlencoded", body);
    assertEquals(413, big.status(), big.body());
    Answer longHead = send("127.0.0.41", "/kb/sparql?query=" + "a".repeat(200_000), "text/csv");
    assertTrue(
        longHead.status() == 414 || longHead.status() == 431,
        "a 200 KB request line: " + longHead.status());
    assertEquals(200, send("127.0.0.42", query(CHEAP), "text/csv").status());
  }

  @Test
  void healthAndMetricsAreOnTheirOwnPortAndCountWhatHappens() {
    int ops = server.opsPort();
    assertTrue(ops > 0 && ops != java.net.URI.create(server.base()).getPort());
    assertEquals("live", onOps(ops, "/health/live").body().strip());
    Answer ready = onOps(ops, "/health/ready");
    assertEquals(200, ready.status());
    assertEquals("ready: release " + server.publication().release().id(), ready.body().strip());
    assertEquals(404, onOps(ops, "/kb/sparql").status(), "the ops port serves nothing else");
    for (String path : List.of("/metrics", "/health/live", "/health/ready")) {
      assertEquals(404, send("127.0.0.51", path, "").status(), "not on the public port: " + path);
    }

    String pages = "gb_http_requests_seconds_count{kind=\"page\",status=\"200\"}";
    String described = "gb_http_requests_seconds_count{kind=\"linked-data\",status=\"200\"}";
    String queries = "gb_http_requests_seconds_count{kind=\"sparql\",status=\"200\"}";
    String rate = "gb_queries_refused_total{reason=\"client\"}";
    Map<String, Double> before = metrics(ops, pages, described, queries, rate);
    assertEquals(200, send("127.0.0.52", "/", "").status());
    assertEquals(200, send("127.0.0.52", "/doc/id/dick-cheney", "text/turtle").status());
    for (int i = 0; i < 60; i++) {
      if (send("127.0.0.53", query(CHEAP), "text/csv").status() == 429) {
        break;
      }
    }
    Map<String, Double> after = metrics(ops, pages, described, queries, rate);
    assertEquals(before.get(pages) + 1, after.get(pages), pages);
    assertEquals(before.get(described) + 1, after.get(described), described);
    assertTrue(after.get(queries) > before.get(queries), queries);
    assertEquals(before.get(rate) + 1, after.get(rate), rate);
    String text = onOps(ops, "/metrics").body();
    assertTrue(text.contains("# TYPE gb_http_requests_seconds histogram"), "latency histograms");
    assertTrue(text.contains("gb_http_requests_active{kind=\"sparql\"}"), "requests running");
    assertTrue(text.contains("gb_queries_timed_out_total"), "timeouts");
    assertTrue(text.contains("jvm_memory_used_bytes"), "memory");
  }

  @Test
  void badRequestsAreClearRefusalsThatNameNoPathOfTheMachine() {
    String root = server.publication().release().tdb2().getParent().toString();
    List<List<String>> cases =
        List.of(
            List.of("/doc/../../../etc/passwd", "text/html"),
            List.of("/doc/id/%2e%2e/%2e%2e/etc/passwd", "text/turtle"),
            List.of("/download/..%2F..%2Frelease.json", ""),
            List.of("/id/" + "a".repeat(5000), "text/turtle"),
            List.of("/id/%00", "text/turtle"),
            List.of("/id/%C3%28", "text/turtle"),
            List.of("/doc/id/dick-cheney?format=%FF", ""),
            List.of("/kb/sparql?query=%FF%FE", "text/csv"),
            List.of(
                "/kb/sparql?query=" + "SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%7D", "text/csv"),
            List.of("/kb/sparql?query=ASK%7B%7D&query=ASK%7B%7D", "text/csv"),
            List.of("/doc/id/dick-cheney", ";;;/;q=x"),
            List.of("/api/timeline?format=nope", ""),
            List.of("/resolve?iri=" + "h".repeat(3000), ""),
            List.of("/resolve?iri=javascript:alert(1)", "text/html"));
    for (List<String> c : cases) {
      Answer a = send("127.0.0.61", c.get(0), c.get(1));
      String what = c.get(0).substring(0, Math.min(80, c.get(0).length())) + ": " + a.status();
      assertTrue(a.status() >= 400 && a.status() < 500, what + " " + a.body());
      assertFalse(a.body().isBlank(), what + " says why");
      assertFalse(a.body().contains(root), what + " names the store's folder");
      assertFalse(a.body().contains("Exception"), what + ": " + a.body());
      assertFalse(a.body().contains("href=\"javascript:"), what + ": " + a.body());
      if (!a.body().startsWith("<!DOCTYPE html>")) {
        assertTrue(a.header("content-type").startsWith("text/plain"), what + " " + a.headers());
      }
    }
    assertTrue(
        send("127.0.0.61", "/id/%C3%28", "")
            .body()
            .startsWith("HTTP ERROR 400 Bad UTF-8 encoding"));
    assertTrue(
        send("127.0.0.63", "/kb/sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%7D", "")
            .body()
            .contains("at line 1, column 24"),
        "a parse error names the line and the column");
    assertEquals(200, send("127.0.0.62", "/", "").status(), "and the server carries on");
  }

  private static Answer onOps(int port, String path) {
    return exchange(
        "127.0.0.1",
        port,
        ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
  }

  /** The values of the named series (0 for a series not yet there). */
  private static Map<String, Double> metrics(int port, String... series) {
    String text = onOps(port, "/metrics").body();
    Map<String, Double> values = new TreeMap<>();
    for (String name : series) {
      values.put(name, 0.0);
      for (String line : text.split("\n")) {
        if (line.startsWith(name + " ")) {
          values.put(name, Double.parseDouble(line.substring(name.length() + 1).strip()));
        }
      }
    }
    return values;
  }

  private static String query(String sparql) {
    return "/kb/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8);
  }

  private static CompletableFuture<Answer> async(String from, String path) {
    return CompletableFuture.supplyAsync(() -> send(from, path, "text/csv"));
  }

  /** A GET from the address {@code from}, with more header lines ("Name: value") if any. */
  private static Answer send(String from, String path, String accept, String... headers) {
    String head =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\n"
            + (accept.isEmpty() ? "" : "Accept: " + accept + "\r\n")
            + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
            + "Connection: close\r\n\r\n";
    return exchange(from, head.getBytes(StandardCharsets.US_ASCII));
  }

  private static Answer post(String from, String path, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    return exchange(from, out.toByteArray());
  }

  /** One request over a socket bound to a loopback address of the test's choosing. */
  private static Answer exchange(String from, byte[] request) {
    return exchange(from, java.net.URI.create(server.base()).getPort(), request);
  }

  private static Answer exchange(String from, int port, byte[] request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before it has read a body it refuses
      }
      InputStream in = socket.getInputStream();
      return Answer.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(from + " " + new String(request, 0, 40), e);
    }
  }

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      return new Answer(
          Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : raw.substring(end + 4));
    }

    String header(String name) {
      return headers.get(name);
    }
  }
}
