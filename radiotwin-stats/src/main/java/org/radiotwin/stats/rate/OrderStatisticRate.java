package org.radiotwin.stats.rate;

import org.hipparchus.special.Beta;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Kallehauge's non-parametric rate from n local channel-power samples: R = log₂(1 + ρ·Y_(l)) with
 * Y_(l) the l-th smallest sample and l the largest rank with
 *
 * <pre>
 *   P(Y_(l) > q_ε) = P(Binomial(n, ε) &lt; l) = 1 − I_ε(l, n + 1 − l) ≤ δ
 * </pre>
 *
 * (I the regularised incomplete beta function), so that the rate exceeds the ε-outage capacity with
 * probability at most δ for any continuous fading distribution (T. Kallehauge et al., "Experimental
 * Study of Spatial Statistics for Ultra-Reliable Communications", ICC 2024,
 * doi:10.1109/ICC51166.2024.10622434; H. A. David and H. N. Nagaraja, <i>Order Statistics</i>,
 * 2003, §7.1).
 */
public final class OrderStatisticRate {

  private OrderStatisticRate() {}

  /**
   * The largest valid rank.
   *
   * @param n number of samples ≥ 1
   * @param epsilon outage probability ε in (0, 1)
   * @param delta confidence parameter δ in (0, 1)
   * @return l in [1, n], or 0 when even the smallest sample violates the bound (too few samples)
   */
  public static int rank(int n, double epsilon, double delta) {
    if (n < 1 || !(epsilon > 0 && epsilon < 1) || !(delta > 0 && delta < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "order-statistic rate",
          "need n ≥ 1 and ε, δ in (0, 1), got n = " + n + ", ε = " + epsilon + ", δ = " + delta);
    }
    int best = 0;
    for (int l = 1; l <= n; l++) {
      double violation = 1 - Beta.regularizedBeta(epsilon, l, n + 1.0 - l);
      if (violation <= delta) {
        best = l;
      } else {
        break;
      }
    }
    return best;
  }

  /**
   * The rate log₂(1 + ρ·Y_(l)).
   *
   * @param rho SNR scale ρ > 0
   * @param sortedPowers local power samples in ascending order (linear)
   * @param epsilon outage probability ε
   * @param delta confidence parameter δ
   * @return the rate [bit/s/Hz]; 0 when there are too few samples for any rank
   */
  public static double rate(double rho, double[] sortedPowers, double epsilon, double delta) {
    int l = rank(sortedPowers.length, epsilon, delta);
    return l == 0 ? 0 : OutageCapacity.capacity(rho, sortedPowers[l - 1]);
  }
}
