/** The pages for people: the home page and the index of what the knowledge base describes. */
package org.w3id.grandbargain.kb.publish.explore;
