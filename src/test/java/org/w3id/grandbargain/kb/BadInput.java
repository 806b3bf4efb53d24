package org.w3id.grandbargain.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One bad-input case of {@code src/test/resources/bad-input}: the mini fixture's data with one
 * change (a text replaced in one file), and the exact error the loader must report. Paths in the
 * expected error are relative to the folder the data is copied into.
 *
 * @param name the case file's name
 * @param description what is wrong
 * @param file the data file changed, relative to the data folder
 * @param replace the text replaced, which must occur exactly once
 * @param with its replacement
 * @param error the expected message
 */
public record BadInput(
    String name, String description, String file, String replace, String with, String error) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Every case of data the loader must refuse, sorted by name. */
  public static List<BadInput> all() {
    return in("bad-input");
  }

  /** Every case of data that loads but does not conform to the shapes, sorted by name. */
  public static List<BadInput> nonConforming() {
    return in("invalid-data");
  }

  private static List<BadInput> in(String folder) {
    Path dir = TestProject.resource(folder);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .map(BadInput::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BadInput read(Path p) {
    try {
      JsonNode n = YAML.readTree(p.toFile());
      return new BadInput(
          p.getFileName().toString(),
          n.path("description").asText(),
          n.path("file").asText(),
          n.path("replace").asText(),
          n.path("with").asText(),
          n.path("error").asText(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the mini fixture's data into {@code root/data} and applies this case's change.
   *
   * @return the data folder
   */
  public Path writeInto(Path root) throws IOException {
    Path source = TestProject.resource("mini/data");
    Path target = root.resolve("data");
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path changed = target.resolve(file);
    String text = Files.readString(changed, StandardCharsets.UTF_8);
    int at = text.indexOf(replace);
    if (at < 0 || text.indexOf(replace, at + 1) >= 0) {
      throw new IllegalStateException(
          name + ": the text to replace must occur exactly once in " + file);
    }
    Files.writeString(changed, text.replace(replace, with), StandardCharsets.UTF_8);
    return target;
  }

  /** The message with the copy's folder removed from its paths. */
  public static String relative(String message, Path root) {
    return message.replace(root.toAbsolutePath().normalize() + "/", "");
  }

  @Override
  public String toString() {
    return name;
  }
}
