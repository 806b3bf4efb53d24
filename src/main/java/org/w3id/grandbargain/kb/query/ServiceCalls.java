package org.w3id.grandbargain.kb.query;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.grandbargain.kb.KbException;

/**
 * The SERVICE calls of one query execution: how many were made, against the policy's budget, and
 * the first refusal or failure. Jena turns any error inside a FILTER into "false", so a refused
 * call in {@code FILTER EXISTS { SERVICE ... }} would otherwise pass unnoticed as an empty answer;
 * {@link ServiceGuard} records it here as well as raising it, and whoever runs the query raises it
 * once the answer is computed ({@link #raise()}).
 *
 * <pre>{@code
 * ServiceCalls problems = ServiceCalls.attach(exec.getContext());
 * RowSet rows = exec.select().materialize();
 * problems.raise();
 * }</pre>
 */
public final class ServiceCalls {
  private static final Symbol KEY =
      Symbol.create("https://w3id.org/grand-bargain/ontology#serviceCalls");

  private final AtomicReference<KbException> first = new AtomicReference<>();
  private final java.util.concurrent.atomic.AtomicInteger calls =
      new java.util.concurrent.atomic.AtomicInteger();

  private ServiceCalls() {}

  /** Attaches a fresh record to the context of one execution. */
  public static ServiceCalls attach(Context context) {
    ServiceCalls problems = new ServiceCalls();
    context.set(KEY, problems);
    return problems;
  }

  /** The record attached to an execution's context, if any. */
  public static Optional<ServiceCalls> of(Context context) {
    return context == null ? Optional.empty() : Optional.ofNullable(context.get(KEY));
  }

  /** Counts one more call; the count so far. */
  int call() {
    return calls.incrementAndGet();
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
