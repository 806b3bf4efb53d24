/**
 * The network view ({@code /network}): who proposed, transmitted, rebuked, negotiated, favoured,
 * opposed or blocked what, each edge with who says so and how, drawn with Cytoscape.js over a table
 * that holds the same edges for readers without the drawing.
 */
package org.w3id.grandbargain.kb.publish.network;
