/**
 * Stage 3, validate: SHACL validation of the loaded knowledge base ({@link
 * org.w3id.grandbargain.kb.validate.ShapesValidator}), and the re-checking of claim anchors against
 * a copy of the article's text ({@link org.w3id.grandbargain.kb.validate.AnchorVerifier}).
 */
package org.w3id.grandbargain.kb.validate;
