/**
 * The timeline for readers: every event and dated proposal of the release, grouped by year and
 * month, each date at its precision and in its voice (the source's, or the editors' reading beside
 * what the article prints), each entry linked to its page with who states it.
 */
package org.w3id.grandbargain.kb.publish.timeline;
