package org.w3id.grandbargain.kb.query;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.grandbargain.kb.KbException;

/**
 * The first SERVICE refusal or failure of one query execution. Jena turns any error inside a FILTER
 * into "false", so a refused call in {@code FILTER EXISTS { SERVICE ... }} would otherwise pass
 * unnoticed as an empty answer; {@link ServiceGuard} records it here as well as raising it, and
 * whoever runs the query raises it once the answer is computed ({@link #raise()}).
 *
 * <pre>{@code
 * ServiceProblems problems = ServiceProblems.attach(exec.getContext());
 * RowSet rows = exec.select().materialize();
 * problems.raise();
 * }</pre>
 */
public final class ServiceProblems {
  private static final Symbol KEY =
      Symbol.create("https://w3id.org/grand-bargain/ontology#serviceProblems");

  private final AtomicReference<KbException> first = new AtomicReference<>();

  private ServiceProblems() {}

  /** Attaches a fresh record to the context of one execution. */
  public static ServiceProblems attach(Context context) {
    ServiceProblems problems = new ServiceProblems();
    context.set(KEY, problems);
    return problems;
  }

  /** The record attached to an execution's context, if any. */
  public static Optional<ServiceProblems> of(Context context) {
    return context == null ? Optional.empty() : Optional.ofNullable(context.get(KEY));
  }

  void record(KbException problem) {
    first.compareAndSet(null, problem);
  }

  /** Raises the first refusal or failure recorded, if any. */
  public void raise() {
    KbException problem = first.get();
    if (problem != null) {
      throw problem;
    }
  }
}
