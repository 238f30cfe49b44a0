package org.radiotwin.learn.mac;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The structure of the slotted multiple-access system that the twin knows exactly: number of
 * devices, buffer size, which devices share an arrival cluster, the cooperative reward and the
 * discount. What the twin does not know, the channel and arrival statistics, is a {@link MacModel}.
 *
 * <p>Per slot, the shared reward is {@code r = deliveryReward·D − overflowPenalty·O} where D is the
 * number of packets delivered and O the number of packets lost to full buffers; when {@code D = O =
 * 0} it is {@code idleReward} instead (seed 000 §III: +50, −50, −1).
 *
 * @param devices number of devices N ≥ 1
 * @param bufferCapacity packets a device can hold, B ≥ 1
 * @param clusters arrival clusters: disjoint lists of device indices covering all devices; the
 *     devices of a cluster receive packets jointly, by a pmf over the 2^m arrival patterns
 * @param deliveryReward reward per delivered packet (50)
 * @param overflowPenalty penalty per overflowed packet, a positive number (50)
 * @param idleReward reward of a slot with no delivery and no overflow (−1)
 * @param discount discount factor γ ∈ [0, 1) of the return Σ γ^t r_t (0.95)
 */
public record MacSetting(
    int devices,
    int bufferCapacity,
    int[][] clusters,
    double deliveryReward,
    double overflowPenalty,
    double idleReward,
    double discount) {

  /** Largest cluster size (2^m arrival patterns). */
  public static final int MAX_CLUSTER_SIZE = 16;

  /** Validates the structure. */
  public MacSetting {
    if (devices < 1 || devices > 30) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "devices", "must be in 1..30, got " + devices);
    }
    if (bufferCapacity < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "bufferCapacity",
          "must be at least 1, got " + bufferCapacity);
    }
    if (!(discount >= 0 && discount < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "discount", "must be in [0, 1), got " + discount);
    }
    for (double v : new double[] {deliveryReward, overflowPenalty, idleReward}) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "reward", v);
      }
    }
    boolean[] seen = new boolean[devices];
    int[][] copy = new int[clusters.length][];
    for (int c = 0; c < clusters.length; c++) {
      int[] members = clusters[c];
      if (members.length < 1 || members.length > MAX_CLUSTER_SIZE) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "clusters[" + c + "]",
            "must list 1.." + MAX_CLUSTER_SIZE + " devices, got " + members.length);
      }
      for (int d : members) {
        if (d < 0 || d >= devices || seen[d]) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "clusters[" + c + "]",
              "device " + d + " is out of range 0.." + (devices - 1) + " or in two clusters");
        }
        seen[d] = true;
      }
      copy[c] = members.clone();
    }
    for (int d = 0; d < devices; d++) {
      if (!seen[d]) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "clusters", "device " + d + " is in no cluster");
      }
    }
    clusters = copy;
  }

  /**
   * The setting of seed 000 §III / METHODS.md §5: four devices with one-packet buffers, clusters
   * {0, 1} and {2, 3}, rewards +50 / −50 / −1, discount 0.95.
   *
   * @return the default setting
   */
  public static MacSetting paperDefaults() {
    return new MacSetting(4, 1, new int[][] {{0, 1}, {2, 3}}, 50, 50, -1, 0.95);
  }

  /**
   * Number of arrival patterns of a cluster, 2^m.
   *
   * @param cluster cluster index
   * @return 2^(cluster size)
   */
  public int patterns(int cluster) {
    return 1 << clusters[cluster].length;
  }

  /**
   * The shared reward of one slot.
   *
   * @param delivered packets delivered in the slot
   * @param overflows packets dropped at full buffers in the slot
   * @return the reward
   */
  public double reward(int delivered, int overflows) {
    if (delivered == 0 && overflows == 0) {
      return idleReward;
    }
    return deliveryReward * delivered - overflowPenalty * overflows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MacSetting s
        && devices == s.devices
        && bufferCapacity == s.bufferCapacity
        && Arrays.deepEquals(clusters, s.clusters)
        && deliveryReward == s.deliveryReward
        && overflowPenalty == s.overflowPenalty
        && idleReward == s.idleReward
        && discount == s.discount;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(clusters) + Integer.hashCode(devices);
  }

  @Override
  public String toString() {
    return "MacSetting[devices="
        + devices
        + ", bufferCapacity="
        + bufferCapacity
        + ", clusters="
        + Arrays.deepToString(clusters)
        + "]";
  }
}
