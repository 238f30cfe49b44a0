package org.radiotwin.stats.features;

import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * φ(F_DT,x) of seed 004 eq. (3): the twin's received-power distribution at a position sampled at K
 * uniformly spaced probability levels, as power quantiles in dB (the order statistics Y_(⌈n p_k⌉)
 * of the twin's samples, {@link EmpiricalDistribution#quantile}). Concatenated with the position,
 * they let the GP kernel relate positions where the twin sees a similar channel.
 *
 * <p>The paper does not publish the levels. They are spaced uniformly from p_1 = ε to p_K = 1 − ε
 * (p = ε for K = 1), so that the lowest feature is the twin's own estimate of the quantile to be
 * predicted and the geometry-informed GP has at least the information of the twin-only benchmark;
 * levels k/(K + 1) would leave the lower tail, which matters most for URLLC, out for small K.
 */
public final class PowerQuantileFeatures {

  private PowerQuantileFeatures() {}

  /**
   * The probability levels p_k = ε + (1 − 2ε)(k − 1)/(K − 1), k = 1…K.
   *
   * @param k number of levels K ≥ 1
   * @param lowest the lowest level ε in (0, ½]
   * @return the levels, ascending
   */
  public static double[] levels(int k, double lowest) {
    if (k < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "feature count K", k + " is less than 1");
    }
    if (!(lowest > 0 && lowest <= 0.5)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "lowest feature level",
          lowest + " is outside (0, ½]");
    }
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      p[i] = k == 1 ? lowest : lowest + (1 - 2 * lowest) * i / (k - 1);
    }
    return p;
  }

  /**
   * The K power quantiles of one position.
   *
   * @param powersDb the twin's power samples at the position [dB]
   * @param k number of levels K
   * @param lowest the lowest level ε
   * @return quantiles [dB], ascending
   */
  public static double[] quantilesDb(EmpiricalDistribution powersDb, int k, double lowest) {
    double[] p = levels(k, lowest);
    double[] q = new double[k];
    for (int i = 0; i < k; i++) {
      q[i] = powersDb.quantile(p[i]);
    }
    return q;
  }
}
