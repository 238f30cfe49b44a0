package org.radiotwin.learn.mac;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Slots logged on the real system under a random exploration policy: the data the twin learns from.
 * Each record holds what the base station and the devices see in a slot: packets sent k, packets
 * delivered D (the ACKs) and every cluster's arrival pattern (the devices know which packets they
 * received, overflowed or not).
 *
 * @param slots the logged slots, in time order
 */
public record ExplorationLog(List<Slot> slots) {

  /**
   * One logged slot.
   *
   * @param sent packets sent k
   * @param delivered packets delivered D
   * @param arrivalPatterns arrival pattern of each cluster
   */
  public record Slot(int sent, int delivered, int[] arrivalPatterns) {

    /** Copies the patterns. */
    public Slot {
      arrivalPatterns = arrivalPatterns.clone();
    }
  }

  /** Makes the list immutable. */
  public ExplorationLog {
    slots = Collections.unmodifiableList(new ArrayList<>(slots));
  }

  /**
   * Runs the real system from empty buffers for a number of slots; each device with a packet
   * transmits independently with probability {@code transmitProbability}.
   *
   * @param real the real system (reset first; its random stream is {@code rng})
   * @param slots number of slots to log, ≥ 0
   * @param transmitProbability exploration probability in [0, 1]
   * @param rng random generator of the real system and the exploration
   * @return the log
   */
  public static ExplorationLog collect(
      MultipleAccessSystem real, int slots, double transmitProbability, SplittableRandom rng) {
    if (slots < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "data slots", "must be non-negative, got " + slots);
    }
    if (!(transmitProbability >= 0 && transmitProbability <= 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "exploration probability",
          "must be in [0, 1], got " + transmitProbability);
    }
    real.reset();
    int n = real.setting().devices();
    int clusters = real.setting().clusters().length;
    boolean[] transmit = new boolean[n];
    List<Slot> log = new ArrayList<>(slots);
    for (int t = 0; t < slots; t++) {
      for (int i = 0; i < n; i++) {
        transmit[i] = rng.nextDouble() < transmitProbability;
      }
      real.step(transmit, rng);
      int[] patterns = new int[clusters];
      for (int c = 0; c < clusters; c++) {
        patterns[c] = real.lastArrivalPattern(c);
      }
      log.add(new Slot(real.lastSent(), real.lastDelivered(), patterns));
    }
    return new ExplorationLog(log);
  }

  /**
   * The first slots of this log.
   *
   * @param count number of slots kept, at most {@link #size()}
   * @return a log of the first {@code count} slots
   */
  public ExplorationLog prefix(int count) {
    return new ExplorationLog(slots.subList(0, count));
  }

  /**
   * Number of logged slots.
   *
   * @return size
   */
  public int size() {
    return slots.size();
  }
}
