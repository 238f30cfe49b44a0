package org.radiotwin.learn.mac;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The statistics of a multiple-access system that a twin has to learn: the multi-packet reception
 * matrix and the per-cluster arrival pmfs. The real system has one true model; a twin holds an
 * estimate or samples models from its posterior.
 *
 * <p>Row k of the reception matrix is the pmf P(D = d | k packets sent), d = 0..k, so row k has k +
 * 1 entries and there are N + 1 rows. Entry p of {@code arrivals[c]} is the probability that in a
 * slot the devices of cluster c whose bit is set in p (bit j ↔ j-th listed member) each receive one
 * packet and the others none.
 *
 * @param reception reception matrix, rows k = 0..N, row k of length k + 1, each a pmf
 * @param arrivals one arrival pmf per cluster, of length 2^(cluster size)
 */
public record MacModel(double[][] reception, double[][] arrivals) {

  private static final double SUM_TOLERANCE = 1e-9;

  /** Copies the arrays. */
  public MacModel {
    reception = deepCopy(reception);
    arrivals = deepCopy(arrivals);
  }

  /**
   * The true model of seed 000 §III / METHODS.md §5: arrival pmf {(0,0): 0.2, (1,0): 0.4, (0,1):
   * 0.4, (1,1): 0} in both clusters; reception 0→0, 1→1, 2→{1: 0.8, 2: 0.2}, ≥3→0.
   *
   * @return the default true model for {@link MacSetting#paperDefaults()}
   */
  public static MacModel paperDefaults() {
    double[] cluster = {0.2, 0.4, 0.4, 0.0};
    return new MacModel(
        new double[][] {{1}, {0, 1}, {0, 0.8, 0.2}, {1, 0, 0, 0}, {1, 0, 0, 0, 0}},
        new double[][] {cluster, cluster.clone()});
  }

  /**
   * Checks that this model fits a setting: shapes, non-negative finite entries, rows summing to 1.
   *
   * @param setting the system structure
   * @param what name used in error messages (e.g. a file name)
   * @return this model
   */
  public MacModel validate(MacSetting setting, String what) {
    if (reception.length != setting.devices() + 1) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          what + ": reception rows (devices + 1)",
          setting.devices() + 1,
          reception.length);
    }
    for (int k = 0; k < reception.length; k++) {
      if (reception[k].length != k + 1) {
        throw new RadioTwinException(
            RadioTwinMessages.SIZE_MISMATCH,
            what + ": reception[" + k + "] entries (delivered 0.." + k + ")",
            k + 1,
            reception[k].length);
      }
      checkPmf(reception[k], what + ": reception[" + k + "]");
    }
    if (arrivals.length != setting.clusters().length) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          what + ": arrival pmfs (one per cluster)",
          setting.clusters().length,
          arrivals.length);
    }
    for (int c = 0; c < arrivals.length; c++) {
      if (arrivals[c].length != setting.patterns(c)) {
        throw new RadioTwinException(
            RadioTwinMessages.SIZE_MISMATCH,
            what + ": arrivals[" + c + "] entries (2^cluster size)",
            setting.patterns(c),
            arrivals[c].length);
      }
      checkPmf(arrivals[c], what + ": arrivals[" + c + "]");
    }
    return this;
  }

  /**
   * Mean number of packets delivered when k are sent, Σ_d d·P(d | k).
   *
   * @param k packets sent
   * @return E[D | k]
   */
  public double expectedDelivered(int k) {
    double s = 0;
    for (int d = 0; d < reception[k].length; d++) {
      s += d * reception[k][d];
    }
    return s;
  }

  /**
   * Marginal probability that a device receives a packet in a slot.
   *
   * @param setting the system structure
   * @param device device index
   * @return P(arrival at device)
   */
  public double arrivalProbability(MacSetting setting, int device) {
    int[][] clusters = setting.clusters();
    for (int c = 0; c < clusters.length; c++) {
      for (int j = 0; j < clusters[c].length; j++) {
        if (clusters[c][j] == device) {
          double p = 0;
          for (int pattern = 0; pattern < arrivals[c].length; pattern++) {
            if ((pattern >> j & 1) != 0) {
              p += arrivals[c][pattern];
            }
          }
          return p;
        }
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT, "device", device + " is in no cluster");
  }

  private static void checkPmf(double[] p, String what) {
    double s = 0;
    for (double v : p) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            what,
            "probabilities must be finite and non-negative, got " + Arrays.toString(p));
      }
      s += v;
    }
    if (Math.abs(s - 1) > SUM_TOLERANCE) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, what, "probabilities must sum to 1, got " + s);
    }
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MacModel m
        && Arrays.deepEquals(reception, m.reception)
        && Arrays.deepEquals(arrivals, m.arrivals);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(reception) + Arrays.deepHashCode(arrivals);
  }

  @Override
  public String toString() {
    return "MacModel[reception="
        + Arrays.deepToString(reception)
        + ", arrivals="
        + Arrays.deepToString(arrivals)
        + "]";
  }
}
