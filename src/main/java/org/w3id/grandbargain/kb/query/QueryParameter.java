package org.w3id.grandbargain.kb.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.w3id.grandbargain.kb.ConfigurationException;

/**
 * A parameter of a named query, declared in its header as {@code #+ param: <name> <type>
 * <required|optional> <description>}. At run time the value is parsed by its type and bound to the
 * query's variable of the same name by Jena's syntactic substitution, never spliced into the text.
 *
 * @param name the variable name, without {@code ?}
 * @param type what the value must be
 * @param required whether a value must be given; an optional parameter left out stays a variable
 * @param description what the parameter means
 */
public record QueryParameter(String name, Type type, boolean required, String description) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** The kinds of value a parameter takes. */
  public enum Type {
    IRI,
    STRING,
    DATE,
    INTEGER
  }

  public QueryParameter {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid parameter name '" + name + "'");
    }
  }

  /** "for example VALUE", the value ending before a space or a closing punctuation mark. */
  private static final Pattern EXAMPLE = Pattern.compile("for example (\\S+?)[.,;:)]*(?:\\s|$)");

  /** The example value its description gives ("for example &lt;value&gt;"), if any. */
  public java.util.Optional<String> example() {
    var m = EXAMPLE.matcher(description);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /**
   * Parses a value given for this parameter.
   *
   * @throws ConfigurationException naming the parameter and the value when it does not fit
   */
  public Node parse(String value) {
    switch (type) {
      case IRI -> {
        try {
          IRIx iri = IRIx.create(value);
          if (!iri.isAbsolute()) {
            throw new ConfigurationException(
                "parameter '" + name + "': '" + value + "' is not an absolute IRI");
          }
          return NodeFactory.createURI(iri.str());
        } catch (IRIException e) {
          throw new ConfigurationException(
              "parameter '" + name + "': '" + value + "' is not an IRI: " + e.getMessage(), e);
        }
      }
      case DATE -> {
        try {
          return NodeFactory.createLiteralDT(
              LocalDate.parse(value).toString(), XSDDatatype.XSDdate);
        } catch (DateTimeParseException e) {
          throw new ConfigurationException(
              "parameter '" + name + "': '" + value + "' is not a date (YYYY-MM-DD)", e);
        }
      }
      case INTEGER -> {
        try {
          return NodeFactory.createLiteralDT(
              new java.math.BigInteger(value.strip()).toString(), XSDDatatype.XSDinteger);
        } catch (NumberFormatException e) {
          throw new ConfigurationException(
              "parameter '" + name + "': '" + value + "' is not a whole number", e);
        }
      }
      default -> {
        return NodeFactory.createLiteralString(value);
      }
    }
  }
}
