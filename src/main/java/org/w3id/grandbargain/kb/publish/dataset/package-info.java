/**
 * The dataset: its VoID and DCAT description ({@code /dataset}, {@code /.well-known/void}) with
 * partitions and linksets, and the downloads of each release and of the latest.
 */
package org.w3id.grandbargain.kb.publish.dataset;
