/**
 * What the publisher's features share: the publication being served ({@link
 * org.w3id.grandbargain.kb.publish.core.Publication}, its release, named queries and pages), the
 * settings and the admission bounds, the {@link org.w3id.grandbargain.kb.publish.core.Site} every
 * servlet is given (with the seam to the knowledge, {@code query.Knowledge}), content negotiation
 * and validators, the one map from failures to statuses ({@link
 * org.w3id.grandbargain.kb.publish.core.HttpError#of}), CORS, security headers and the pages
 * rendered once per release. It depends on no feature.
 */
package org.w3id.grandbargain.kb.publish.core;
