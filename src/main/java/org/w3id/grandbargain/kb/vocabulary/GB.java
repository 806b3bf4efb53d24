package org.w3id.grandbargain.kb.vocabulary;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Grand Bargain KB ontology namespace ({@value #NS}), one constant per term, named after the
 * term's local name (as in Jena's {@code DCAT} or {@code SKOS}).
 *
 * <p>The constants mirror {@code ontology/grand-bargain.ttl}; {@code GBTest} checks both ways that
 * every term declared there has a constant here and every constant is declared there.
 *
 * <pre>{@code
 * model.add(claim, GB.claimant, wilkerson);
 * }</pre>
 */
public final class GB {
  /** The base of every IRI the project mints. */
  public static final String BASE = "https://w3id.org/grand-bargain/";

  /** The ontology's IRI. */
  public static final String ONTOLOGY = BASE + "ontology";

  /** The ontology namespace: hash IRIs on the ontology's IRI. */
  public static final String NS = ONTOLOGY + "#";

  /** The base of entity IRIs. */
  public static final String ID = BASE + "id/";

  /** The base of named-graph IRIs. */
  public static final String GRAPH = BASE + "graph/";

  /** The namespace of the SHACL shapes. */
  public static final String SHAPES = BASE + "shapes#";

  /** The ontology as a resource. */
  public static final Resource ontology = ResourceFactory.createResource(ONTOLOGY);

  private GB() {}

  private static Resource resource(String localName) {
    return ResourceFactory.createResource(NS + localName);
  }

  private static Property property(String localName) {
    return ResourceFactory.createProperty(NS + localName);
  }

  // Classes
  public static final Resource Agent = resource("Agent");
  public static final Resource Person = resource("Person");
  public static final Resource Organisation = resource("Organisation");
  public static final Resource Grouping = resource("Grouping");
  public static final Resource UnidentifiedSource = resource("UnidentifiedSource");
  public static final Resource Place = resource("Place");
  public static final Resource Country = resource("Country");
  public static final Resource City = resource("City");
  public static final Resource Post = resource("Post");
  public static final Resource Role = resource("Role");
  public static final Resource Proposal = resource("Proposal");
  public static final Resource ProposalTerm = resource("ProposalTerm");
  public static final Resource Channel = resource("Channel");
  public static final Resource Policy = resource("Policy");
  public static final Resource Document = resource("Document");
  public static final Resource SourceDocument = resource("SourceDocument");
  public static final Resource NewsArticle = resource("NewsArticle");
  public static final Resource NewsReport = resource("NewsReport");
  public static final Resource Email = resource("Email");
  public static final Resource CourtDocument = resource("CourtDocument");
  public static final Resource PolicyDraft = resource("PolicyDraft");
  public static final Resource TextCopy = resource("TextCopy");
  public static final Resource TextSpan = resource("TextSpan");
  public static final Resource Claim = resource("Claim");
  public static final Resource Event = resource("Event");
  public static final Resource Transmission = resource("Transmission");
  public static final Resource Meeting = resource("Meeting");
  public static final Resource Rebuke = resource("Rebuke");
  public static final Resource Decision = resource("Decision");
  public static final Resource Authorisation = resource("Authorisation");
  public static final Resource Rejection = resource("Rejection");
  public static final Resource PolicyAdoption = resource("PolicyAdoption");
  public static final Resource Demand = resource("Demand");
  public static final Resource Obstruction = resource("Obstruction");
  public static final Resource Drafting = resource("Drafting");
  public static final Resource Communication = resource("Communication");
  public static final Resource Statement = resource("Statement");
  public static final Resource Indictment = resource("Indictment");
  public static final Resource Plea = resource("Plea");
  public static final Resource Sentence = resource("Sentence");
  public static final Resource Report = resource("Report");
  public static final Resource ChannelClosure = resource("ChannelClosure");
  public static final Resource ArmedAttack = resource("ArmedAttack");
  public static final Resource Designation = resource("Designation");
  public static final Resource Surrender = resource("Surrender");
  public static final Resource Invasion = resource("Invasion");
  public static final Resource Medium = resource("Medium");
  public static final Resource Modality = resource("Modality");
  public static final Resource Status = resource("Status");
  public static final Resource DateQualifier = resource("DateQualifier");
  public static final Resource EditorialGraph = resource("EditorialGraph");
  public static final Resource DerivedGraph = resource("DerivedGraph");
  public static final Resource EditorialProperty = resource("EditorialProperty");
  public static final Resource EditorialStatement = resource("EditorialStatement");
  public static final Resource Identification = resource("Identification");
  public static final Resource Reading = resource("Reading");
  public static final Resource ExternalLink = resource("ExternalLink");
  public static final Resource Evidence = resource("Evidence");
  public static final Resource Confidence = resource("Confidence");
  public static final Resource ExternalSnapshot = resource("ExternalSnapshot");
  public static final Resource SnapshotMethod = resource("SnapshotMethod");
  public static final Resource Check = resource("Check");

  // Properties
  public static final Property label = property("label");
  public static final Property name = property("name");
  public static final Property nameInSource = property("nameInSource");
  public static final Property concerns = property("concerns");
  public static final Property when = property("when");
  public static final Property place = property("place");
  public static final Property status = property("status");
  public static final Property outcome = property("outcome");
  public static final Property inResponseTo = property("inResponseTo");
  public static final Property member = property("member");
  public static final Property ledBy = property("ledBy");
  public static final Property partOf = property("partOf");
  public static final Property subOrganisationOf = property("subOrganisationOf");
  public static final Property characterisedAs = property("characterisedAs");
  public static final Property favoured = property("favoured");
  public static final Property opposed = property("opposed");
  public static final Property soughtToBlock = property("soughtToBlock");
  public static final Property blocked = property("blocked");
  public static final Property blamed = property("blamed");
  public static final Property holder = property("holder");
  public static final Property post = property("post");
  public static final Property organisation = property("organisation");
  public static final Property servesUnder = property("servesUnder");
  public static final Property heldAt = property("heldAt");
  public static final Property actor = property("actor");
  public static final Property participant = property("participant");
  public static final Property target = property("target");
  public static final Property intermediary = property("intermediary");
  public static final Property via = property("via");
  public static final Property approvedBy = property("approvedBy");
  public static final Property sentenceLength = property("sentenceLength");
  public static final Property proposer = property("proposer");
  public static final Property addressee = property("addressee");
  public static final Property offers = property("offers");
  public static final Property asksInReturn = property("asksInReturn");
  public static final Property connects = property("connects");
  public static final Property callsFor = property("callsFor");
  public static final Property title = property("title");
  public static final Property author = property("author");
  public static final Property publisher = property("publisher");
  public static final Property recipient = property("recipient");
  public static final Property published = property("published");
  public static final Property dateline = property("dateline");
  public static final Property inLanguage = property("inLanguage");
  public static final Property onlineAt = property("onlineAt");
  public static final Property archivedAt = property("archivedAt");
  public static final Property hasCopy = property("hasCopy");
  public static final Property sha256 = property("sha256");
  public static final Property characterCount = property("characterCount");
  public static final Property mediaType = property("mediaType");
  public static final Property retrievedFrom = property("retrievedFrom");
  public static final Property inCopy = property("inCopy");
  public static final Property startChar = property("startChar");
  public static final Property endChar = property("endChar");
  public static final Property spanSha256 = property("spanSha256");
  public static final Property claimant = property("claimant");
  public static final Property reportsWordsOf = property("reportsWordsOf");
  public static final Property medium = property("medium");
  public static final Property modality = property("modality");
  public static final Property source = property("source");
  public static final Property reportedIn = property("reportedIn");
  public static final Property statedAt = property("statedAt");
  public static final Property quotation = property("quotation");
  public static final Property anchor = property("anchor");
  public static final Property precision = property("precision");
  public static final Property qualifier = property("qualifier");
  public static final Property notBefore = property("notBefore");
  public static final Property notAfter = property("notAfter");
  public static final Property minimumDuration = property("minimumDuration");
  public static final Property printedAs = property("printedAs");
  public static final Property follows = property("follows");
  public static final Property identifiedAs = property("identifiedAs");
  public static final Property snapshotOf = property("snapshotOf");
  public static final Property obtainedBy = property("obtainedBy");
  public static final Property query = property("query");
  public static final Property foundBy = property("foundBy");
  public static final Property comparedWith = property("comparedWith");
  public static final Property editorialReason = property("editorialReason");
  public static final Property reason = property("reason");
  public static final Property confidence = property("confidence");
  public static final Property evidence = property("evidence");
  public static final Property referenceUrl = property("referenceUrl");
  public static final Property retrieved = property("retrieved");
  public static final Property excerpt = property("excerpt");
  public static final Property paragraphStart = property("paragraphStart");
  public static final Property paragraph = property("paragraph");
  public static final Property passageLink = property("passageLink");

  // Individuals: concept schemes and concepts
  public static final Resource media = resource("media");
  public static final Resource modalities = resource("modalities");
  public static final Resource statuses = resource("statuses");
  public static final Resource dateQualifiers = resource("dateQualifiers");
  public static final Resource mediumEmail = resource("mediumEmail");
  public static final Resource mediumRemarks = resource("mediumRemarks");
  public static final Resource mediumReporting = resource("mediumReporting");
  public static final Resource mediumCourtRecord = resource("mediumCourtRecord");
  public static final Resource mediumNewsReport = resource("mediumNewsReport");
  public static final Resource modalityAsserted = resource("modalityAsserted");
  public static final Resource modalityConjecture = resource("modalityConjecture");
  public static final Resource modalitySecondhand = resource("modalitySecondhand");
  public static final Resource statusNotTakenUp = resource("statusNotTakenUp");
  public static final Resource statusRejected = resource("statusRejected");
  public static final Resource statusClosed = resource("statusClosed");
  public static final Resource statusStopped = resource("statusStopped");
  public static final Resource statusNotAdopted = resource("statusNotAdopted");
  public static final Resource statusAdopted = resource("statusAdopted");
  public static final Resource qualifierEarly = resource("qualifierEarly");
  public static final Resource qualifierMid = resource("qualifierMid");
  public static final Resource qualifierLate = resource("qualifierLate");
  public static final Resource qualifierNoLaterThan = resource("qualifierNoLaterThan");
  public static final Resource qualifierNoEarlierThan = resource("qualifierNoEarlierThan");
  public static final Resource confidences = resource("confidences");
  public static final Resource confidenceIdentified = resource("confidenceIdentified");
  public static final Resource snapshotMethods = resource("snapshotMethods");
  public static final Resource handCurated = resource("handCurated");
  public static final Resource endpointQuery = resource("endpointQuery");
  public static final Resource confidenceProbable = resource("confidenceProbable");
}
