package org.radiotwin.calibration;

/**
 * One entry of a calibration history.
 *
 * @param iteration iteration number (0 = before the first update)
 * @param loss loss at the start of the iteration
 * @param values the selected parameters' physical values at that point
 */
public record CalibrationStep(int iteration, double loss, double[] values) {

  /** Copies the values. */
  public CalibrationStep {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }
}
