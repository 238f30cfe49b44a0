package org.radiotwin.calibration;

/**
 * How well a twin predicts measured power: mean relative error mean_m |P_twin − P_meas|/P_meas and
 * the RMS of the dB difference, over positions with positive measured power.
 *
 * @param meanRelativeError mean |P_twin − P_meas|/P_meas
 * @param rmseDb √(mean (10log₁₀P_twin − 10log₁₀P_meas)²) [dB]
 */
public record PowerErrors(double meanRelativeError, double rmseDb) {

  /**
   * Compares predicted and measured powers.
   *
   * @param predicted twin powers
   * @param measured measured powers (same order)
   * @return the errors
   */
  public static PowerErrors of(double[] predicted, double[] measured) {
    double rel = 0;
    double sq = 0;
    int n = 0;
    for (int i = 0; i < measured.length; i++) {
      if (measured[i] > 0) {
        rel += Math.abs(predicted[i] - measured[i]) / measured[i];
        double d = 10 * Math.log10(Math.max(predicted[i], 1e-300) / measured[i]);
        sq += d * d;
        n++;
      }
    }
    return n == 0
        ? new PowerErrors(Double.NaN, Double.NaN)
        : new PowerErrors(rel / n, Math.sqrt(sq / n));
  }
}
