/**
 * The map view ({@code /map}): the places of the knowledge base, with what happened at each and who
 * says so, drawn with Leaflet over a bundled base map, and listed for readers without it.
 */
package org.w3id.grandbargain.kb.publish.map;
