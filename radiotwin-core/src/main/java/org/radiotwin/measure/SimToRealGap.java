package org.radiotwin.measure;

import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The gap between a twin and measurements at the same positions and frequencies: per position, the
 * difference (twin − measured) of the mean received power over the sweep and of the ε-quantile of
 * |H(f)|² over the sweep (frequency samples as fading samples, seed 004), in dB.
 *
 * @param positionIds position ids, in the measured set's order
 * @param meanPowerGapDb twin − measured mean power per position [dB]
 * @param quantileGapDb twin − measured ε-quantile per position [dB]
 * @param epsilon the quantile level
 */
public record SimToRealGap(
    int[] positionIds, double[] meanPowerGapDb, double[] quantileGapDb, double epsilon) {

  /**
   * Compares a twin's simulated sweeps with measured ones.
   *
   * @param measured measured set
   * @param twin simulated set with the same positions (same order) and frequencies
   * @param epsilon quantile level, e.g. 0.01
   * @return the per-position gaps
   */
  public static SimToRealGap between(MeasurementSet measured, MeasurementSet twin, double epsilon) {
    int n = measured.positionCount();
    if (twin.positionCount() != n || twin.frequencyCount() != measured.frequencyCount()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "twin sweeps (positions × frequencies)",
          (long) n * measured.frequencyCount(),
          (long) twin.positionCount() * twin.frequencyCount());
    }
    double[] mean = new double[n];
    double[] quantile = new double[n];
    int k = measured.frequencyCount();
    for (int p = 0; p < n; p++) {
      if (!measured.txPosition(p).equals(twin.txPosition(p))
          || !measured.rxPosition(p).equals(twin.rxPosition(p))) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "position " + measured.positionId(p),
            "the twin was simulated at other coordinates");
      }
      double[] pm = new double[k];
      double[] pt = new double[k];
      for (int i = 0; i < k; i++) {
        pm[i] = 10 * Math.log10(Math.max(measured.power(p, i), 1e-300));
        pt[i] = 10 * Math.log10(Math.max(twin.power(p, i), 1e-300));
      }
      mean[p] = 10 * Math.log10(twin.meanPower(p) / measured.meanPower(p));
      quantile[p] =
          new EmpiricalDistribution(pt).quantile(epsilon)
              - new EmpiricalDistribution(pm).quantile(epsilon);
    }
    return new SimToRealGap(measured.positionIds(), mean, quantile, epsilon);
  }

  /**
   * Mean absolute mean-power gap.
   *
   * @return mean over positions of |gap| [dB]
   */
  public double meanAbsPowerGapDb() {
    return meanAbs(meanPowerGapDb);
  }

  /**
   * Mean absolute quantile gap.
   *
   * @return mean over positions of |gap| [dB]
   */
  public double meanAbsQuantileGapDb() {
    return meanAbs(quantileGapDb);
  }

  private static double meanAbs(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x);
    }
    return s / v.length;
  }
}
