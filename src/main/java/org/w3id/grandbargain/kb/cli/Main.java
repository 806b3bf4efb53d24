package org.w3id.grandbargain.kb.cli;

import java.io.PrintWriter;
import org.w3id.grandbargain.kb.KbException;
import org.w3id.grandbargain.kb.store.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code build}, {@code query}, {@code verify-anchors}, {@code check-wording},
 * {@code refresh-external}, {@code serve}, {@code generate-corpus}. Errors go to stderr with a
 * non-zero exit code ({@link ExitCodes}).
 *
 * <pre>
 * java -jar target/grand-bargain-kb.jar build
 * java -jar target/grand-bargain-kb.jar query timeline
 * java -jar target/grand-bargain-kb.jar verify-anchors --text ../shared/source/copy.txt
 * </pre>
 */
@Command(
    name = "grand-bargain-kb",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Build, query and check the Grand Bargain knowledge base.",
    subcommands = {
      BuildCommand.class,
      QueryCommand.class,
      VerifyAnchorsCommand.class,
      CheckWordingCommand.class,
      RefreshExternalCommand.class,
      ServeCommand.class,
      GenerateCorpusCommand.class
    })
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    org.w3id.grandbargain.kb.query.QueryPolicy.lockDown();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String message = message(e);
          commandLine.getErr().println("error: " + message);
          commandLine.getErr().flush();
          return ExitCodes.of(e);
        });
    if (args.length == 0) {
      cli.usage(out);
      return ExitCodes.USAGE;
    }
    return cli.execute(args);
  }

  /** A KbException's message, found anywhere among the causes; else the exception itself. */
  static String message(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof KbException) {
        return c.getMessage();
      }
    }
    return e.toString();
  }

  /** Reports the software version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"grand-bargain-kb " + Version.current()};
    }
  }
}
