/**
 * Linked data: dereferenceable IRIs ({@code /id/*} by 303 to {@code /doc/*}), descriptions of
 * resources and named graphs in HTML with embedded JSON-LD and in every RDF format, the resolver,
 * the ontology and the shapes.
 */
package org.w3id.grandbargain.kb.publish.linkeddata;
