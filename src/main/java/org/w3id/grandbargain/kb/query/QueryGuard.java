package org.w3id.grandbargain.kb.query;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * What makes a query's cost end with its time limit and its memory bounded, applied to the algebra
 * of every query that runs under a {@link QueryPolicy} (as the first step of ARQ's optimizer, so
 * the endpoint, the API, the pages and the command line alike):
 *
 * <ul>
 *   <li>{@code REGEX} and {@code REPLACE} match over text that checks the query's cancel signal as
 *       it is read, so a pattern that backtracks without end stops when the query times out; they
 *       are never evaluated by ARQ's constant folding, which runs before the query's clock starts
 *       and outside its cancel signal, so a match of two constants runs under the time limit too;
 *   <li>{@code REPLACE} and {@code CONCAT} build at most {@link QueryPolicy#maxStringLength()}
 *       characters, and so does every other function that can lengthen a string ({@code UCASE},
 *       {@code LCASE}, {@code ENCODE_FOR_URI}, the XPath functions), checked on its result;
 *   <li>an {@code OFFSET} past {@link QueryPolicy#maxOffset()} is refused before anything runs (ARQ
 *       skips an offset row by row, out of reach of the time limit);
 *   <li>a function named by a {@code java:} IRI, which ARQ would load as a class, is refused.
 * </ul>
 *
 * Each refusal is a {@link QueryLimitException} naming the limit.
 */
final class QueryGuard {
  private QueryGuard() {}

  /** Puts the guard in front of ARQ's standard optimizer for every query run with {@code cxt}. */
  static void install(Context context, QueryPolicy policy) {
    RewriteFactory guarded =
        cxt -> {
          var optimizer = Optimize.stdOptimizationFactory.create(cxt);
          return op -> optimizer.rewrite(guard(op, policy));
        };
    context.set(ARQConstants.sysOptimizerFactory, guarded);
  }

  static Op guard(Op op, QueryPolicy policy) {
    TransformCopy slices =
        new TransformCopy() {
          @Override
          public Op transform(OpSlice slice, Op sub) {
            if (slice.getStart() > policy.maxOffset()) {
              throw new QueryLimitException(
                  "OFFSET "
                      + slice.getStart()
                      + " is past the deepest this endpoint pages ("
                      + policy.maxOffset()
                      + "); narrow the query instead");
            }
            return super.transform(slice, sub);
          }
        };
    return Transformer.transform(
        slices, new Expressions(policy.maxStringLength(), policy.timeout().toNanos()), op);
  }

  /** Replaces the functions that can run long or build long strings with guarded ones. */
  private static final class Expressions extends ExprTransformCopy {
    private final int maxLength;
    private final long timeoutNanos;

    Expressions(int maxLength, long timeoutNanos) {
      this.maxLength = maxLength;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public Expr transform(ExprFunctionN func, ExprList args) {
      Expr copy = super.transform(func, args);
      if (copy instanceof E_Regex regex && !(copy instanceof GuardedRegex)) {
        return new GuardedRegex(regex.getArgs(), timeoutNanos);
      }
      if (copy instanceof E_StrReplace replace && !(copy instanceof GuardedReplace)) {
        return new GuardedReplace(replace.getArgs(), maxLength, timeoutNanos);
      }
      if (copy instanceof E_StrConcat concat && !(copy instanceof GuardedConcat)) {
        return new GuardedConcat(concat.getArgs(), maxLength);
      }
      if (copy instanceof E_Function function) {
        if (function.getFunctionIRI().startsWith("java:")) {
          throw new QueryLimitException(
              "the function <"
                  + function.getFunctionIRI()
                  + "> is not available: only SPARQL's and XPath's functions are");
        }
        return new BoundedLength(copy, maxLength);
      }
      return copy;
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr expr1) {
      Expr copy = super.transform(func, expr1);
      if (copy instanceof E_StrUpperCase
          || copy instanceof E_StrLowerCase
          || copy instanceof E_StrEncodeForURI) {
        return new BoundedLength(copy, maxLength);
      }
      return copy;
    }
  }

  static QueryLimitException tooLong(long length, int maxLength) {
    return new QueryLimitException(
        "the query builds a string of "
            + length
            + " characters, more than the "
            + maxLength
            + " a query may build");
  }

  static void checkLength(NodeValue value, int maxLength) {
    if (value.isLiteral()) {
      String lexical = value.asNode().getLiteralLexicalForm();
      if (lexical.length() > maxLength) {
        throw tooLong(lexical.length(), maxLength);
      }
    }
  }

  /** The cancel signal of the running query (set by its timeout), or a fresh one. */
  static AtomicBoolean cancelSignal(FunctionEnv env) {
    AtomicBoolean signal = env == null ? null : Context.getCancelSignal(env.getContext());
    return signal == null ? new AtomicBoolean() : signal;
  }

  /**
   * What a guarded function answers when called without the query's environment: ARQ's constant
   * folding, which catches it and leaves the function to run with the query.
   */
  static ExprEvalException notFoldable(String function) {
    return new ExprEvalException(function + " runs with the query, not while it is planned");
  }

  /**
   * Text that stops the matcher reading it once the query is cancelled, or once its own deadline
   * has passed (for a caller whose cancel signal is not in the function's environment).
   */
  static final class Cancellable implements CharSequence {
    private final CharSequence text;
    private final AtomicBoolean cancelled;
    private final long deadline;
    private int reads;

    Cancellable(CharSequence text, AtomicBoolean cancelled, long deadline) {
      this.text = text;
      this.cancelled = cancelled;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0xFFF) == 0 && (cancelled.get() || System.nanoTime() - deadline > 0)) {
        throw new QueryCancelledException();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  static Cancellable cancellable(String text, FunctionEnv env, long timeoutNanos) {
    return new Cancellable(text, cancelSignal(env), System.nanoTime() + timeoutNanos);
  }

  private static Pattern pattern(String function, NodeValue pattern, NodeValue flags) {
    if (!pattern.isString() || (flags != null && !flags.isString())) {
      throw new ExprEvalException(function + ": the pattern and flags must be strings");
    }
    return RegexEngine.makePattern(
        function, pattern.getString(), flags == null ? null : flags.getString());
  }

  private static String lexical(String function, NodeValue value) {
    Node node = value.asNode();
    if (!node.isLiteral()) {
      throw new ExprEvalException(function + ": not a string: " + value);
    }
    return node.getLiteralLexicalForm();
  }

  /** {@code REGEX} whose matching ends when the query is cancelled. */
  static final class GuardedRegex extends E_Regex {
    private final long timeoutNanos;

    GuardedRegex(List<Expr> args, long timeoutNanos) {
      super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      String text = lexical("REGEX", args.get(0));
      Pattern p = pattern("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
      return NodeValue.booleanReturn(p.matcher(cancellable(text, env, timeoutNanos)).find());
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      throw notFoldable("REGEX");
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new GuardedRegex(newArgs.getList(), timeoutNanos);
    }
  }

  /** {@code REPLACE} that ends when the query is cancelled and builds a bounded string. */
  static final class GuardedReplace extends E_StrReplace {
    private final int maxLength;
    private final long timeoutNanos;

    GuardedReplace(List<Expr> args, int maxLength, long timeoutNanos) {
      super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
      this.maxLength = maxLength;
      this.timeoutNanos = timeoutNanos;
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      NodeValue input = args.get(0);
      String text = lexical("REPLACE", input);
      Pattern p = pattern("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
      String replacement = lexical("REPLACE", args.get(2));
      if (p.matcher("").matches()) {
        // XPath's fn:replace: a pattern that matches the empty string is an error
        throw new ExprEvalException("REPLACE: the pattern matches the empty string");
      }
      Matcher m = p.matcher(cancellable(text, env, timeoutNanos));
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, replacement);
        if (out.length() > maxLength) {
          throw tooLong(out.length(), maxLength);
        }
      }
      m.appendTail(out);
      if (out.length() > maxLength) {
        throw tooLong(out.length(), maxLength);
      }
      Node node = input.asNode();
      String lang = node.getLiteralLanguage();
      if (lang != null && !lang.isEmpty()) {
        return NodeValue.makeLangString(out.toString(), lang);
      }
      return NodeValue.makeString(out.toString());
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      throw notFoldable("REPLACE");
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new GuardedReplace(newArgs.getList(), maxLength, timeoutNanos);
    }
  }

  /** {@code CONCAT} that refuses, before building it, a string past the bound. */
  static final class GuardedConcat extends E_StrConcat {
    private final int maxLength;

    GuardedConcat(ExprList args, int maxLength) {
      super(args);
      this.maxLength = maxLength;
    }

    GuardedConcat(List<Expr> args, int maxLength) {
      this(new ExprList(args), maxLength);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      long total = 0;
      for (NodeValue arg : args) {
        if (arg.isLiteral()) {
          total += arg.asNode().getLiteralLexicalForm().length();
        }
      }
      if (total > maxLength) {
        throw tooLong(total, maxLength);
      }
      return super.eval(args, env);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new GuardedConcat(newArgs, maxLength);
    }
  }

  /**
   * A function whose string result is checked against the bound: for the functions that lengthen a
   * string by at most a few times its arguments' length, which are already bounded.
   */
  static final class BoundedLength extends ExprFunction1 {
    private final int maxLength;

    BoundedLength(Expr expr, int maxLength) {
      super(expr, "bounded-length");
      this.maxLength = maxLength;
    }

    @Override
    public NodeValue eval(NodeValue v) {
      checkLength(v, maxLength);
      return v;
    }

    @Override
    public Expr copy(Expr expr) {
      return new BoundedLength(expr, maxLength);
    }
  }
}
