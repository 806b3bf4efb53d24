package org.w3id.grandbargain.kb.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.store.KnowledgeBase;
import org.w3id.grandbargain.kb.store.ReleaseBuilder;
import org.w3id.grandbargain.kb.store.ReleaseStore;

/**
 * Every query of {@code queries/} parses and returns exactly the answers written here, run against
 * a release of the real data built into a TDB2 store in a temporary folder. Rows are rendered one
 * per line, cells separated by " | ", IRIs of the knowledge base shortened to {@code id:}, trailing
 * empty cells dropped.
 */
public class NamedQueriesTest {
  /** The arguments each parameterised query is run with. */
  public static final Map<String, Map<String, String>> ARGUMENTS =
      Map.of(
          "claims-by-speaker",
          Map.of("speaker", "https://w3id.org/grand-bargain/id/lawrence-wilkerson"),
          "proposal-terms",
          Map.of(
              "proposal", "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/grand-bargain"),
          "proposal-events",
          Map.of(
              "proposal", "https://w3id.org/grand-bargain/id/ips-2006-03-28-cabal/grand-bargain"));

  /** The expected answers, by query name. */
  public static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "channels",
              """
              id:ips-2006-03-28-cabal/geneva-channel | Geneva channel | Geneva | closed | The neoconservatives close the Geneva channel for good | by May 2003 | Gareth Porter | 4
              id:ips-2006-03-28-cabal/swiss-channel | Swiss ambassador in Tehran as go-between | Tehran |  |  |  |  | 2
              """),
          Map.entry(
              "claims-by-speaker",
              """
              id:ips-2006-03-28-cabal/wilkerson-cabal-obstruction | A neoconservative "secret cabal" under Cheney kept any formal Iran policy from being adopted in 2002-2003 | remarks | asserted | "Cabal" Blocked 2003 Nuclear Talks with Iran (Inter Press Service, 28 March 2006) | secret cabal | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=580,839 | 580 | 839
              id:ips-2006-03-28-cabal/wilkerson-no-negotiations | The cabal achieved what it wanted, no negotiations with Iran | email | asserted | Lawrence Wilkerson's e-mail to IPS | The secret cabal got what it wanted: no negotiations with Tehran | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=840,944 | 840 | 944
              id:ips-2006-03-28-cabal/wilkerson-no-fingerprints | Like many national security decisions, this one left no trace of who made it | remarks | asserted | "Cabal" Blocked 2003 Nuclear Talks with Iran (Inter Press Service, 28 March 2006) | there are no fingerprints | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=2323,2438 | 2323 | 2438
              id:ips-2006-03-28-cabal/wilkerson-guess-cheney | Wilkerson guesses that Cheney took the decision, with Bush's blessing | remarks | conjecture | "Cabal" Blocked 2003 Nuclear Talks with Iran (Inter Press Service, 28 March 2006) | But I would guess Dick Cheney with the blessing of George W. Bush. | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=2439,2507 | 2439 | 2507
              id:ips-2006-03-28-cabal/wilkerson-policy-failure | Iran's initiative died because the administration never settled its Iran policy | remarks | asserted | "Cabal" Blocked 2003 Nuclear Talks with Iran (Inter Press Service, 28 March 2006) |  | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=2509,2725 | 2509 | 2725
              id:ips-2006-03-28-cabal/wilkerson-rice-incapable | The Iran policy process was run by a national security adviser who could not stand up to the cabal | email | asserted | Lawrence Wilkerson's e-mail to IPS | managed by a national security adviser incapable of standing up to the cabal | https://archive.globalpolicy.org/empire/intervention/iran/general/2006/0328cabal.htm#char=3403,3561 | 3403 | 3561
              """),
          Map.entry("dangling-iris-violation", ""),
          Map.entry(
              "external-links",
              """
              id:ips-2006-03-28-cabal/iraq-invasion | 2003 invasion of Iraq | http://www.wikidata.org/entity/Q107802 | http://dbpedia.org/resource/2003_invasion_of_Iraq
              id:abc-news | ABC News | http://www.wikidata.org/entity/Q287171 |
              id:afghanistan | Afghanistan | http://www.wikidata.org/entity/Q889 | http://dbpedia.org/resource/Afghanistan
              id:ali-khamenei | Ali Khamenei | http://www.wikidata.org/entity/Q57336 | http://dbpedia.org/resource/Ali_Khamenei
              id:colin-powell | Colin Powell | http://www.wikidata.org/entity/Q150851 | http://dbpedia.org/resource/Colin_Powell
              id:condoleezza-rice | Condoleezza Rice | http://www.wikidata.org/entity/Q47216 | http://dbpedia.org/resource/Condoleezza_Rice
              id:dick-cheney | Dick Cheney | http://www.wikidata.org/entity/Q48259 | http://dbpedia.org/resource/Dick_Cheney
              id:douglas-feith | Douglas Feith |  | http://dbpedia.org/resource/Douglas_Feith
              id:flynt-leverett | Flynt Leverett |  | http://dbpedia.org/resource/Flynt_Leverett
              id:gareth-porter | Gareth Porter |  | http://dbpedia.org/resource/Gareth_Porter
              id:geneva | Geneva | http://www.wikidata.org/entity/Q71 | http://dbpedia.org/resource/Geneva
              id:george-w-bush | George W. Bush | http://www.wikidata.org/entity/Q207 | http://dbpedia.org/resource/George_W._Bush
              id:global-policy-forum | Global Policy Forum |  | http://dbpedia.org/resource/Global_Policy_Forum
              id:iranian-government | Government of Iran |  | http://dbpedia.org/resource/Government_of_Iran
              id:hamas | Hamas | http://www.wikidata.org/entity/Q38799 | http://dbpedia.org/resource/Hamas
              id:hezbollah | Hezbollah | http://www.wikidata.org/entity/Q41053 | http://dbpedia.org/resource/Hezbollah
              id:inter-press-service | Inter Press Service |  | http://dbpedia.org/resource/Inter_Press_Service
              id:iran | Iran | http://www.wikidata.org/entity/Q794 | http://dbpedia.org/resource/Iran
              id:iraq | Iraq | http://www.wikidata.org/entity/Q796 | http://dbpedia.org/resource/Iraq
              id:javad-zarif | Javad Zarif |  | http://dbpedia.org/resource/Mohammad_Javad_Zarif
              id:larry-franklin | Larry Franklin |  | http://dbpedia.org/resource/Lawrence_Franklin
              id:lawrence-wilkerson | Lawrence Wilkerson |  | http://dbpedia.org/resource/Lawrence_Wilkerson
              id:office-of-special-plans | Office of Special Plans |  | http://dbpedia.org/resource/Office_of_Special_Plans
              id:office-of-the-vice-president | Office of the Vice President of the United States |  | http://dbpedia.org/resource/Office_of_the_Vice_President_of_the_United_States
              id:palestinian-islamic-jihad | Palestinian Islamic Jihad |  | http://dbpedia.org/resource/Palestinian_Islamic_Jihad
              id:saddam-hussein | Saddam Hussein | http://www.wikidata.org/entity/Q1316 | http://dbpedia.org/resource/Saddam_Hussein
              id:switzerland | Switzerland | http://www.wikidata.org/entity/Q39 | http://dbpedia.org/resource/Switzerland
              id:tehran | Tehran | http://www.wikidata.org/entity/Q3616 | http://dbpedia.org/resource/Tehran
              id:united-states | United States | http://www.wikidata.org/entity/Q30 | http://dbpedia.org/resource/United_States
              id:department-of-defense | United States Department of Defense | http://www.wikidata.org/entity/Q11209 | http://dbpedia.org/resource/United_States_Department_of_Defense
              id:state-department | United States Department of State | http://www.wikidata.org/entity/Q789915 | http://dbpedia.org/resource/United_States_Department_of_State
              id:national-security-council | United States National Security Council |  | http://dbpedia.org/resource/United_States_National_Security_Council
              id:us-government | United States government | http://www.wikidata.org/entity/Q48525 | http://dbpedia.org/resource/Federal_government_of_the_United_States
              id:washington-dc | Washington, D.C. | http://www.wikidata.org/entity/Q61 | http://dbpedia.org/resource/Washington,_D.C.
              id:zalmay-khalilzad | Zalmay Khalilzad |  | http://dbpedia.org/resource/Zalmay_Khalilzad
              id:al-qaeda | al-Qaeda | http://www.wikidata.org/entity/Q34490 | http://dbpedia.org/resource/Al-Qaeda
              """),
          Map.entry(
              "people-roles",
              """
              id:ali-khamenei | Ali Khamenei | Supreme Leader of Iran | Government of Iran |  |  | id:ips-2006-03-28-cabal/porter-role-khamenei
              id:colin-powell | Colin Powell | United States Secretary of State | United States Department of State |  |  | id:ips-2006-03-28-cabal/porter-role-wilkerson
              id:condoleezza-rice | Condoleezza Rice | National Security Adviser | United States National Security Council |  |  | id:ips-2006-03-28-cabal/porter-role-rice
              id:dick-cheney | Dick Cheney | Vice President of the United States | United States government |  |  | id:ips-2006-03-28-cabal/porter-role-cheney
              id:douglas-feith | Douglas Feith | Under Secretary of Defense for Policy | United States Department of Defense |  |  | id:ips-2006-03-28-cabal/porter-role-feith
              id:flynt-leverett | Flynt Leverett | Senior director for Middle East affairs, National Security Council | United States National Security Council |  |  | id:ips-2006-03-28-cabal/porter-role-leverett
              id:gareth-porter | Gareth Porter |  |  |  |  |
              id:george-w-bush | George W. Bush | President of the United States | United States government |  |  | id:ips-2006-03-28-cabal/porter-role-bush
              id:ips-2006-03-28-cabal/israeli-embassy-officer | Israeli embassy officer |  |  |  |  |
              id:javad-zarif | Javad Zarif | Iran's representative in Geneva | Government of Iran |  |  | id:ips-2006-03-28-cabal/porter-role-zarif
              id:larry-franklin | Larry Franklin | Iran analyst | United States Department of Defense | Douglas Feith |  | id:ips-2006-03-28-cabal/porter-role-franklin
              id:lawrence-wilkerson | Lawrence Wilkerson | Chief of staff to the Secretary of State | United States Department of State | Colin Powell |  | id:ips-2006-03-28-cabal/porter-role-wilkerson
              id:richard-armitage | Richard Armitage | United States Deputy Secretary of State | United States Department of State | Colin Powell |  | id:ips-2006-03-28-cabal/porter-role-armitage
              id:saddam-hussein | Saddam Hussein |  |  |  |  |
              id:ips-2006-03-28-cabal/swiss-ambassador | Swiss ambassador in Tehran | Swiss ambassador in Tehran | Embassy of Switzerland in Tehran |  |  | id:ips-2006-03-28-cabal/porter-role-swiss-ambassador
              id:zalmay-khalilzad | Zalmay Khalilzad | United States Ambassador to Afghanistan | United States Department of State |  |  | id:ips-2006-03-28-cabal/porter-role-khalilzad
              """),
          Map.entry(
              "proposal-events",
              """
              id:ips-2006-03-28-cabal/grand-bargain | id:ips-2006-03-28-cabal/grand-bargain-transmission | transmission | Swiss ambassador in Tehran | United States Department of State | Swiss ambassador in Tehran as go-between | early May 2003 | Flynt Leverett | asserted
              id:ips-2006-03-28-cabal/grand-bargain | id:ips-2006-03-28-cabal/swiss-ambassador-rebuked | rebuke | United States Department of State | Swiss ambassador in Tehran |  | May 2003 | Gareth Porter | asserted
              id:ips-2006-03-28-cabal/grand-bargain | id:ips-2006-03-28-cabal/decision-on-offer | decision |  |  |  |  | Gareth Porter | asserted
              id:ips-2006-03-28-cabal/grand-bargain | id:ips-2006-03-28-cabal/decision-on-offer | decision | Dick Cheney |  |  |  | Lawrence Wilkerson | conjecture
              id:ips-2006-03-28-cabal/grand-bargain | id:ips-2006-03-28-cabal/grand-bargain-drafting | drafting | Government of Iran |  |  |  | Flynt Leverett | asserted
              """),
          Map.entry(
              "proposal-terms",
              """
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | offers | Iran would deal with American worries over its nuclear work | Flynt Leverett
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | offers | Possibly ending Iran's support for Hamas and Islamic Jihad | Flynt Leverett
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | offers | Possibly turning Hezbollah into a purely socio-political organisation | Flynt Leverett
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | asks in return | Lifting of economic sanctions on Iran | Flynt Leverett
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | asks in return | Normal relations, with US backing for Iran joining the world economy | Flynt Leverett
              id:ips-2006-03-28-cabal/grand-bargain | Iran's May 2003 negotiating offer | Government of Iran | United States government | early May 2003 | asks in return | The United States to address Iran's security questions | Flynt Leverett
              """),
          Map.entry(
              "stances",
              """
              Neoconservatives in the Bush administration | blocked | A formal United States policy on Iran | Former administration officials (unnamed) | asserted | id:ips-2006-03-28-cabal/officials-no-iran-policy | 430
              Neoconservatives in the Bush administration | blocked | A formal United States policy on Iran | Lawrence Wilkerson | asserted | id:ips-2006-03-28-cabal/wilkerson-cabal-obstruction | 580
              Neoconservatives in the Bush administration | favoured | Destabilising the Iranian government | Former administration officials (unnamed) | asserted | id:ips-2006-03-28-cabal/officials-neocons-blocked-talks | 123
              Neoconservatives in the Bush administration | favoured | Destabilising the Iranian government | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-mek-capitulated | 5371
              United States Department of Defense | favoured | Destabilising the Iranian government | ABC News | asserted | id:ips-2006-03-28-cabal/abc-pentagon-destabilisation | 6050
              Neoconservatives in the Bush administration | blocked | Diplomatic engagement with Iran | Former administration officials (unnamed) | asserted | id:ips-2006-03-28-cabal/officials-neocons-blocked-talks | 123
              Neoconservatives in the Bush administration | blocked | Diplomatic engagement with Iran | Lawrence Wilkerson | asserted | id:ips-2006-03-28-cabal/wilkerson-no-negotiations | 840
              Realists in the Bush administration | favoured | Diplomatic engagement with Iran | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-realists-iraq-hopes | 3790
              Neoconservatives in the Bush administration | blocked | Geneva channel | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-geneva-closed | 6737
              Dick Cheney | blocked | Iran's May 2003 negotiating offer | Lawrence Wilkerson | conjecture | id:ips-2006-03-28-cabal/wilkerson-guess-cheney | 2439
              Realists in the Bush administration | favoured | Iran's May 2003 negotiating offer | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-realists-inclined | 2026
              Realists in the Bush administration | favoured | Proposal to resume the Geneva talks with Iran | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-geneva-proposal | 3563
              Neoconservatives in the Bush administration | opposed | Proposal to resume the Geneva talks with Iran | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-geneva-proposal | 3563
              Neoconservatives in the Bush administration | favoured | Regime change in Iran | Former administration officials (unnamed) | asserted | id:ips-2006-03-28-cabal/officials-neocons-blocked-talks | 123
              Officials in Cheney's office and the Office of Special Plans | favoured | Regime change in Iran | Unidentified source on the draft NSPD | asserted | id:ips-2006-03-28-cabal/source-nspd-amended | 2948
              Neoconservatives in the Bush administration | sought to block | Secret meetings in Geneva between Khalilzad and Iranian officials on Iraq | Flynt Leverett | asserted | id:ips-2006-03-28-cabal/leverett-neocons-tactical-block | 4001
              Neoconservatives in the Bush administration | sought to block | Secret meetings in Geneva between Khalilzad and Iranian officials on Iraq | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-al-qaeda-demand | 4358
              Neoconservatives in the Bush administration | favoured | The neoconservatives' rival draft NSPD on Iran | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-neocons-hoped-nspd | 6836
              George W. Bush | favoured | Zarif's offer to exchange the names of al-Qaeda and MEK members | Gareth Porter | conjecture | id:ips-2006-03-28-cabal/porter-bush-initial-view | 6377
              George W. Bush | opposed | Zarif's offer to exchange the names of al-Qaeda and MEK members | Gareth Porter | asserted | id:ips-2006-03-28-cabal/porter-bush-rejected | 6679
              """),
          Map.entry(
              "timeline",
              """
              id:ips-2006-03-28-cabal/geneva-afghanistan-talks | Talks between US and Iranian officials in Geneva on Afghanistan | meeting | 2001 to 2002 |  |  | 2001-01-01 | 2002-12-31
              id:ips-2006-03-28-cabal/no-sharing-policy-adopted | The administration decides to withhold all terrorism intelligence from Iran | policy adoption | early 2002 | time:unitYear | early | 2002-01-01 | 2002-12-31
              id:ips-2006-03-28-cabal/cabal-obstruction | Neoconservatives obstruct the adoption of a formal Iran policy | obstruction | 2002 to 2003 |  |  | 2002-01-01 | 2003-12-31
              id:ips-2006-03-28-cabal/khalilzad-authorised | Khalilzad is authorised to meet Iranian officials secretly in Geneva | authorisation | 2003 | time:unitYear |  | 2003-01-01 | 2003-12-31
              id:ips-2006-03-28-cabal/al-qaeda-information-demand | Neoconservatives insist that Iran disclose everything on any senior al-Qaeda figures it might hold | demand | 2003 | time:unitYear |  | 2003-01-01 | 2003-12-31
              id:ips-2006-03-28-cabal/geneva-iraq-talks | Secret meetings in Geneva between Khalilzad and Iranian officials on Iraq | meeting | 2003 | time:unitYear |  | 2003-01-01 | 2003-12-31
              id:ips-2006-03-28-cabal/franklin-shares-draft | Franklin begins sharing a draft NSPD on Iran | communication | by February 2003 | time:unitMonth | by |  | 2003-02-28
              id:ips-2006-03-28-cabal/powell-demand | Powell demands that Iran end its support for terrorism | demand | late March 2003 | time:unitMonth | late | 2003-03-01 | 2003-03-31
              id:ips-2006-03-28-cabal/swiss-ambassador-rebuked | The State Department rebukes the Swiss ambassador for passing on Iran's offer | rebuke | May 2003 | time:unitMonth |  | 2003-05-01 | 2003-05-31
              id:ips-2006-03-28-cabal/grand-bargain-transmission | The Swiss ambassador in Tehran passes Iran's offer to the State Department | transmission | early May 2003 | time:unitMonth | early | 2003-05-01 | 2003-05-31
              id:ips-2006-03-28-cabal/bush-rejects-exchange | Bush rejects the proposed exchange | rejection | after 3 May 2003 | time:unitDay | after | 2003-05-03 |
              id:ips-2006-03-28-cabal/bush-initial-reaction | Bush's first reaction to the proposed exchange | statement | after 3 May 2003 | time:unitDay | after | 2003-05-03 |
              id:ips-2006-03-28-cabal/abc-report | ABC News reports a Pentagon call to destabilise Iran's government | report | 30 May 2003 | time:unitDay |  | 2003-05-30 | 2003-05-30
              id:ips-2006-03-28-cabal/geneva-channel-closure | The neoconservatives close the Geneva channel for good | channel closure | by May 2003 | time:unitMonth | by |  | 2003-05-31
              id:ips-2006-03-28-cabal/franklin-tells-israeli-officer | Franklin informs an Israeli diplomat that the neoconservatives' draft directive has been halted | communication | October 2003 | time:unitMonth |  | 2003-10-01 | 2003-10-31
              id:ips-2006-03-28-cabal/franklin-indicted | Larry Franklin is indicted | indictment | 2005 | time:unitYear |  | 2005-01-01 | 2005-12-31
              id:ips-2006-03-28-cabal/franklin-plea | Franklin pleads guilty | plea | by 28 March 2006 | time:unitDay | by |  | 2006-03-28
              id:ips-2006-03-28-cabal/franklin-sentenced | Franklin receives a prison term of 12 and a half years | sentence | by 28 March 2006 | time:unitDay | by |  | 2006-03-28
              id:ips-2006-03-28-cabal/iraq-invasion | 2003 invasion of Iraq | invasion |  |  |  |  |
              id:ips-2006-03-28-cabal/nspd-amendment-attempts | Cheney's staff and the Office of Special Plans keep rewriting the draft NSPD | obstruction |  |  |  |  |
              id:ips-2006-03-28-cabal/franklin-passes-information | Franklin gives secret material to two staff of a pro-Israel lobby | communication |  |  |  |  |
              id:ips-2006-03-28-cabal/nspd-coordination | Interagency coordination of a draft NSPD on Iran | drafting | more than a year |  |  |  |
              id:ips-2006-03-28-cabal/grand-bargain-drafting | Iran drafts its negotiating offer | drafting |  |  |  |  |
              id:ips-2006-03-28-cabal/mek-attacks-on-iran | The MEK attacks Iran from bases in Iraq | armed attack |  |  |  |  |
              id:ips-2006-03-28-cabal/mek-capitulation | The MEK surrenders to the American military once Iraq is invaded | surrender |  |  |  |  |
              id:ips-2006-03-28-cabal/mek-designation | The United States lists the MEK as a terrorist group | designation |  |  |  |  |
              id:ips-2006-03-28-cabal/decision-on-offer | The administration's decision on Iran's offer | decision |  |  |  |  |
              """),
          Map.entry("unattributed-events-violation", ""));

  @TempDir static Path store;
  private static KnowledgeBase kb;
  private static QueryCatalog catalog;

  @BeforeAll
  static void build() {
    ReleaseStore releases = new ReleaseStore(store);
    new ReleaseBuilder(TestProject.layout(), releases).build(m -> {});
    kb = KnowledgeBase.openCurrent(releases);
    catalog = QueryCatalog.read(TestProject.layout().queries());
  }

  @AfterAll
  static void close() {
    kb.close();
  }

  static List<String> names() {
    return List.copyOf(QueryCatalog.read(TestProject.layout().queries()).all().keySet());
  }

  @Test
  void everyQueryHasExpectedAnswersAndEveryExpectationAQuery() {
    assertEquals(
        new java.util.TreeSet<>(EXPECTED.keySet()),
        new java.util.TreeSet<>(catalog.all().keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void theQueryReturnsTheExpectedAnswers(String name) {
    NamedQuery query = catalog.get(name);
    ResultSetRewindable rows =
        new QueryRunner(kb.dataset()).select(query, ARGUMENTS.getOrDefault(name, Map.of()));
    assertEquals(EXPECTED.get(name).strip(), render(rows));
  }

  @Test
  void violationQueriesFindNothing() {
    for (String name : catalog.all().keySet()) {
      if (name.endsWith("-violation")) {
        assertEquals("", EXPECTED.get(name), name);
      }
    }
  }

  @Test
  void aRequiredParameterMustBeGiven() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new QueryRunner(kb.dataset()).select(catalog.get("claims-by-speaker"), Map.of()));
    assertEquals(
        "query 'claims-by-speaker' needs the parameter 'speaker': The agent, for example https://w3id.org/grand-bargain/id/lawrence-wilkerson",
        e.getMessage());
  }

  @Test
  void anUnknownParameterIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new QueryRunner(kb.dataset())
                    .select(catalog.get("timeline"), Map.of("year", "2003")));
    assertEquals("query 'timeline' has no parameter 'year'", e.getMessage());
  }

  @Test
  void aValueThatIsNotAnIriCannotReachTheQueryText() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                new QueryRunner(kb.dataset())
                    .select(
                        catalog.get("claims-by-speaker"),
                        Map.of("speaker", "x> } UNION { ?s ?p ?o")));
    assertTrue(
        e.getMessage().startsWith("parameter 'speaker': 'x> } UNION { ?s ?p ?o' is not an IRI: "),
        e.getMessage());
  }

  @Test
  void anUnknownSpeakerHasNoClaims() {
    ResultSetRewindable rows =
        new QueryRunner(kb.dataset())
            .select(
                catalog.get("claims-by-speaker"),
                Map.of("speaker", "https://w3id.org/grand-bargain/id/nobody"));
    assertEquals("", render(rows));
  }

  /** One line per row, cells joined by " | ". */
  public static String render(ResultSetRewindable rows) {
    rows.reset();
    List<String> lines = new ArrayList<>();
    while (rows.hasNext()) {
      QuerySolution s = rows.next();
      List<String> cells = new ArrayList<>();
      for (String v : rows.getResultVars()) {
        cells.add(cell(s.get(v)));
      }
      lines.add(String.join(" | ", cells).stripTrailing());
    }
    return String.join("\n", lines);
  }

  /** A value as rendered in the expectations. */
  public static String cell(RDFNode n) {
    if (n == null) {
      return "";
    }
    if (n.isURIResource()) {
      return shorten(n.asResource().getURI());
    }
    return n.asLiteral().getLexicalForm();
  }

  /** An IRI as rendered in the expectations. */
  public static String shorten(String iri) {
    return iri.replace("https://w3id.org/grand-bargain/id/", "id:")
        .replace("http://www.w3.org/2006/time#", "time:");
  }
}
