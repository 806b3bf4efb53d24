/**
 * Stage 5, query: the one seam to the knowledge ({@link org.w3id.grandbargain.kb.query.Knowledge},
 * the only code that opens transactions and runs queries), the one policy every query runs under
 * ({@link org.w3id.grandbargain.kb.query.QueryPolicy}), and the named queries of {@code queries/}
 * ({@link org.w3id.grandbargain.kb.query.QueryCatalog}) with their parameters bound by
 * substitution.
 */
package org.w3id.grandbargain.kb.query;
