package org.w3id.grandbargain.kb;

import java.util.Objects;

/**
 * Curated data that cannot be turned into triples: a malformed file, an unknown reference, a
 * duplicate id, an invalid date or IRI, an anchor outside the text. The message names the file, the
 * entry (its id and line, where known) and the problem.
 */
public class LoadException extends KbException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String entry;
  private final String problem;

  /**
   * @param file the data file, as a path relative to the project where possible
   * @param entry the entry, for example {@code "entry 'swiss-rebuke' (line 12)"}; may be null for a
   *     problem with the whole file
   * @param problem what is wrong, naming the field and the bad value
   */
  public LoadException(String file, String entry, String problem) {
    this(file, entry, problem, null);
  }

  public LoadException(String file, String entry, String problem, Throwable cause) {
    super(format(file, entry, problem), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.entry = entry;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String file, String entry, String problem) {
    return entry == null ? file + ": " + problem : file + ": " + entry + ": " + problem;
  }

  public String file() {
    return file;
  }

  /** The entry, or null when the problem concerns the whole file. */
  public String entry() {
    return entry;
  }

  public String problem() {
    return problem;
  }
}
