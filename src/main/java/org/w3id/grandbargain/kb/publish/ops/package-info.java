/**
 * Operations: admission (bounds on requests running at once, per client, with a fast {@code 503}
 * and {@code Retry-After}), health (liveness, readiness) and metrics in Prometheus text format, on
 * a port a deployment can keep private.
 */
package org.w3id.grandbargain.kb.publish.ops;
