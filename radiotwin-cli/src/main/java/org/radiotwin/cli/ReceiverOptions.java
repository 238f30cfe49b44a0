package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Receiver positions given on the command line or in a CSV file. */
final class ReceiverOptions {

  @Option(names = "--rx", paramLabel = "x,y,z", description = "Receiver position [m]. Repeatable.")
  List<String> rx = new ArrayList<>();

  @Option(
      names = "--rx-file",
      paramLabel = "CSV",
      description = "Receiver positions, x,y,z per line (a header line is skipped).")
  Path rxFile;
}
