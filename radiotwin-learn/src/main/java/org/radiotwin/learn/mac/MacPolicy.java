package org.radiotwin.learn.mac;

import java.util.SplittableRandom;

/**
 * A decentralised access policy: each device decides from what it can observe locally (its buffer,
 * the broadcast feedback, the slot index). Implementations must not read other devices' buffers.
 */
public interface MacPolicy {

  /**
   * Decides who transmits in the current slot.
   *
   * @param system the system before the slot (read the local observations from it)
   * @param transmit receives one decision per device
   * @param rng random generator for randomised policies
   */
  void decide(MultipleAccessSystem system, boolean[] transmit, SplittableRandom rng);

  /**
   * Time-division multiple access: device i transmits (if it has a packet) in the slots t ≡ i (mod
   * N). With one-packet buffers and i.i.d. arrivals of marginal probability λ_i, device i is full
   * at its slot with probability 1 − (1 − λ_i)^N, so the throughput is (1/N)·Σ_i [1 − (1 − λ_i)^N]
   * packets per slot ({@link #tdmaThroughput}).
   *
   * @return the TDMA policy
   */
  static MacPolicy tdma() {
    return (system, transmit, rng) -> {
      int n = transmit.length;
      int owner = (int) (system.slot() % n);
      for (int i = 0; i < n; i++) {
        transmit[i] = i == owner;
      }
    };
  }

  /**
   * Slotted ALOHA: every device with a packet transmits with probability p.
   *
   * @param p transmission probability in [0, 1]
   * @return the ALOHA policy
   */
  static MacPolicy aloha(double p) {
    return (system, transmit, rng) -> {
      for (int i = 0; i < transmit.length; i++) {
        transmit[i] = system.buffer(i) > 0 && rng.nextDouble() < p;
      }
    };
  }

  /**
   * Stationary throughput of {@link #tdma()} with one-packet buffers, arrivals after the
   * transmissions in a slot, and a reception row 1 that always delivers: (1/N)·Σ_i [1 − (1 −
   * λ_i)^N].
   *
   * @param setting system structure (buffer capacity 1)
   * @param model statistics (reception[1][1] = 1 assumed)
   * @return packets delivered per slot
   */
  static double tdmaThroughput(MacSetting setting, MacModel model) {
    int n = setting.devices();
    double s = 0;
    for (int i = 0; i < n; i++) {
      double lambda = model.arrivalProbability(setting, i);
      s += 1 - Math.pow(1 - lambda, n);
    }
    return s / n * model.reception()[1][1];
  }
}
