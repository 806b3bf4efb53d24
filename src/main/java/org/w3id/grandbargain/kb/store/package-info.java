/**
 * Stage 4, store: a release is the validated knowledge base written as a TDB2 database and as dumps
 * in every format, with a manifest of sizes and digests, in its own folder; {@link
 * org.w3id.grandbargain.kb.store.ReleaseStore} publishes it by atomically switching the current
 * release, so a failed build never touches what is published.
 */
package org.w3id.grandbargain.kb.store;
