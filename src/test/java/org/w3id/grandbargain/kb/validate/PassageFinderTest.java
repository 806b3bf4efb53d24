package org.w3id.grandbargain.kb.validate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.w3id.grandbargain.kb.load.TextFragment;

/** Passages are found as a browser finds text fragments, and the fewest words find their span. */
class PassageFinderTest {
  private static final String TEXT =
      "Title\n\nThe offer came in May. The offer was  refused,\nsaid the minister; the\n"
          + "ministers agreed. Émile said: «oui».";

  private final PassageFinder finder = new PassageFinder(TEXT);

  @Test
  void aStartAloneIsFoundAtItsFirstOccurrenceWholeWordsAndAnyCase() {
    assertArrayEquals(new int[] {7, 16}, finder.find(new TextFragment("the OFFER", null)).get());
    assertTrue(finder.find(new TextFragment("minister", null)).isPresent());
    assertArrayEquals(
        new int[] {63, 71},
        finder.find(new TextFragment("minister", null)).get(),
        "'minister' is not matched inside 'ministers'");
  }

  @Test
  void whiteSpaceRunsAndLineBreaksMatchOneSpace() {
    assertArrayEquals(
        new int[] {30, 58},
        finder.find(new TextFragment("The offer was refused, said", null)).get());
  }

  @Test
  void anEndIsLookedForAfterTheStart() {
    assertArrayEquals(
        new int[] {30, 71}, finder.find(new TextFragment("The offer was", "the minister")).get());
    assertTrue(finder.find(new TextFragment("ministers agreed", "The offer")).isEmpty());
  }

  @Test
  void positionsCountCodePoints() {
    String text = "😀 x. Émile said yes.";
    assertArrayEquals(
        new int[] {5, 10}, new PassageFinder(text).find(new TextFragment("Émile", null)).get());
  }

  @Test
  void theFewestWordsFindTheSpan() {
    TextFragment fewest = finder.fewestWords(30, 94);
    assertEquals(new TextFragment("The offer was", "ministers agreed"), fewest);
    assertArrayEquals(new int[] {30, 93}, finder.find(fewest).get());
    assertEquals(new TextFragment("The offer came", "in May"), finder.fewestWords(7, 29));
  }

  @Test
  void aTextFragmentIsPercentEncodedAndReadBack() {
    TextFragment f = new TextFragment("Vice Pres. Dick Cheney", "a, b-c «d»");
    assertEquals(
        "#:~:text=Vice%20Pres.%20Dick%20Cheney,a%2C%20b%2Dc%20%C2%ABd%C2%BB", f.urlFragment());
    assertEquals(f, TextFragment.of("http://example.org/page" + f.urlFragment()).get());
  }
}
