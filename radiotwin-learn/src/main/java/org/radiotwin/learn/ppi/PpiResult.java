package org.radiotwin.learn.ppi;

import java.util.Arrays;

/**
 * Point estimate, confidence interval, power-tuning parameter and (optionally) p-values of one
 * inference; one entry per coordinate of the estimand.
 *
 * @param estimate point estimate θ̂ per coordinate
 * @param ciLower lower ends of the confidence intervals (−∞ for a one-sided "smaller" interval)
 * @param ciUpper upper ends of the confidence intervals (+∞ for a one-sided "larger" interval)
 * @param lambda λ of the interval: one value, or one per coordinate (element-wise tuning)
 * @param pValue p-values of H0: θ = θ0 per coordinate, or null when no test was asked
 */
public record PpiResult(
    double[] estimate, double[] ciLower, double[] ciUpper, double[] lambda, double[] pValue) {

  /** Copies the arrays. */
  public PpiResult {
    estimate = estimate.clone();
    ciLower = ciLower.clone();
    ciUpper = ciUpper.clone();
    lambda = lambda.clone();
    pValue = pValue == null ? null : pValue.clone();
  }

  @Override
  public double[] estimate() {
    return estimate.clone();
  }

  @Override
  public double[] ciLower() {
    return ciLower.clone();
  }

  @Override
  public double[] ciUpper() {
    return ciUpper.clone();
  }

  @Override
  public double[] lambda() {
    return lambda.clone();
  }

  @Override
  public double[] pValue() {
    return pValue == null ? null : pValue.clone();
  }

  /**
   * The same result with p-values.
   *
   * @param values one p-value per coordinate
   * @return a new result
   */
  public PpiResult withPValue(double[] values) {
    return new PpiResult(estimate, ciLower, ciUpper, lambda, values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PpiResult r
        && Arrays.equals(estimate, r.estimate)
        && Arrays.equals(ciLower, r.ciLower)
        && Arrays.equals(ciUpper, r.ciUpper)
        && Arrays.equals(lambda, r.lambda)
        && Arrays.equals(pValue, r.pValue);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(estimate) * 31 + Arrays.hashCode(ciLower);
  }

  @Override
  public String toString() {
    return "PpiResult[estimate="
        + Arrays.toString(estimate)
        + ", ci=["
        + Arrays.toString(ciLower)
        + ", "
        + Arrays.toString(ciUpper)
        + "], lambda="
        + Arrays.toString(lambda)
        + (pValue == null ? "" : ", pValue=" + Arrays.toString(pValue))
        + "]";
  }
}
