package org.w3id.grandbargain.kb.publish.ops;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What the server's own Jetty handlers share. */
public final class Exchanges {
  private Exchanges() {}

  /**
   * Hands a request to the next handler and runs {@code done} once when the exchange ends: when its
   * response completes or fails, when the next handler throws, or when it does not take the
   * request.
   */
  static boolean handleThen(
      Request.Handler next, Request request, Response response, Callback callback, Runnable done)
      throws Exception {
    AtomicBoolean ended = new AtomicBoolean();
    Runnable once =
        () -> {
          if (ended.compareAndSet(false, true)) {
            done.run();
          }
        };
    Callback nested =
        new Callback.Nested(callback) {
          @Override
          public void succeeded() {
            once.run();
            super.succeeded();
          }

          @Override
          public void failed(Throwable x) {
            once.run();
            super.failed(x);
          }
        };
    boolean handled;
    try {
      handled = next != null && next.handle(request, response, nested);
    } catch (Exception | Error e) {
      once.run();
      throw e;
    }
    if (!handled) {
      once.run();
    }
    return handled;
  }
}
