package org.radiotwin.calibration;

import java.util.List;

/**
 * Outcome of a calibration.
 *
 * @param method loss name
 * @param parameterNames names of the selected parameters ({@code material.symbol})
 * @param initialValues their values before
 * @param finalValues their values after
 * @param history loss and values per iteration (the last entry is the final point)
 * @param converged whether the loss-change tolerance stopped the run before the iteration limit
 */
public record CalibrationResult(
    String method,
    List<String> parameterNames,
    double[] initialValues,
    double[] finalValues,
    List<CalibrationStep> history,
    boolean converged) {

  /** Copies the arrays and lists. */
  public CalibrationResult {
    parameterNames = List.copyOf(parameterNames);
    initialValues = initialValues.clone();
    finalValues = finalValues.clone();
    history = List.copyOf(history);
  }

  @Override
  public double[] initialValues() {
    return initialValues.clone();
  }

  @Override
  public double[] finalValues() {
    return finalValues.clone();
  }

  /**
   * Loss before the first update.
   *
   * @return the initial loss
   */
  public double initialLoss() {
    return history.get(0).loss();
  }

  /**
   * Loss at the final parameters.
   *
   * @return the final loss
   */
  public double finalLoss() {
    return history.get(history.size() - 1).loss();
  }
}
