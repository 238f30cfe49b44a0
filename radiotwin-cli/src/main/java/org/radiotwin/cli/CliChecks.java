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

  static String formatFrequency(double hz) {
    return String.format(Locale.ROOT, "%.6g GHz", hz / 1e9);
  }
}
