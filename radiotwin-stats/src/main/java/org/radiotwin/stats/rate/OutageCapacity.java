package org.radiotwin.stats.rate;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The ε-outage capacity C_ε = log₂(1 + ρ·q_ε) of a channel whose power |h|² has ε-quantile q_ε,
 * with ρ = P/σ² the SNR scale (the largest rate with outage probability P(log₂(1 + ρ|h|²) < R) ≤
 * ε). Rates in bit/s/Hz.
 */
public final class OutageCapacity {

  private OutageCapacity() {}

  /**
   * C_ε = log₂(1 + ρ q).
   *
   * @param rho SNR scale ρ > 0 [1/channel power unit]
   * @param quantile power quantile q ≥ 0 (linear)
   * @return the rate [bit/s/Hz]
   */
  public static double capacity(double rho, double quantile) {
    if (!(rho > 0) || !(quantile >= 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "outage capacity",
          "need ρ > 0 and a quantile ≥ 0, got ρ = " + rho + ", q = " + quantile);
    }
    return Math.log1p(rho * quantile) / Math.log(2);
  }

  /**
   * C_ε from the natural logarithm of the quantile, log₂(1 + ρ·e^{ln q}).
   *
   * @param rho SNR scale ρ > 0
   * @param logQuantile ln q (may be −∞: rate 0)
   * @return the rate [bit/s/Hz]
   */
  public static double capacityFromLog(double rho, double logQuantile) {
    return capacity(rho, Math.exp(logQuantile));
  }
}
