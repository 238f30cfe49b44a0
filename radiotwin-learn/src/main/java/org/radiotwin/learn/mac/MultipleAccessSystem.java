package org.radiotwin.learn.mac;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Slotted multiple access with finite buffers, cluster-correlated arrivals and a multi-packet
 * reception channel (seed 000 §III; Ruah et al., arXiv:2210.05582). The same simulator is the real
 * system (with the true {@link MacModel}) and a twin (with an estimated or sampled one).
 *
 * <p>One slot, in order:
 *
 * <ol>
 *   <li>every device with a non-empty buffer that decides to transmit sends its head packet; k =
 *       number of senders;
 *   <li>the channel delivers D ~ P(· | k) of them (reception row k), a uniformly random subset of
 *       the senders; delivered packets leave their buffers;
 *   <li>each cluster draws its arrival pattern; a packet reaching a full buffer is lost (overflow);
 *   <li>the base station broadcasts the feedback: {@link #FEEDBACK_IDLE} (nothing sent), {@link
 *       #FEEDBACK_SUCCESS} (every sent packet delivered) or {@link #FEEDBACK_COLLISION} (some sent
 *       packet lost);
 *   <li>the shared reward is {@link MacSetting#reward(int, int)} of (D, overflows).
 * </ol>
 *
 * <p>A device's local observation is its buffer level, the last feedback and the slot index modulo
 * a period (parity for period 2), packed as {@code (level·3 + feedback)·period + t mod period}.
 *
 * <p>Not thread-safe: one instance per simulation; the caller owns the random generator.
 */
public final class MultipleAccessSystem {

  /** Feedback: no device transmitted in the last slot (also the feedback before the first slot). */
  public static final int FEEDBACK_IDLE = 0;

  /** Feedback: every packet sent in the last slot was delivered. */
  public static final int FEEDBACK_SUCCESS = 1;

  /** Feedback: at least one packet sent in the last slot was lost. */
  public static final int FEEDBACK_COLLISION = 2;

  /** Number of feedback values. */
  public static final int FEEDBACKS = 3;

  private final MacSetting setting;
  private final int period;
  private final int[] buffers;
  private final int[] senders;
  private final boolean[] delivered;
  private final int[] arrivalPatterns;
  private MacModel model;
  private long slot;
  private int feedback;
  private int lastSent;
  private int lastDelivered;
  private int lastOverflows;

  /**
   * A system with empty buffers at slot 0.
   *
   * @param setting structure and rewards
   * @param model channel and arrival statistics
   * @param period period of the slot-index part of the observations (1 = none, 2 = parity)
   */
  public MultipleAccessSystem(MacSetting setting, MacModel model, int period) {
    if (period < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "period", "must be at least 1, got " + period);
    }
    this.setting = setting;
    this.period = period;
    this.model = model.validate(setting, "model");
    this.buffers = new int[setting.devices()];
    this.senders = new int[setting.devices()];
    this.delivered = new boolean[setting.devices()];
    this.arrivalPatterns = new int[setting.clusters().length];
  }

  /** Empties the buffers and restarts at slot 0 with idle feedback. */
  public void reset() {
    Arrays.fill(buffers, 0);
    Arrays.fill(arrivalPatterns, 0);
    slot = 0;
    feedback = FEEDBACK_IDLE;
    lastSent = 0;
    lastDelivered = 0;
    lastOverflows = 0;
  }

  /**
   * Replaces the statistics, keeping the state (used by the Bayesian twin every M slots).
   *
   * @param newModel the new model
   */
  public void setModel(MacModel newModel) {
    this.model = newModel.validate(setting, "model");
  }

  /**
   * Sets the buffer levels (for tests and for starting from a given state).
   *
   * @param levels one level in 0..B per device
   */
  public void setBuffers(int... levels) {
    if (levels.length != buffers.length) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "buffer levels", buffers.length, levels.length);
    }
    for (int i = 0; i < levels.length; i++) {
      if (levels[i] < 0 || levels[i] > setting.bufferCapacity()) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "buffer level of device " + i,
            "must be in 0.." + setting.bufferCapacity() + ", got " + levels[i]);
      }
    }
    System.arraycopy(levels, 0, buffers, 0, levels.length);
  }

  /**
   * Plays one slot.
   *
   * @param transmit per device, whether it wants to transmit (ignored for an empty buffer)
   * @param rng random generator for the channel and the arrivals
   * @return the shared reward of the slot
   */
  public double step(boolean[] transmit, SplittableRandom rng) {
    int n = buffers.length;
    int k = 0;
    for (int i = 0; i < n; i++) {
      delivered[i] = false;
      if (transmit[i] && buffers[i] > 0) {
        senders[k++] = i;
      }
    }
    int d = sample(model.reception()[k], rng);
    // A uniformly random d-subset of the senders: partial Fisher–Yates shuffle.
    for (int j = 0; j < d; j++) {
      int pick = j + rng.nextInt(k - j);
      int s = senders[pick];
      senders[pick] = senders[j];
      senders[j] = s;
      delivered[s] = true;
      buffers[s]--;
    }
    int overflows = 0;
    int[][] clusters = setting.clusters();
    double[][] arrivals = model.arrivals();
    for (int c = 0; c < clusters.length; c++) {
      int pattern = sample(arrivals[c], rng);
      arrivalPatterns[c] = pattern;
      int[] members = clusters[c];
      for (int j = 0; j < members.length; j++) {
        if ((pattern >> j & 1) != 0) {
          int dev = members[j];
          if (buffers[dev] < setting.bufferCapacity()) {
            buffers[dev]++;
          } else {
            overflows++;
          }
        }
      }
    }
    feedback = k == 0 ? FEEDBACK_IDLE : d == k ? FEEDBACK_SUCCESS : FEEDBACK_COLLISION;
    lastSent = k;
    lastDelivered = d;
    lastOverflows = overflows;
    slot++;
    return setting.reward(d, overflows);
  }

  private static int sample(double[] pmf, SplittableRandom rng) {
    int last = pmf.length - 1;
    if (last == 0) {
      return 0;
    }
    double u = rng.nextDouble();
    double c = 0;
    for (int i = 0; i < last; i++) {
      c += pmf[i];
      if (u < c) {
        return i;
      }
    }
    return last;
  }

  /**
   * Number of distinct local observations, (B + 1)·3·period.
   *
   * @return observation count
   */
  public int observationCount() {
    return (setting.bufferCapacity() + 1) * FEEDBACKS * period;
  }

  /**
   * The local observation of a device before it decides in the current slot.
   *
   * @param device device index
   * @return observation index in [0, {@link #observationCount()})
   */
  public int observation(int device) {
    return (buffers[device] * FEEDBACKS + feedback) * period + (int) (slot % period);
  }

  /**
   * The buffer level encoded in an observation index.
   *
   * @param observation observation index
   * @return buffer level
   */
  public int bufferLevelOf(int observation) {
    return observation / (FEEDBACKS * period);
  }

  /**
   * Buffer level of a device.
   *
   * @param device device index
   * @return packets waiting
   */
  public int buffer(int device) {
    return buffers[device];
  }

  /**
   * Current slot index (number of slots played since the last reset).
   *
   * @return slot index t
   */
  public long slot() {
    return slot;
  }

  /**
   * Feedback broadcast after the last slot.
   *
   * @return one of the FEEDBACK_ constants
   */
  public int feedback() {
    return feedback;
  }

  /**
   * Packets sent in the last slot.
   *
   * @return k
   */
  public int lastSent() {
    return lastSent;
  }

  /**
   * Packets delivered in the last slot.
   *
   * @return D
   */
  public int lastDelivered() {
    return lastDelivered;
  }

  /**
   * Packets lost to full buffers in the last slot.
   *
   * @return overflows
   */
  public int lastOverflows() {
    return lastOverflows;
  }

  /**
   * Whether a device's packet was delivered in the last slot (its ACK).
   *
   * @param device device index
   * @return true if acknowledged
   */
  public boolean acknowledged(int device) {
    return delivered[device];
  }

  /**
   * Arrival pattern of a cluster in the last slot (bit j ↔ j-th member).
   *
   * @param cluster cluster index
   * @return pattern index
   */
  public int lastArrivalPattern(int cluster) {
    return arrivalPatterns[cluster];
  }

  /**
   * The structure of this system.
   *
   * @return setting
   */
  public MacSetting setting() {
    return setting;
  }

  /**
   * The current statistics.
   *
   * @return model
   */
  public MacModel model() {
    return model;
  }

  /**
   * Period of the slot-index part of the observation.
   *
   * @return period
   */
  public int period() {
    return period;
  }
}
