package org.w3id.grandbargain.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A second JVM on the tests' class path, running a main class: to hold a store from another
 * process, or to kill a build for real. Its stdout and stderr are read line by line, together.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
  private static final String END = "\u0000end";

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  seen.add(line);
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process is gone
              }
              lines.add(END);
            },
            "child-jvm-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with its arguments, in the project root. */
  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ChildJvm(
        new ProcessBuilder(command)
            .directory(TestProject.root().toFile())
            .redirectErrorStream(true)
            .start());
  }

  /** Waits for a line that matches, and returns it; fails if the process ends first. */
  public String await(Predicate<String> line, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String next = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null || next.equals(END)) {
        throw new AssertionError(
            (next == null ? "timed out" : "the child ended")
                + " before the expected line; it wrote:\n"
                + String.join("\n", seen));
      }
      if (line.test(next)) {
        return next;
      }
    }
  }

  /** Waits for the process to end and returns its exit code. */
  public int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child did not end; it wrote:\n" + String.join("\n", seen));
    }
    return process.exitValue();
  }

  /** Everything it wrote so far. */
  public String output() {
    return String.join("\n", seen);
  }

  public long pid() {
    return process.pid();
  }

  /** Kills the process, as {@code kill -9} does, and waits for it to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
