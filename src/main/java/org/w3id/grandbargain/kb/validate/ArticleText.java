package org.w3id.grandbargain.kb.validate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.Digests;

/**
 * A copy of an article's text, read as strict UTF-8, with the SHA-256 of its bytes.
 *
 * @param text the text
 * @param sha256 the SHA-256 of the file's bytes, as lowercase hexadecimal
 */
public record ArticleText(String text, String sha256) {

  /** Reads a copy; a missing file or one that is not UTF-8 is a configuration error. */
  public static ArticleText read(Path copy) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(copy);
    } catch (IOException e) {
      throw new ConfigurationException(
          "cannot read the text copy " + copy + ": " + e.getMessage(), e);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new ArticleText(text, Digests.sha256Hex(bytes));
    } catch (CharacterCodingException e) {
      throw new ConfigurationException("the text copy " + copy + " is not valid UTF-8", e);
    }
  }

  /** The text as code points, the unit in which anchors count. */
  public int[] codePoints() {
    return text.codePoints().toArray();
  }
}
