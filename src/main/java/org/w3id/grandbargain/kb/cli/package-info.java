/**
 * The command line, a thin layer over the stages: {@code build} (load, validate, store, dump),
 * {@code query} (named or ad-hoc SPARQL) and {@code verify-anchors}. Exceptions become exit codes
 * in one place, {@link org.w3id.grandbargain.kb.cli.ExitCodes}.
 */
package org.w3id.grandbargain.kb.cli;
