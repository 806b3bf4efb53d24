/**
 * The named queries of the release as a web API ({@code /api/<name>}): parameters bound by name,
 * results in SPARQL JSON and XML, CSV, TSV and HTML, and an index of the queries.
 */
package org.w3id.grandbargain.kb.publish.api;
