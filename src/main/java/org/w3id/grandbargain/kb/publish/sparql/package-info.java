/**
 * The read-only SPARQL 1.1 endpoint ({@code /kb/sparql}): the protocol's GET and POST forms, with
 * every query run by the seam under the query policy, refusals of updates that say so, and the
 * service description with the limits it publishes.
 */
package org.w3id.grandbargain.kb.publish.sparql;
