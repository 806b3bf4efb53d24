package org.w3id.grandbargain.kb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * A SPARQL file of the project ({@code queries/}, {@code queries/checks/}, {@code
 * queries/external/}): its name, its header lines ({@code #+ key: value}, in order, a key possibly
 * repeated), its text and the parsed query. Each folder's reader gives the headers their meaning.
 *
 * @param name the file name without {@code .rq}
 * @param file where it was read from
 * @param headers each header key with its values, in the order written
 * @param text the query as written
 * @param query the parsed query
 */
public record QueryFile(
    String name, Path file, Map<String, List<String>> headers, String text, Query query) {
  private static final Pattern HEADER = Pattern.compile("^#\\+\\s*(\\w+)\\s*:(.*)$");

  public QueryFile {
    headers = Map.copyOf(headers);
  }

  /**
   * Reads and parses one file.
   *
   * @throws ConfigurationException naming the file that cannot be read or does not parse
   */
  public static QueryFile read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = HEADER.matcher(line.strip());
      if (m.matches()) {
        headers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2).strip());
      }
    }
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new ConfigurationException(file + ": " + e.getMessage(), e);
    }
    String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
    return new QueryFile(name, file, headers, text, query);
  }

  /** Every {@code .rq} file of a folder, by name; none when there is no such folder. */
  public static List<QueryFile> readAll(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".rq")).sorted().map(QueryFile::read).toList();
    } catch (IOException e) {
      throw new ConfigurationException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The values of a header, in order; empty when it is absent. */
  public List<String> all(String key) {
    return headers.getOrDefault(key, List.of());
  }

  /** A header's values joined by spaces (a description over several lines), or null. */
  public String joined(String key) {
    List<String> values = all(key);
    return values.isEmpty() ? null : String.join(" ", values);
  }

  /**
   * A header that must be there.
   *
   * @throws ConfigurationException naming the file and the missing header
   */
  public String required(String key) {
    String value = joined(key);
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(file + ": missing '#+ " + key + ":' header");
    }
    return value;
  }

  /**
   * Refuses a header this kind of file does not know.
   *
   * @throws ConfigurationException naming the file and the header
   */
  public QueryFile allowOnly(List<String> keys) {
    for (String key : headers.keySet()) {
      if (!keys.contains(key)) {
        throw new ConfigurationException(file + ": unknown header '#+ " + key + ":'");
      }
    }
    return this;
  }
}
