package org.radiotwin.stats.features;

import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * φ(F_DT,x) of seed 004 eq. (3): the twin's received-power distribution at a position sampled at K
 * uniformly spaced probability levels p_k = k/(K + 1), k = 1…K, as power quantiles in dB (the order
 * statistic Y_(⌈n p_k⌉) of the twin's samples, {@link EmpiricalDistribution#quantile}).
 * Concatenated with the position, they let the GP kernel relate positions where the twin sees a
 * similar channel.
 */
public final class PowerQuantileFeatures {

  private PowerQuantileFeatures() {}

  /**
   * The probability levels.
   *
   * @param k number of levels K ≥ 1
   * @return k/(K + 1), k = 1…K
   */
  public static double[] levels(int k) {
    if (k < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "feature count K", k + " is less than 1");
    }
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      p[i] = (i + 1.0) / (k + 1);
    }
    return p;
  }

  /**
   * The K power quantiles of one position.
   *
   * @param powersDb the twin's power samples at the position [dB]
   * @param k number of levels K
   * @return quantiles [dB], ascending
   */
  public static double[] quantilesDb(EmpiricalDistribution powersDb, int k) {
    double[] p = levels(k);
    double[] q = new double[k];
    for (int i = 0; i < k; i++) {
      q[i] = powersDb.quantile(p[i]);
    }
    return q;
  }
}
