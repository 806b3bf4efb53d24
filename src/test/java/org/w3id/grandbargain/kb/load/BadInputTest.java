package org.w3id.grandbargain.kb.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.grandbargain.kb.BadInput;
import org.w3id.grandbargain.kb.LoadException;
import org.w3id.grandbargain.kb.TestProject;
import org.w3id.grandbargain.kb.vocabulary.OntologyIndex;

/**
 * Each kind of bad input stops the load with an error naming the file, the entry and the problem.
 */
class BadInputTest {
  private static OntologyIndex ontology;

  @BeforeAll
  static void readOntology() {
    ontology = OntologyIndex.read(TestProject.layout().ontology());
  }

  static List<BadInput> cases() {
    return BadInput.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theLoaderReportsTheFileTheEntryAndTheProblem(BadInput bad, @TempDir Path root)
      throws IOException {
    Path data = bad.writeInto(root);

    LoadException e = assertThrows(LoadException.class, () -> Loader.load(ontology, List.of(data)));

    assertNotNull(
        bad.error(),
        bad.name() + " has no expected error; got: " + BadInput.relative(e.getMessage(), root));
    assertEquals(bad.error(), BadInput.relative(e.getMessage(), root));
  }
}
