/**
 * Stage 5, query: the named queries of {@code queries/} ({@link
 * org.w3id.grandbargain.kb.query.QueryCatalog}), their parameters bound by substitution ({@link
 * org.w3id.grandbargain.kb.query.QueryRunner}) and their results as a table, CSV or JSON.
 */
package org.w3id.grandbargain.kb.query;
