package org.radiotwin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.radiotwin.errors.RadioTwinException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code radiotwin} command-line program. Every subcommand prints machine-readable output with
 * {@code --json} (exactly one JSON document on stdout), progress and logs on stderr. Bad input
 * gives one line on stderr and exit code 2 ({@code --debug} adds the stack trace).
 */
@Command(
    name = "radiotwin",
    mixinStandardHelpOptions = true,
    versionProvider = RadioTwinCli.Version.class,
    description = "Radio digital twins: scenes, materials, ray tracing, calibration, statistics.",
    subcommands = {
      DemoCommand.class,
      SceneCommand.class,
      MaterialsCommand.class,
      PathsCommand.class,
      CfrCommand.class,
      RadioMapCommand.class,
      MeasureCommand.class,
      PpiCommand.class,
      StatsCommand.class,
      CalibrateCommand.class,
      ExperimentCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RadioTwinCli {

  /** Exit code for bad input (malformed file, bad option value, unknown name). */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for an unexpected internal failure. */
  public static final int EXIT_INTERNAL = 1;

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  /**
   * Runs the program and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the program with the given output streams (used by tests).
   *
   * @param out standard output
   * @param err standard error
   * @param args arguments
   * @return exit code: 0 success, 2 bad input, 1 internal error
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new RadioTwinCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          boolean showTrace = parseResult.hasMatchedOption("--debug");
          PrintWriter e = commandLine.getErr();
          if (showTrace) {
            ex.printStackTrace(e);
          }
          if (isBadInput(ex)) {
            e.println("radiotwin: error: " + oneLine(ex.getMessage()));
            e.flush();
            return EXIT_BAD_INPUT;
          }
          e.println("radiotwin: internal error: " + oneLine(String.valueOf(ex)));
          e.flush();
          return EXIT_INTERNAL;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static boolean isBadInput(Throwable ex) {
    return ex instanceof RadioTwinException
        || ex instanceof IOException
        || ex instanceof UncheckedIOException
        || ex instanceof CommandLine.ParameterException;
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = RadioTwinCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "radiotwin " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
