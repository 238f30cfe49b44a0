package org.radiotwin.stats.rate;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Split conformal calibration of a lower predictive quantile of ln q_ε (Vovk, Gammerman and Shafer,
 * <i>Algorithmic Learning in a Random World</i>, 2005; Lei et al., "Distribution-free predictive
 * inference for regression", JASA 113(523), 2018, doi:10.1080/01621459.2017.1307116).
 *
 * <p>On m held-out calibration positions (not used to fit the predictor), the normalised
 * over-prediction scores s_i = (μ_i − y_i)/σ_i are sorted and ŝ = s_(k), k = ⌈(m + 1)(1 − δ)⌉. For
 * a new position exchangeable with the calibration ones, P(y &lt; μ − ŝσ) ≤ δ — whatever the model,
 * misspecified or not — so the rate log₂(1 + ρ·e^{μ − ŝσ}) violates the ε-outage capacity with
 * probability at most δ (marginally over positions and calibration sets). When k > m the guarantee
 * needs an infinite back-off: ŝ = +∞ (rate 0); m ≥ 1/δ − 1 avoids it.
 */
public final class ConformalQuantileCalibration {

  private ConformalQuantileCalibration() {}

  /**
   * The calibrated multiplier ŝ.
   *
   * @param mean predictive means μ_i at the calibration positions
   * @param std predictive standard deviations σ_i > 0
   * @param truth observed targets y_i
   * @param delta confidence parameter δ in (0, 1)
   * @return ŝ (+∞ when there are too few calibration positions)
   */
  public static double multiplier(double[] mean, double[] std, double[] truth, double delta) {
    return multiplier(sortedScores(mean, std, truth), delta);
  }

  /**
   * The standardised calibration scores (μ_i − y_i)/σ_i in ascending order.
   *
   * @param mean predictive means μ_i at the calibration positions
   * @param std predictive standard deviations σ_i > 0
   * @param truth observed targets y_i
   * @return the sorted scores
   */
  public static double[] sortedScores(double[] mean, double[] std, double[] truth) {
    int m = mean.length;
    if (std.length != m || truth.length != m || m == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "conformal calibration arrays", m, truth.length);
    }
    double[] s = new double[m];
    for (int i = 0; i < m; i++) {
      if (!(std[i] > 0)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "predictive standard deviation at calibration position " + i,
            std[i] + " is not positive");
      }
      s[i] = (mean[i] - truth[i]) / std[i];
    }
    Arrays.sort(s);
    return s;
  }

  /**
   * The calibrated multiplier ŝ from sorted scores: the k-th smallest, k = ⌈(m + 1)(1 − δ)⌉.
   *
   * @param sortedScores scores from {@link #sortedScores}
   * @param delta confidence parameter δ in (0, 1)
   * @return ŝ (+∞ when there are too few calibration positions)
   */
  public static double multiplier(double[] sortedScores, double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "delta", delta + " is outside (0, 1)");
    }
    int m = sortedScores.length;
    int k = rank(m, delta);
    return k > m ? Double.POSITIVE_INFINITY : sortedScores[k - 1];
  }

  /**
   * The conformal rank k = ⌈(m + 1)(1 − δ)⌉.
   *
   * @param m calibration positions
   * @param delta confidence parameter
   * @return k (may exceed m)
   */
  public static int rank(int m, double delta) {
    double x = (m + 1) * (1 - delta);
    return (int) Math.ceil(x - 1e-9 * x);
  }
}
