package org.radiotwin.cli;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** Validation and formatting of option values shared by the commands. */
final class CliChecks {

  private CliChecks() {}

  static void positiveFinite(String option, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, option, "must be a positive number, got " + value);
    }
  }

  /** Creates the folder an output file goes into. */
  static void createParent(java.nio.file.Path file) {
    java.nio.file.Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      try {
        java.nio.file.Files.createDirectories(dir);
      } catch (java.io.IOException e) {
        throw new RadioTwinException(
            RadioTwinMessages.CANNOT_WRITE_FILE,
            file,
            "cannot create folder " + dir + ": " + e.getMessage());
      }
    }
  }

  static String formatFrequency(double hz) {
    return String.format(Locale.ROOT, "%.6g GHz", hz / 1e9);
  }
}
