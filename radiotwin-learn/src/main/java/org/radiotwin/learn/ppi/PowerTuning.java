package org.radiotwin.learn.ppi;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The power-tuning parameter λ of PPI++: either a fixed value (1 = PPI, 0 = classical) or tuned
 * from the data to minimise the asymptotic variance.
 *
 * @param fixedLambda the fixed λ, or NaN when λ is tuned
 * @param mode how a tuned λ is chosen
 * @param coordinate 0-based index of the coordinate whose variance a tuned λ minimises, or −1 for
 *     the total variance over all coordinates
 */
public record PowerTuning(double fixedLambda, LambdaMode mode, int coordinate) {

  /** Validates the combination. */
  public PowerTuning {
    if (Double.isInfinite(fixedLambda)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "lambda", fixedLambda);
    }
    if (mode == null) {
      throw new RadioTwinException(RadioTwinMessages.INVALID_ARGUMENT, "lambda mode", "missing");
    }
    if (coordinate < -1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "coordinate", "must be >= 0, got " + coordinate);
    }
    if (mode == LambdaMode.ELEMENT && coordinate >= 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "coordinate",
          "a coordinate cannot be combined with the element-wise lambda mode");
    }
  }

  /**
   * λ tuned to minimise the total variance over all coordinates (ppi_py's default).
   *
   * @return the tuning
   */
  public static PowerTuning tuned() {
    return new PowerTuning(Double.NaN, LambdaMode.OVERALL, -1);
  }

  /**
   * λ tuned in the given mode.
   *
   * @param mode overall or element-wise
   * @param coordinate coordinate whose variance is minimised, or −1 for all (overall mode only)
   * @return the tuning
   */
  public static PowerTuning tuned(LambdaMode mode, int coordinate) {
    return new PowerTuning(Double.NaN, mode, coordinate);
  }

  /**
   * A fixed λ.
   *
   * @param lambda the value (1 = PPI, 0 = classical)
   * @return the tuning
   */
  public static PowerTuning fixed(double lambda) {
    if (Double.isNaN(lambda)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "lambda", lambda);
    }
    return new PowerTuning(lambda, LambdaMode.OVERALL, -1);
  }

  /**
   * Whether λ is tuned from the data.
   *
   * @return true when no fixed value was given
   */
  public boolean isTuned() {
    return Double.isNaN(fixedLambda);
  }
}
