package org.w3id.grandbargain.kb.store;

import java.nio.file.Path;

/** A second process for the tests: takes a store's build lock and holds it until killed. */
public final class HoldBuildLock {
  private HoldBuildLock() {}

  public static void main(String[] args) throws Exception {
    BuildLock lock = BuildLock.acquire(Path.of(args[0]).toAbsolutePath().normalize());
    System.out.println("locked");
    System.out.flush();
    System.in.read();
    lock.close();
  }
}
