package org.radiotwin.stats.gp;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** Argument checks shared by the kernels. */
final class KernelChecks {

  private KernelChecks() {}

  static double positive(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, what, v + " is not a positive finite number");
    }
    return v;
  }

  static void bounds(String what, double lower, double upper) {
    if (!(lower > 0) || !(upper >= lower) || !Double.isFinite(upper)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what + " bounds",
          "[" + lower + ", " + upper + "] is not a positive finite interval");
    }
  }
}
