package org.radiotwin.channel;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The empirical distribution of n fading samples (e.g. received powers |H|²): CDF, the ε-quantile
 * estimate q̂_ε = Y_(r) with r = ⌈nε⌉ (the order statistic used by seed 004, Kallehauge et al. 2023
 * for URLLC rate selection), and its asymptotic variance ε(1−ε)/(n·f(q_ε)²) (Serfling 1980, §2.3.3)
 * with the density f estimated from the spacing of nearby order statistics, for a
 * normal-approximation confidence interval.
 */
public final class EmpiricalDistribution {

  private final double[] sorted;

  /**
   * Builds the distribution.
   *
   * @param samples sample values (copied), finite, at least one
   */
  public EmpiricalDistribution(double[] samples) {
    if (samples.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "fading samples", "need at least one sample");
    }
    for (double v : samples) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "fading sample", v);
      }
    }
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  /**
   * Number of samples.
   *
   * @return n
   */
  public int size() {
    return sorted.length;
  }

  /**
   * The i-th order statistic (1-based, as in the literature).
   *
   * @param r rank in [1, n]
   * @return Y_(r)
   */
  public double orderStatistic(int r) {
    return sorted[r - 1];
  }

  /**
   * Empirical CDF: the fraction of samples ≤ x.
   *
   * @param x value
   * @return F̂(x) in [0, 1]
   */
  public double cdf(double x) {
    int i = Arrays.binarySearch(sorted, x);
    if (i >= 0) {
      while (i + 1 < sorted.length && sorted[i + 1] == x) {
        i++;
      }
      return (i + 1) / (double) sorted.length;
    }
    return (-i - 1) / (double) sorted.length;
  }

  /**
   * The ε-quantile estimate q̂_ε = Y_(⌈nε⌉).
   *
   * @param epsilon probability in (0, 1]
   * @return the order statistic
   */
  public double quantile(double epsilon) {
    return sorted[rank(epsilon) - 1];
  }

  private int rank(double epsilon) {
    if (!(epsilon > 0 && epsilon <= 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "quantile level", epsilon + " is outside (0, 1]");
    }
    // ⌈nε⌉ with a guard against n·ε landing just above an integer by rounding.
    double x = sorted.length * epsilon;
    int r = (int) Math.ceil(x - 1e-9 * Math.max(1, x));
    return Math.max(1, Math.min(sorted.length, r));
  }

  /**
   * Asymptotic variance of q̂_ε, ε(1−ε)/(n·f(q)²), with f(q) ≈ 2k/(n·(Y_(r+k) − Y_(r−k))) and k =
   * max(1, ⌊√n/2⌋) (a symmetric difference quotient of the empirical CDF).
   *
   * @param epsilon probability in (0, 1)
   * @return the variance (in the squared units of the samples), +∞ when the density is 0
   */
  public double quantileVariance(double epsilon) {
    int n = sorted.length;
    int r = rank(epsilon);
    int k = Math.max(1, (int) Math.floor(Math.sqrt(n) / 2));
    int lo = Math.max(1, r - k);
    int hi = Math.min(n, r + k);
    double spread = sorted[hi - 1] - sorted[lo - 1];
    if (!(spread > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double density = (hi - lo) / (n * spread);
    return epsilon * (1 - epsilon) / (n * density * density);
  }

  /**
   * Normal-approximation confidence interval for q_ε: q̂_ε ± z_{1−α/2}·√var.
   *
   * @param epsilon probability in (0, 1)
   * @param alpha 1 − confidence, e.g. 0.05
   * @return {lower, upper}
   */
  public double[] quantileInterval(double epsilon, double alpha) {
    double z = new NormalDistribution(0, 1).inverseCumulativeProbability(1 - alpha / 2);
    double q = quantile(epsilon);
    double h = z * Math.sqrt(quantileVariance(epsilon));
    return new double[] {q - h, q + h};
  }

  /**
   * The sorted samples.
   *
   * @return a copy, ascending
   */
  public double[] sortedSamples() {
    return sorted.clone();
  }
}
