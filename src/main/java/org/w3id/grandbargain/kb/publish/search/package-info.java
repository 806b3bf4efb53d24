/**
 * Search: the page of hits ({@code /search?q=}) and its JSON ({@code /api/search?q=}), over the
 * release's search index through the one seam ({@link
 * org.w3id.grandbargain.kb.query.Knowledge#search(String, int)}).
 */
package org.w3id.grandbargain.kb.publish.search;
