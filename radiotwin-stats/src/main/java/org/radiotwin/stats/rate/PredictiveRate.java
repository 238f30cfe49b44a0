package org.radiotwin.stats.rate;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The rate selected from a Gaussian predictive distribution N(μ, σ²) of ln q_ε (Kallehauge et al.,
 * "Predictive Rate Selection for Ultra-Reliable Communication using Statistical Radio Maps",
 * GLOBECOM 2022, doi:10.1109/GLOBECOM48099.2022.10001584; seed 004 §V-C):
 *
 * <pre>
 *   R̂(x) = log₂(1 + ρ·exp(μ(x) + σ(x)·Φ⁻¹(δ)))
 * </pre>
 *
 * the δ-quantile of the predictive capacity, so that P(R̂ > C_ε) ≤ δ when the predictive
 * distribution is right (the meta-probability constraint). With a calibrated multiplier ŝ in place
 * of −Φ⁻¹(δ) (see {@link ConformalQuantileCalibration}) the same formula gives the conformal rate.
 */
public final class PredictiveRate {

  private PredictiveRate() {}

  /**
   * −Φ⁻¹(δ), the Gaussian back-off multiplier.
   *
   * @param delta confidence parameter δ in (0, 1)
   * @return z = −Φ⁻¹(δ) (positive for δ &lt; ½)
   */
  public static double gaussianMultiplier(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "delta", delta + " is outside (0, 1)");
    }
    return -new NormalDistribution(0, 1).inverseCumulativeProbability(delta);
  }

  /**
   * R̂ = log₂(1 + ρ·exp(μ − s·σ)).
   *
   * @param rho SNR scale ρ > 0
   * @param mean predictive mean μ of ln q_ε
   * @param std predictive standard deviation σ ≥ 0 of ln q_ε
   * @param multiplier back-off s in units of σ (−Φ⁻¹(δ) for the Gaussian rate); +∞ gives rate 0
   * @return the rate [bit/s/Hz]
   */
  public static double rate(double rho, double mean, double std, double multiplier) {
    if (multiplier == Double.POSITIVE_INFINITY) {
      return 0;
    }
    return OutageCapacity.capacityFromLog(rho, mean - multiplier * std);
  }
}
