package org.radiotwin.learn.ppi;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Normal (z) confidence intervals and p-values, as statsmodels' {@code _zconfint_generic} and
 * {@code _zstat_generic} that ppi_py uses everywhere.
 */
public final class ZTest {

  private static final NormalDistribution STANDARD = new NormalDistribution(0, 1);

  private ZTest() {}

  /**
   * Confidence interval of a normally distributed estimate.
   *
   * <p>two-sided: θ̂ ∓ z<sub>1−α/2</sub>σ; larger: [θ̂ + z<sub>α</sub>σ, +∞); smaller: (−∞, θ̂ +
   * z<sub>1−α</sub>σ].
   *
   * @param mean the estimate θ̂
   * @param std its standard error σ
   * @param alpha error level in (0, 1)
   * @param alternative shape of the interval
   * @return {lower, upper}
   */
  public static double[] confidenceInterval(
      double mean, double std, double alpha, Alternative alternative) {
    switch (alternative) {
      case LARGER:
        {
          double z = STANDARD.inverseCumulativeProbability(alpha);
          return new double[] {mean + z * std, Double.POSITIVE_INFINITY};
        }
      case SMALLER:
        {
          double z = STANDARD.inverseCumulativeProbability(1 - alpha);
          return new double[] {Double.NEGATIVE_INFINITY, mean + z * std};
        }
      default:
        {
          double z = STANDARD.inverseCumulativeProbability(1 - alpha / 2.0);
          return new double[] {mean - z * std, mean + z * std};
        }
    }
  }

  /**
   * p-value of H0: θ = θ0 for a normally distributed estimate: z = (θ̂ − θ0)/σ; two-sided 2Φ(−|z|),
   * larger Φ(−z), smaller Φ(z).
   *
   * @param estimate the estimate θ̂
   * @param std its standard error σ
   * @param nullValue θ0
   * @param alternative the alternative hypothesis
   * @return the p-value
   */
  public static double pValue(
      double estimate, double std, double nullValue, Alternative alternative) {
    double z = (estimate - 0.0 - nullValue) / std;
    switch (alternative) {
      case LARGER:
        return STANDARD.cumulativeProbability(-z);
      case SMALLER:
        return STANDARD.cumulativeProbability(z);
      default:
        return STANDARD.cumulativeProbability(-Math.abs(z)) * 2;
    }
  }

  /**
   * ppi_py's {@code rectified_p_value}: the test of H0: θ = θ0 for θ̂ = imputed + rectifier with σ
   * = max(√(σ_imputed² + σ_rectifier²), 10⁻¹⁶).
   *
   * @param rectifier rectifier estimate
   * @param rectifierStd its standard error
   * @param imputedMean imputed estimate
   * @param imputedStd its standard error
   * @param nullValue θ0
   * @param alternative alternative hypothesis
   * @return the p-value
   */
  public static double rectifiedPValue(
      double rectifier,
      double rectifierStd,
      double imputedMean,
      double imputedStd,
      double nullValue,
      Alternative alternative) {
    double estimate = imputedMean + rectifier;
    double std = Math.max(Math.sqrt(imputedStd * imputedStd + rectifierStd * rectifierStd), 1e-16);
    return pValue(estimate, std, nullValue, alternative);
  }
}
