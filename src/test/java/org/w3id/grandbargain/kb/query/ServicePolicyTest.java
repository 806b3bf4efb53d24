package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.StandIns;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * SERVICE goes only where the query policy allows, whatever form the query takes: each refused call
 * fails with its reason and the forbidden listener, which stands for any address off the allowlist,
 * is never contacted.
 */
class ServicePolicyTest {
  @TempDir static Path store;
  private static KnowledgeBase kb;
  private static final StandIns STAND_INS = StandIns.get();
  private int contactsBefore;

  @BeforeAll
  static void build() {
    ReleaseStore releases = new ReleaseStore(store);
    new ReleaseBuilder(TestProject.layout(), releases).build(m -> {});
    kb = KnowledgeBase.openCurrent(releases);
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  @BeforeEach
  void countContacts() {
    contactsBefore = STAND_INS.forbiddenContacts();
  }

  @AfterEach
  void theForbiddenListenerWasNeverContacted() {
    assertEquals(contactsBefore, STAND_INS.forbiddenContacts(), "forbidden listener contacted");
  }

  private static int rows(QueryPolicy policy, String query) {
    return new DatasetKnowledge(kb.dataset(), policy)
        .select(QueryFactory.create(query), BindingFactory.empty())
        .size();
  }

  private static String refusal(QueryPolicy policy, String query) {
    RuntimeException e = assertThrows(RuntimeException.class, () -> rows(policy, query));
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ServiceRefusedException || c instanceof ServiceFailedException) {
        return c.getMessage();
      }
    }
    throw new AssertionError("not refused by the policy: " + e, e);
  }

  static Stream<Arguments> variableEndpoints() {
    String f = "<" + StandIns.get().forbiddenAddress() + ">";
    String call = "SERVICE ?x { ?s ?p ?o }";
    return Stream.of(
        Arguments.of("pattern", "SELECT * { BIND(" + f + " AS ?x) " + call + " }"),
        Arguments.of(
            "sub-query", "SELECT * { { SELECT ?s { VALUES ?x { " + f + " } " + call + " } } }"),
        Arguments.of(
            "EXISTS", "SELECT * { VALUES ?x { " + f + " } FILTER EXISTS { " + call + " } }"),
        Arguments.of(
            "GROUP BY",
            "SELECT ?s (COUNT(*) AS ?n) { VALUES ?x { " + f + " } " + call + " } GROUP BY ?s"),
        Arguments.of(
            "GROUP BY expression",
            "SELECT ?g (COUNT(*) AS ?n) { VALUES ?x { "
                + f
                + " } } GROUP BY (EXISTS { "
                + call
                + " } AS ?g)"),
        Arguments.of(
            "ORDER BY", "SELECT ?x { VALUES ?x { " + f + " } } ORDER BY (EXISTS { " + call + " })"),
        Arguments.of(
            "BIND", "SELECT * { VALUES ?x { " + f + " } BIND(EXISTS { " + call + " } AS ?b) }"));
  }

  @ParameterizedTest(name = "SERVICE ?x in {0}")
  @MethodSource("variableEndpoints")
  void aVariableEndpointIsRefusedInEveryPosition(String where, String query) {
    assertEquals(
        "SERVICE ?x is refused: the endpoint must be written as an IRI, not a variable",
        refusal(STAND_INS.policy(), query));
  }

  static Stream<Arguments> constantEndpoints() {
    String f = "<" + StandIns.get().forbiddenAddress() + ">";
    String call = "SERVICE " + f + " { ?s ?p ?o }";
    return Stream.of(
        Arguments.of("pattern", "SELECT * { " + call + " }"),
        Arguments.of("sub-query", "SELECT * { { SELECT ?s { " + call + " } } }"),
        Arguments.of("EXISTS", "SELECT * { FILTER EXISTS { " + call + " } }"),
        Arguments.of("GROUP BY", "SELECT ?s (COUNT(*) AS ?n) { " + call + " } GROUP BY ?s"),
        Arguments.of(
            "ORDER BY", "SELECT ?x { VALUES ?x { 1 2 } } ORDER BY (EXISTS { " + call + " })"),
        Arguments.of("BIND", "SELECT * { BIND(EXISTS { " + call + " } AS ?b) }"),
        Arguments.of(
            "OPTIONAL SILENT", "SELECT * { OPTIONAL { SERVICE SILENT " + f + " { ?s ?p ?o } } }"));
  }

  @ParameterizedTest(name = "SERVICE <127.0.0.1> in {0}")
  @MethodSource("constantEndpoints")
  void anAddressOffTheAllowlistIsRefusedInEveryPosition(String where, String query) {
    assertEquals(
        "SERVICE <"
            + STAND_INS.forbiddenAddress()
            + "> is refused: not on the allowlist (https://query.wikidata.org/sparql, https://dbpedia.org/sparql)",
        refusal(STAND_INS.policy(), query));
  }

  @Test
  void anotherHostIsRefused() {
    assertEquals(
        "SERVICE <http://example.org/sparql> is refused: not on the allowlist (https://query.wikidata.org/sparql, https://dbpedia.org/sparql)",
        refusal(
            STAND_INS.policy(), "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"));
  }

  @Test
  void aFileIsRefused() {
    assertEquals(
        "SERVICE <file:///etc/passwd> is refused: only http and https endpoints may be called",
        refusal(STAND_INS.policy(), "SELECT * { SERVICE <file:///etc/passwd> { ?s ?p ?o } }"));
  }

  @Test
  void anAllowlistedNameThatResolvesToLoopbackIsRefused() {
    String local = "http://localhost:" + STAND_INS.forbiddenPort() + "/sparql";
    QueryPolicy policy =
        QueryPolicy.defaults().withServices(ServicePolicy.builder().allow(local).build());
    String message = refusal(policy, "SELECT * { SERVICE <" + local + "> { ?s ?p ?o } }");
    assertTrue(
        message.startsWith("SERVICE <" + local + "> is refused: the host localhost resolves to "),
        message);
    assertTrue(message.endsWith(", inside the server's own network"), message);
  }

  @Test
  void anAllowlistedNameThatResolvesToAPrivateAddressIsRefused() throws UnknownHostException {
    InetAddress privateAddress =
        InetAddress.getByAddress("internal.example", new byte[] {10, 0, 0, 5});
    QueryPolicy policy =
        QueryPolicy.defaults()
            .withServices(
                ServicePolicy.builder()
                    .allow("https://internal.example/sparql")
                    .resolver(host -> List.of(privateAddress))
                    .build());
    assertEquals(
        "SERVICE <https://internal.example/sparql> is refused: the host internal.example resolves to 10.0.0.5, inside the server's own network",
        refusal(policy, "SELECT * { SERVICE <https://internal.example/sparql> { ?s ?p ?o } }"));
  }

  @Test
  void aRedirectFromAnAllowedEndpointIsNotFollowed() {
    QueryPolicy policy =
        QueryPolicy.defaults()
            .withServices(
                ServicePolicy.builder()
                    .route(ServicePolicy.WIKIDATA, STAND_INS.redirectingEndpoint())
                    .build());
    assertEquals(
        "SERVICE <https://query.wikidata.org/sparql> failed: it answered with a redirect (302), which is not followed",
        refusal(policy, "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"));
  }

  @Test
  void aCallPastItsTimeLimitFails() {
    QueryPolicy policy =
        QueryPolicy.defaults()
            .withServices(
                ServicePolicy.builder()
                    .route(ServicePolicy.WIKIDATA, STAND_INS.slowEndpoint())
                    .timeout(Duration.ofMillis(500))
                    .build());
    String message =
        refusal(policy, "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }");
    assertTrue(message.startsWith("SERVICE <https://query.wikidata.org/sparql> failed: "), message);
  }

  @Test
  void aCallReturningMoreRowsThanItsBoundFails() {
    QueryPolicy policy =
        QueryPolicy.defaults()
            .withServices(
                ServicePolicy.builder()
                    .route(ServicePolicy.WIKIDATA, STAND_INS.wikidataEndpoint())
                    .maxRows(3)
                    .build());
    assertEquals(
        "SERVICE <https://query.wikidata.org/sparql> returned more than 3 rows, the bound of one call",
        refusal(policy, "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"));
    assertEquals(
        3,
        rows(
            policy,
            "SELECT * { SERVICE <https://query.wikidata.org/sparql> { SELECT * { ?s ?p ?o } LIMIT 3 } }"));
  }

  @Test
  void aQueryMayMakeNoMoreCallsThanItsBudget() {
    QueryPolicy policy =
        QueryPolicy.defaults()
            .withServices(
                ServicePolicy.builder()
                    .route(ServicePolicy.WIKIDATA, STAND_INS.wikidataEndpoint())
                    .maxCalls(2)
                    .build());
    String perRow =
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT * { VALUES ?i {"
            + " <http://www.wikidata.org/entity/Q207> <http://www.wikidata.org/entity/Q48259>"
            + " <http://www.wikidata.org/entity/Q3616> }"
            + " SERVICE <https://query.wikidata.org/sparql> { ?i rdfs:label ?l } }";
    assertEquals(
        "SERVICE <https://query.wikidata.org/sparql> is not called: the query has made 2 SERVICE"
            + " calls, the most one query may make (one per row that reaches a SERVICE)",
        refusal(policy, perRow));
  }

  @Test
  void anAllowlistedEndpointAnswers() {
    assertEquals(
        2,
        rows(
            STAND_INS.policy(),
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l { SERVICE <https://query.wikidata.org/sparql> { <http://www.wikidata.org/entity/Q48259> rdfs:label ?l } }"));
  }

  @Test
  void withoutAnAllowlistEverySeviceIsRefused() {
    assertEquals(
        "SERVICE <https://query.wikidata.org/sparql> is refused: not on the allowlist (empty: SERVICE is disabled)",
        refusal(
            QueryPolicy.defaults().withServices(ServicePolicy.none()),
            "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"));
  }

  @Test
  void theBuilderNamesTheBadValue() {
    assertEquals(
        "SERVICE endpoint 'ftp://example.org/sparql' must be an absolute http(s) address with a host, no fragment",
        assertThrows(
                ConfigurationException.class,
                () -> ServicePolicy.builder().allow("ftp://example.org/sparql").build())
            .getMessage());
    assertEquals(
        "SERVICE row bound 0 must be at least 1",
        assertThrows(ConfigurationException.class, () -> ServicePolicy.builder().maxRows(0).build())
            .getMessage());
  }

  @Test
  void publicAndPrivateAddressesAreTold() throws UnknownHostException {
    assertTrue(ServiceGuard.isPublic(InetAddress.getByName("208.80.154.224")));
    for (String a :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1")) {
      assertEquals(false, ServiceGuard.isPublic(InetAddress.getByName(a)), a);
    }
  }
}
