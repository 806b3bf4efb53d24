package org.w3id.grandbargain.kb.store;

/**
 * One file of a release, as listed in its manifest.
 *
 * @param path the file's path relative to the release folder
 * @param format a readable name of the format
 * @param mediaType its media type (of the content, before any gzip)
 * @param gzip whether the file is gzip-compressed
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes, as hexadecimal
 * @param license the licence the file is published under (an IRI)
 * @param statements the triples (or quads, for formats with named graphs) it holds
 */
public record DumpFile(
    String path,
    String format,
    String mediaType,
    boolean gzip,
    long bytes,
    String sha256,
    long statements,
    String license) {

  /** A file of a release written before licences were recorded per file is the main licence's. */
  public DumpFile {
    if (license == null) {
      license = ReleaseBuilder.LICENCE;
    }
  }
}
