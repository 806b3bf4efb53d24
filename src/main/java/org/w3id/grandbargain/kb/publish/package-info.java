/**
 * Stage 6, publish: an embedded Fuseki main server, extended by {@code FusekiModule}s, that serves
 * the current release for its three kinds of users: a read-only SPARQL endpoint with a service
 * description; dereferenceable IRIs with negotiated descriptions (HTML with embedded JSON-LD,
 * Turtle, JSON-LD, N-Triples, RDF/XML), the ontology and the shapes; the dataset description in
 * VoID and DCAT with per-release and latest downloads; and the named queries as a web API. {@link
 * org.w3id.grandbargain.kb.publish.KbServer#build} is the single wiring function.
 */
package org.w3id.grandbargain.kb.publish;
