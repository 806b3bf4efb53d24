package org.w3id.grandbargain.kb.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3id.grandbargain.kb.LoadException;

/**
 * Reads one YAML data file: a sequence of mappings, each an {@link Entry} that remembers its line.
 * Duplicate keys, a top level that is not a sequence and items that are not mappings are errors. An
 * alias ({@code *name}) stands for a copy of the mapping or list its anchor ({@code &name}) marks
 * earlier in the same file.
 */
final class EntryReader {
  private final ObjectMapper mapper;

  EntryReader() {
    mapper = new ObjectMapper(new YAMLFactory());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  List<Entry> read(Path file, String shownAs, Scope scope) {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = mapper.createParser(file.toFile())) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return entries;
      }
      if (first != JsonToken.START_ARRAY) {
        throw new LoadException(
            shownAs, null, "the top level must be a list of entries (each starting with '- ')");
      }
      int index = 0;
      Map<String, JsonNode> anchors = new HashMap<>();
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        index++;
        int line = parser.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
          throw new LoadException(
              shownAs,
              "item " + index + " (line " + line + ")",
              "an entry must be a mapping of fields, found " + describe(token));
        }
        JsonNode node = tree(parser, anchors, shownAs);
        entries.add(new Entry(shownAs, line, scope, (ObjectNode) node));
      }
      if (parser.nextToken() != null) {
        throw new LoadException(shownAs, null, "unexpected content after the list of entries");
      }
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      String line = where == null ? "" : " (line " + where.getLineNr() + ")";
      throw new LoadException(shownAs, null, "malformed YAML" + line + ": " + summary(e), e);
    } catch (IOException e) {
      throw new LoadException(shownAs, null, "cannot be read: " + e.getMessage(), e);
    }
    return entries;
  }

  /**
   * Builds the tree of the value at the parser's current token, expanding YAML aliases ({@code
   * *name}) into a copy of the value their anchor ({@code &name}) marks, so that a mapping or list
   * written once can be used again in the same file. (The YAML parser reports no anchor on a single
   * value, so an alias of one is refused as naming no anchor.)
   */
  private JsonNode tree(JsonParser parser, Map<String, JsonNode> anchors, String shownAs)
      throws IOException {
    String anchor = parser.getObjectId() instanceof String id ? id : null;
    JsonNode node;
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = mapper.createObjectNode();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String key = parser.currentName();
        parser.nextToken();
        object.set(key, tree(parser, anchors, shownAs));
      }
      node = object;
    } else if (token == JsonToken.START_ARRAY) {
      var array = mapper.createArrayNode();
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
        array.add(tree(parser, anchors, shownAs));
      }
      node = array;
    } else if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      JsonNode marked = anchors.get(parser.getText());
      if (marked == null) {
        throw new LoadException(
            shownAs,
            null,
            "line "
                + parser.currentTokenLocation().getLineNr()
                + ": the alias *"
                + parser.getText()
                + " names no anchor (&"
                + parser.getText()
                + ") of a mapping or list written before it in this file; a single value, such"
                + " as a text, cannot be marked and used again");
      }
      return marked.deepCopy();
    } else {
      node = mapper.readTree(parser);
    }
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /** The parser's message without the echoed source lines: the lines that do not start indented. */
  private static String summary(JsonProcessingException e) {
    return String.join(
        "; ",
        e.getOriginalMessage()
            .lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .toList());
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a list";
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
          "a single value";
      case VALUE_NULL -> "an empty item";
      default -> token.toString();
    };
  }
}
