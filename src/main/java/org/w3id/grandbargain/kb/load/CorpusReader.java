package org.w3id.grandbargain.kb.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.w3id.grandbargain.kb.ConfigurationException;
import org.w3id.grandbargain.kb.LoadException;

/**
 * Reads the data folders. Each folder may hold {@code shared/*.yaml} and {@code
 * articles/<slug>/*.yaml}; files are read in name order, so the same input always gives the same
 * entries in the same order. Several folders can be loaded side by side; an article folder name may
 * appear in only one of them.
 */
public final class CorpusReader {
  private final EntryReader reader = new EntryReader();

  /** Reads every data folder, in the order given. */
  public Corpus read(List<Path> dataRoots) {
    List<Entry> shared = new ArrayList<>();
    Map<String, List<Entry>> articles = new LinkedHashMap<>();
    Map<String, Path> articleFolders = new LinkedHashMap<>();
    for (Path root : dataRoots) {
      if (!Files.isDirectory(root)) {
        throw new ConfigurationException("data folder not found: " + root);
      }
      Path sharedDir = root.resolve("shared");
      if (Files.isDirectory(sharedDir)) {
        for (Path file : yamlFiles(sharedDir)) {
          shared.addAll(reader.read(file, shown(file), Scope.SHARED));
        }
      }
      Path articlesDir = root.resolve("articles");
      if (Files.isDirectory(articlesDir)) {
        for (Path folder : children(articlesDir, Files::isDirectory)) {
          String slug = folder.getFileName().toString();
          Path earlier = articleFolders.putIfAbsent(slug, folder);
          if (earlier != null) {
            throw new LoadException(
                shown(folder), null, "article '" + slug + "' is also defined in " + shown(earlier));
          }
          Scope scope = Scope.article(slug);
          List<Entry> entries = new ArrayList<>();
          for (Path file : yamlFiles(folder)) {
            entries.addAll(reader.read(file, shown(file), scope));
          }
          articles.put(slug, entries);
        }
      }
    }
    return new Corpus(shared, articles);
  }

  private static List<Path> yamlFiles(Path dir) {
    return children(
        dir, p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml"));
  }

  private static List<Path> children(Path dir, java.util.function.Predicate<Path> filter) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(filter).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path as shown in messages: relative to the working folder where it lies below it. */
  static String shown(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }
}
